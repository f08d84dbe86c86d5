/** Shared fixtures of the edit tests: a two-rack scenario and assertions on refused edits. */
import { expect } from 'vitest';
import { parseScenario } from './parse';
import type { Scenario, ScenarioInput } from './schema';
import { validateScenario } from '../net/validate';
import type { EditResult } from './edit';
import { formatMessage } from '../../i18n/sim/index';
import type { Message } from '../messages/index';

/** Refused with exactly this English message (and on this field, when given). */
export function refusedWith(r: { ok: boolean; error?: unknown; field?: string }, text: string | RegExp, field?: string) {
  expect(r.ok).toBe(false);
  const t = formatMessage('en', (r as { error: Message }).error);
  if (typeof text === 'string') expect(t).toBe(text);
  else expect(t).toMatch(text);
  if (field !== undefined) expect(r.field).toBe(field);
}

/** The edit or parse was refused, with an English message containing `text` (and on `field`, when given). */
export function expectRefused(r: { ok: boolean; error?: Message; field?: string }, text: string, field?: string) {
  expect(r.ok).toBe(false);
  expect(formatMessage('en', r.error!)).toContain(text);
  if (field !== undefined) expect(r.field).toBe(field);
}

export const base: ScenarioInput = {
  version: 1,
  subnets: [
    { id: 'subnet-a', name: 'rack-a', cidr: '192.168.1.0/24', gateway: '192.168.1.1' },
    { id: 'subnet-b', name: 'rack-b', cidr: '192.168.2.0/24', gateway: '192.168.2.1' },
  ],
  routers: [
    {
      id: 'router-1',
      name: 'core',
      interfaces: [
        { subnet: 'subnet-a', ip: '192.168.1.1' },
        { subnet: 'subnet-b', ip: '192.168.2.1' },
      ],
    },
  ],
  nodes: [
    { id: 'node-1', name: 'node-1', subnet: 'subnet-a', ip: '192.168.1.10' },
    { id: 'node-2', name: 'node-2', subnet: 'subnet-b', ip: '192.168.2.10' },
  ],
  pods: [
    { id: 'web-1', name: 'web-1', node: 'node-1', labels: { app: 'web' }, containers: [{ name: 'web', ports: [{ containerPort: 80 }] }] },
    { id: 'web-2', name: 'web-2', node: 'node-2', labels: { app: 'web' }, containers: [{ name: 'web', ports: [{ containerPort: 80 }] }] },
  ],
  services: [{ id: 'web', name: 'web', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] }],
};

export function scenario(input: ScenarioInput = base): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

export function ok(r: EditResult): Scenario {
  if (!r.ok) throw new Error(`edit failed: ${formatMessage('en', r.error)}`);
  return r.scenario;
}

export const errors = (s: Scenario) => validateScenario(s).filter((p) => p.severity === 'error');
