import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioJson } from '../../sim/editing';
import { caliName } from '../../sim/tracer';
import { createFlowBuilder } from './flow';
import { CALI_PENDING } from './caliNames';
import type { AppNode } from './flowTypes';

const r = parseScenarioJson(readFileSync(new URL('../../../examples/calico-policy.json', import.meta.url), 'utf8'));
if (!r.ok) throw new Error('examples/calico-policy.json does not parse');
const calico = r.scenario;

const vethsOf = (nodes: AppNode[], id: string) => (nodes.find((n) => n.id === id)?.data as { veths: { name: string }[] }).veths.map((v) => v.name);

describe("Calico's veth names on the canvas", () => {
  const nodeId = calico.nodes[0]!.id;
  const pods = calico.pods.filter((p) => p.node === nodeId);

  it('are cali + 11 hex digits once the hash is here, and `cali…` (never another name) before', () => {
    expect(calico.cluster.cni).toBe('calico');
    expect(pods.length).toBeGreaterThan(0);
    const b = createFlowBuilder();
    const before = b.nodes(calico, new Set());
    expect(vethsOf(before, nodeId)).toEqual(pods.map(() => CALI_PENDING));
    const after = b.nodes(calico, new Set(), undefined, false, undefined, caliName);
    // libcalico-go VethNameForWorkload: "cali" + sha1("<namespace>.<pod>")[:11].
    expect(vethsOf(after, nodeId)).toEqual(pods.map((p) => caliName(p)));
    for (const name of vethsOf(after, nodeId)) expect(name).toMatch(/^cali[0-9a-f]{11}$/);
    // The node card is built again when the names arrive (not kept from the cache).
    expect(after.find((n) => n.id === nodeId)).not.toBe(before.find((n) => n.id === nodeId));
  });
});
