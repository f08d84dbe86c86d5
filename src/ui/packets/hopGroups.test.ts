import { describe, expect, it } from 'vitest';
import { trace } from '../../sim/index';
import { loadExample } from '../../sim/testing/examples';
import { stepsOf } from '../../store/playback';
import { groupSteps, groupSummary } from './hopGroups';

describe('hops grouped by phase and element', () => {
  const s = loadExample('clusterip');
  const r = trace(s, { from: 'client', to: 'web', port: 80 }, { seed: 1 });
  const steps = stepsOf(r);
  const phases = groupSteps(steps);

  it('keeps wire order: DNS query, DNS answer, request, reply; every step exactly once', () => {
    expect(phases.map((p) => p.phase)).toEqual(['dns', 'dns-reply', 'request', 'reply']);
    const all = phases.flatMap((p) => p.groups.flatMap((g) => g.steps));
    expect(all).toEqual(steps.map((_, i) => i));
  });

  it('groups the consecutive hops on one element and says what happened there', () => {
    const request = phases.find((p) => p.phase === 'request')!;
    // client, node-1, the subnet or router between nodes, node-2, the pod: far fewer groups than hops.
    expect(request.groups.length).toBeLessThan(request.groups.flatMap((g) => g.steps).length);
    for (const g of request.groups) for (const i of g.steps) expect(steps[i]!.hop.at).toBe(g.at);
    const node1 = request.groups.find((g) => g.at === 'node-1')!;
    expect(groupSummary({ steps }, node1)).toMatch(/^veth → cni0 → DNAT/);
  });
});
