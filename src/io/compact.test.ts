import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type Scenario } from '../sim/index';
import { parseScenario, scenarioSchema } from '../sim/editing';
import { compactScenario, roundLayout, stripDefaults } from './compact';
import { scenarioArbitrary } from './arbitrary-scenario';

function parsed(doc: unknown): Scenario {
  const r = parseScenario(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

const twoNodes = parsed({
  version: 1,
  subnets: [{ id: 'lan', name: 'lan', cidr: '192.168.1.0/24' }],
  nodes: [
    { id: 'n1', name: 'n1', subnet: 'lan', ip: '192.168.1.10' },
    { id: 'n2', name: 'n2', subnet: 'lan', ip: '192.168.1.11' },
  ],
  pods: [
    { id: 'a', name: 'a', node: 'n1', containers: [{ name: 'c' }] },
    { id: 'b', name: 'b', node: 'n1', containers: [{ name: 'c' }] },
    { id: 'c', name: 'c', node: 'n2', labels: { app: 'web' }, containers: [{ name: 'c', ports: [{ containerPort: 80 }] }] },
  ],
  services: [{ id: 'web', name: 'web', type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] }],
  layout: { n1: { x: 10.4, y: -3.6 } },
});

describe('compactScenario', () => {
  it('leaves out defaults and the addresses the allocators hand out anyway', () => {
    const doc = compactScenario(twoNodes) as Record<string, unknown>;
    const text = JSON.stringify(doc);
    expect(twoNodes.pods.map((p) => p.ip)).toEqual(['10.244.0.2', '10.244.0.3', '10.244.1.2']);
    expect(text).not.toContain('10.244.');
    expect(text).not.toContain('"namespace"');
    expect(text).not.toContain('"cluster"');
    expect(text).not.toContain('sessionAffinity');
    expect(text).not.toContain('clusterIP');
    expect(text).not.toContain('nodePort');
    expect(doc.layout).toEqual({ n1: { x: 10, y: -4 } });
    expect(parsed(doc)).toEqual(roundLayout(twoNodes));
  });

  it('keeps an address the allocator would not reproduce, and only that one', () => {
    // Pod b moved to .9 by hand: a and c still come out of the allocator as they are.
    const custom = { ...twoNodes, pods: twoNodes.pods.map((p) => (p.id === 'b' ? { ...p, ip: '10.244.0.9' } : p)) };
    const doc = compactScenario(custom) as { pods: { id: string; ip?: string }[] };
    expect(doc.pods.map((p) => p.ip)).toEqual([undefined, '10.244.0.9', undefined]);
    expect(parsed(doc)).toEqual(roundLayout(custom));
  });

  it('leaves out the healthCheckNodePort of a LoadBalancer Service with Local policy when it is the allocated one', () => {
    const lb = parsed({
      ...compactScenario(twoNodes),
      services: [{ id: 'web', name: 'web', type: 'LoadBalancer', externalTrafficPolicy: 'Local', selector: { app: 'web' }, ports: [{ port: 80 }] }],
    });
    expect(lb.services[0]!.healthCheckNodePort).toBe(30001);
    expect(JSON.stringify(compactScenario(lb))).not.toContain('healthCheckNodePort');
    expect(parsed(compactScenario(lb))).toEqual(roundLayout(lb));
    const custom = { ...lb, services: [{ ...lb.services[0]!, healthCheckNodePort: 31999 }] };
    expect(parsed(compactScenario(custom)).services[0]!.healthCheckNodePort).toBe(31999);
  });

  it('keeps a pod address that another pod would otherwise take first', () => {
    // b keeps .2 and a has .3: leaving both out would swap them.
    const swapped = {
      ...twoNodes,
      pods: twoNodes.pods.map((p) => (p.id === 'a' ? { ...p, ip: '10.244.0.3' } : p.id === 'b' ? { ...p, ip: '10.244.0.2' } : p)),
    };
    expect(parsed(compactScenario(swapped))).toEqual(roundLayout(swapped));
  });

  it('property: parses back to the same scenario and is never longer than the defaults-only form', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (s) => {
        const doc = compactScenario(s);
        expect(parsed(doc)).toEqual(roundLayout(s));
        expect(JSON.stringify(doc).length).toBeLessThanOrEqual(JSON.stringify(stripDefaults(roundLayout(s), scenarioSchema)).length);
      }),
      { numRuns: 150 },
    );
  });
});

describe('stripDefaults', () => {
  it('walks the schema: a changed default stays, an unchanged one goes', () => {
    const doc = stripDefaults({ ...twoNodes, cluster: { ...twoNodes.cluster, flannelBackend: 'host-gw', mtu: 1500 } }, scenarioSchema) as { cluster: unknown };
    expect(doc.cluster).toEqual({ flannelBackend: 'host-gw' });
  });
});
