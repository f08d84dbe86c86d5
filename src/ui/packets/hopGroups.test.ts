import { describe, expect, it } from 'vitest';
import { trace } from '../../sim/tracer';
import { loadExample } from '../../sim/testing/examples';
import { stepsOf } from '../../store/playback';
import { groupSteps, groupSummary } from './hopGroups';
import { createTranslator } from '../../i18n/index';

const en = createTranslator('en');
const zh = createTranslator('zh-CN');

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
    expect(groupSummary({ steps }, node1, en)).toMatch(/^veth → cni0 → DNAT/);
    // In Chinese the actions are Chinese words; interface names stay as the kernel prints them.
    expect(groupSummary({ steps }, node1, zh)).toMatch(/^veth → cni0 → 目的地址转换 → 路由/);
  });

  it("says encapsulation in the reader's language (VXLAN across subnets)", () => {
    const vx = loadExample('vxlan-across-subnets');
    const run = stepsOf(trace(vx, { from: 'pod-client', to: 'pod-web', port: 80 }, { seed: 1 }));
    const groups = groupSteps(run).flatMap((p) => p.groups);
    const summaries = (t: typeof en) => groups.map((g) => groupSummary({ steps: run }, g, t));
    expect(summaries(en).some((s) => s.includes('VXLAN encap'))).toBe(true);
    expect(summaries(zh).some((s) => s.includes('VXLAN 封装'))).toBe(true);
    expect(summaries(zh).join(' ')).not.toMatch(/\b(send|route|encap|decap|deliver)\b/);
  });
});
