/** The lazily built rules walk exactly as the whole table does (issue 15: rules built per packet path). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scenarioArbitrary } from '../../io/arbitrary-scenario';
import { topology } from '../model/topology';
import { iptablesProxyRules } from './kubeproxy-iptables';
import { lazyProxyRules } from './kubeproxy-lazy';
import { walk, type Probe } from './iptables-walk';
import { createRng } from '../trace/rng';
import { loadExample } from '../testing/examples';
import { trace } from '../trace/trace';

function probeFor(dst: string, proto: string, dport: number | undefined, src: string, mark: boolean, local: Set<string>, seed: number): Probe {
  const rng = createRng(seed);
  return {
    src,
    dst,
    proto,
    ...(dport !== undefined ? { dport } : {}),
    mark,
    isLocal: (ip) => local.has(ip),
    random31: () => Math.floor(rng.next() * 0x80000000),
  };
}

const summary = (r: ReturnType<typeof walk>) => ({ verdict: r.verdict, dnat: r.dnat, mark: r.mark, trail: r.trail.map((x) => x.text) });

describe('lazy kube-proxy rules', () => {
  it('every walk (nat and filter hooks) matches the walk of the whole node table', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.nat(1000), (s, seed) => {
        const t = topology(s);
        for (const node of s.nodes) {
          const full = iptablesProxyRules(t, node);
          const lazy = lazyProxyRules(t, node);
          const local = new Set([node.ip]);
          const targets: [string, number][] = [];
          for (const svc of s.services)
            for (const p of svc.ports) {
              if (svc.clusterIP && svc.clusterIP !== 'None') targets.push([svc.clusterIP, p.port]);
              if (p.nodePort !== undefined) targets.push([node.ip, p.nodePort]);
              if (svc.healthCheckNodePort !== undefined) targets.push([node.ip, svc.healthCheckNodePort]);
            }
          for (const lb of s.loadBalancers) targets.push([lb.ip, 80]);
          targets.push([node.ip, 22]);
          for (const [dst, dport] of targets) {
            for (const proto of ['tcp', 'udp']) {
              for (const src of [s.pods[0]?.ip ?? '10.244.0.2', '203.0.113.7', node.ip]) {
                for (const [table, hook, mark] of [
                  ['nat', 'PREROUTING', false],
                  ['nat', 'OUTPUT', false],
                  ['nat', 'POSTROUTING', true],
                  ['filter', 'INPUT', false],
                  ['filter', 'FORWARD', false],
                  ['filter', 'OUTPUT', false],
                ] as const) {
                  const a = walk(full[table], hook, probeFor(dst, proto, dport, src, mark, local, seed));
                  const b = walk(lazy[table], hook, probeFor(dst, proto, dport, src, mark, local, seed));
                  expect(summary(b)).toEqual(summary(a));
                }
              }
            }
          }
        }
      }),
      { numRuns: 25 },
    );
  }, 30_000);

  it('a trace writes the rules of the Service it uses only, not of every Service', () => {
    const s = loadExample('clusterip');
    const t = topology(s);
    const web = s.services.find((x) => x.name === 'web')!;
    const r = trace(s, { from: 'client', to: web.clusterIP!, port: 80 }, { seed: 1 });
    expect(r.verdict).toBe('delivered');
    const touched = s.nodes.map((n) => lazyProxyRules(t, n).written());
    expect(Math.max(...touched)).toBe(1);
    expect(s.services.length).toBeGreaterThan(1);
  });
});
