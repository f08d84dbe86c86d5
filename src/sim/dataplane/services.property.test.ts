/**
 * Properties of Service traces on generated variations of the NodePort example (both kube-proxy
 * modes, 0-4 endpoints spread over the nodes, every traffic policy and affinity, any source): every
 * trace ends with a verdict, and when a reply comes back it comes from exactly the address and port
 * the client connected to; conntrack must undo every DNAT and SNAT on the way (netfilter NAT semantics,
 * kubernetes.io/docs/reference/networking/virtual-ips/).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadExample, withChanges } from '../testing/examples';
import { trace } from '../trace/trace';
import { DROP_CODES } from '../trace/reasons';
import type { Pod } from '../model/schema';

const base = loadExample('nodeport');
const template = base.pods[0]!;

const variant = fc.record({
  mode: fc.constantFrom('iptables' as const, 'ipvs' as const),
  placement: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 4 }),
  etp: fc.constantFrom('Cluster' as const, 'Local' as const),
  itp: fc.constantFrom('Cluster' as const, 'Local' as const),
  affinity: fc.constantFrom('None' as const, 'ClientIP' as const),
  source: fc.integer({ min: 0, max: 10 }),
  target: fc.constantFrom('clusterIP' as const, 'nodePort' as const),
  node: fc.integer({ min: 0, max: 2 }),
  seed: fc.integer({ min: 0, max: 1e6 }),
});

describe('Service traces on generated scenarios', () => {
  it('end with a verdict, and a reply always comes from the address the client connected to', () => {
    fc.assert(
      fc.property(variant, (v) => {
        const s = withChanges(base, (c) => {
          c.cluster.kubeProxyMode = v.mode;
          c.pods = v.placement.map((n, i): Pod => ({
            ...structuredClone(template),
            id: `web-${i}`,
            name: `web-${i}`,
            node: `node-${n + 1}`,
            ip: `10.244.${n}.${10 + i}`,
          }));
          c.pods.push({
            ...structuredClone(template),
            id: 'caller',
            name: 'caller',
            node: `node-${(v.source % 3) + 1}`,
            ip: `10.244.${v.source % 3}.99`,
            labels: { app: 'caller' },
          });
          for (const svc of c.services) {
            svc.externalTrafficPolicy = v.etp;
            svc.internalTrafficPolicy = v.itp;
            svc.sessionAffinity = v.affinity;
          }
        });
        const from = v.source < 3 ? 'caller' : v.source < 6 ? `node-${(v.source % 3) + 1}` : 'laptop';
        const svc = s.services[v.node % 2]!;
        const to = v.target === 'clusterIP' ? svc.clusterIP! : s.nodes[v.node]!.ip;
        const port = v.target === 'clusterIP' ? 80 : svc.ports[0]!.nodePort!;
        const r = trace(s, { from, to, port }, { seed: v.seed });
        expect(['delivered', 'dropped']).toContain(r.verdict);
        if (r.verdict === 'dropped') expect(DROP_CODES).toContain(r.reason!.code);
        if (r.reply?.verdict === 'delivered') {
          const first = r.hops.find((h) => h.packet.src !== '')!.packet;
          const last = r.reply.hops[r.reply.hops.length - 1]!.packet;
          expect(last).toMatchObject({ src: to, sport: port, dst: first.src, dport: first.sport });
        }
        if (r.verdict === 'delivered') expect(v.placement.length).toBeGreaterThan(0);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
