/** Every entry a hop matched is a line of some element's Inside tab (and the link finds it). */
import { describe, expect, it } from 'vitest';
import { loadExample, withChanges } from '../testing/examples';
import { trace } from '../trace/trace';
import { locateMatch, toolText } from './locate';
import type { Hop, TraceResult } from '../trace/types';

function allHops(r: TraceResult): Hop[][] {
  return [r.dns?.hops ?? [], r.dns?.reply?.hops ?? [], r.hops, r.reply?.hops ?? [], r.upstream?.request.hops ?? [], r.upstream?.reply?.hops ?? []];
}

describe('locateMatch', () => {
  it("links a ClusterIP trace's route, ARP, FDB, iptables and conntrack matches to lines of the right tab", () => {
    const s = loadExample('clusterip');
    const r = trace(s, { from: 'client', to: 'web', port: 80 }, { seed: 2 });
    const found = new Set<string>();
    for (const hops of allHops(r)) {
      hops.forEach((h, i) => {
        for (const m of h.match ?? []) {
          const loc = locateMatch(s, h, hops[i - 1], m, [r]);
          if (!loc) continue;
          found.add(`${m.kind}:${loc.tool}`);
          const lines = toolText(s, loc.element, loc.tool, [r]).split('\n');
          expect(lines[loc.lines[0]!]!.trimEnd()).toBe(m.rule.split('\n')[0]);
        }
      });
    }
    for (const k of ['route:ip-route', 'arp:ip-neigh', 'fdb:bridge-fdb', 'iptables:iptables-save', 'conntrack:conntrack']) expect(found).toContain(k);
  });

  it('finds a KUBE-SEP DNAT rule in the nat table on the node that applied it', () => {
    const s = loadExample('clusterip');
    const r = trace(s, { from: 'client', to: '10.96.0.2', port: 80 }, { seed: 5 });
    const i = r.hops.findIndex((h) => h.action === 'dnat');
    const dnat = r.hops[i]!.match!.find((m) => m.chain?.startsWith('KUBE-SEP-') && m.rule.includes('DNAT'))!;
    const loc = locateMatch(s, r.hops[i]!, r.hops[i - 1], dnat)!;
    expect(loc).toMatchObject({ element: 'node-1', tool: 'iptables-save' });
    const text = toolText(s, 'node-1', 'iptables-save').split('\n');
    expect(text.lastIndexOf('*nat', loc.lines[0])).toBeGreaterThan(text.lastIndexOf('*filter', loc.lines[0]));
  });

  it("puts an ARP entry used on a subnet in the sender's table, on its device", () => {
    const s = loadExample('vxlan-across-subnets');
    const r = trace(s, { from: 'client', to: 'web', port: 80 });
    const hops = r.hops;
    const i = hops.findIndex((h, k) => h.kind === 'subnet' && hops[k - 1]?.kind === 'router');
    const m = hops[i]!.match!.find((x) => x.kind === 'arp')!;
    expect(m.rule).toMatch(/ dev eth1 lladdr 52:54:00:/);
    expect(locateMatch(s, hops[i]!, hops[i - 1], m)).toMatchObject({ element: 'router-1', tool: 'ip-neigh' });
  });

  it('spans the virtual server and the real server it picked in ipvsadm', () => {
    const s = withChanges(loadExample('clusterip'), (c) => void (c.cluster.kubeProxyMode = 'ipvs'));
    const r = trace(s, { from: 'client', to: '10.96.0.2', port: 80 });
    const i = r.hops.findIndex((h) => h.match?.some((m) => m.kind === 'ipvs'));
    const m = r.hops[i]!.match!.find((x) => x.kind === 'ipvs')!;
    const loc = locateMatch(s, r.hops[i]!, r.hops[i - 1], m)!;
    expect(loc.tool).toBe('ipvsadm');
    expect(loc.lines).toHaveLength(2);
    expect(loc.lines[1]).toBeGreaterThan(loc.lines[0]!);
  });
});
