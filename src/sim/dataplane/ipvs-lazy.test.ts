/**
 * IPVS mode looked up lazily gives exactly what the whole tables give (issue 15: a trace's cost grows
 * with the packet's path). The whole tables are what kube-proxy's syncProxyRules writes on a node
 * (kubernetes pkg/proxy/ipvs/proxier.go: a virtual server per ClusterIP, load balancer IP and
 * NodePort address of each service port; the ipsets KUBE-CLUSTER-IP, KUBE-LOOP-BACK, ...).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scenarioArbitrary } from '../../io/arbitrary-scenario';
import { parseScenario } from '../model/parse';
import type { Scenario } from '../model/schema';
import { topology } from '../model/topology';
import { ipvsTables, ipsetKey, nodePortAddresses, type VirtualServer } from './kubeproxy-ipvs';
import { ipvsIptablesRules } from './ipvs-iptables';
import { ipvsNode } from './ipvs-lazy';
import { walk, type Probe } from './iptables-walk';
import { createRng } from '../trace/rng';
import { loadExample, withChanges } from '../testing/examples';
import { trace } from '../trace/trace';

const vsSummary = (vs: VirtualServer | undefined) =>
  vs && { text: vs.text, kind: vs.kind, service: vs.service.name, realServers: vs.realServers.map((r) => r.text) };
const walkSummary = (r: ReturnType<typeof walk>) => ({ verdict: r.verdict, dnat: r.dnat, mark: r.mark, trail: r.trail.map((x) => x.text) });

/**
 * Small clusters where Services do select pods (random scenarios rarely do): pods of two apps on up to
 * four nodes, Ready, NotReady or Terminating; Services of every type and traffic policy over them.
 */
const denseArbitrary: fc.Arbitrary<Scenario> = fc
  .record({
    nodes: fc.integer({ min: 1, max: 4 }),
    pods: fc.array(fc.record({ node: fc.nat(3), app: fc.constantFrom('a', 'b'), readiness: fc.constantFrom('Ready', 'NotReady', 'Terminating') }), {
      maxLength: 8,
    }),
    services: fc.array(
      fc.record({
        app: fc.constantFrom('a', 'b'),
        type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer'),
        proto: fc.constantFrom('TCP', 'UDP'),
        itp: fc.constantFrom('Cluster', 'Local'),
        etp: fc.constantFrom('Cluster', 'Local'),
        affinity: fc.boolean(),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map((g) => {
    const r = parseScenario({
      version: 1,
      cluster: { kubeProxyMode: 'ipvs' },
      subnets: [{ id: 'rack', name: 'rack', cidr: '192.168.0.0/24', gateway: '192.168.0.1' }],
      routers: [],
      nodes: Array.from({ length: g.nodes }, (_, i) => ({ id: `node-${i}`, name: `node-${i}`, subnet: 'rack', ip: `192.168.0.${10 + i}` })),
      pods: g.pods.map((p, i) => ({
        id: `pod-${i}`,
        name: `pod-${i}`,
        node: `node-${p.node % g.nodes}`,
        labels: { app: p.app },
        readiness: p.readiness,
        containers: [
          {
            name: 'c',
            ports: [
              { containerPort: 8080, protocol: 'TCP' },
              { containerPort: 8080, protocol: 'UDP' },
            ],
          },
        ],
      })),
      services: g.services.map((x, i) => ({
        id: `svc-${i}`,
        name: `svc-${i}`,
        type: x.type,
        selector: { app: x.app },
        ports: [{ port: 80, targetPort: 8080, protocol: x.proto }],
        internalTrafficPolicy: x.itp,
        ...(x.type === 'ClusterIP' ? {} : { externalTrafficPolicy: x.etp }),
        ...(x.affinity ? { sessionAffinity: 'ClientIP' } : {}),
      })),
      loadBalancers: g.services.flatMap((x, i) =>
        x.type === 'LoadBalancer' ? [{ id: `lb-${i}`, name: `lb-${i}`, service: `svc-${i}`, ip: `192.168.0.${200 + i}`, subnet: 'rack' }] : [],
      ),
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.scenario;
  });

describe('IPVS mode looked up lazily', () => {
  it('every virtual server, ipset lookup and nat/filter walk equals the whole tables of the node', () => {
    fc.assert(
      fc.property(fc.oneof(scenarioArbitrary, denseArbitrary), fc.nat(1000), (input, seed) => {
        const s = withChanges(input, (c) => {
          c.cluster.kubeProxyMode = 'ipvs';
        });
        const t = topology(s);
        for (const node of s.nodes) {
          const full = ipvsTables(t, node);
          const lazy = ipvsNode(t, node);
          // The same rules as written from the whole sets.
          const fullRules = ipvsIptablesRules(t, node, (name) => (full.sets.get(name)?.size ?? 0) > 0);
          expect(lazy.rules).toEqual(fullRules);
          // Every virtual server of the node is found, and found the same.
          for (const [key, vs] of full.servers) {
            expect(vsSummary(lazy.server(vs.proto.toLowerCase(), vs.ip, vs.port)), key).toEqual(vsSummary(vs));
          }
          // Every set member is a member, and nothing else is.
          for (const [name, members] of full.sets) for (const m of members) expect(lazy.inSet(name, m), `${name} ${m}`).toBe(true);
          const addrs = new Set([
            ...nodePortAddresses(node),
            ...s.services.map((x) => (x.clusterIP && x.clusterIP !== 'None' ? x.clusterIP : '10.96.0.1')),
            ...s.loadBalancers.map((lb) => lb.ip),
            ...s.pods.map((p) => p.ip ?? '10.244.0.2'),
            '203.0.113.7',
          ]);
          /** Walks (slower than lookups) for the addresses a Service rule can name; the pods' only for hairpin. */
          const walked = new Set([node.ip, ...s.services.map((x) => x.clusterIP ?? ''), ...s.loadBalancers.map((lb) => lb.ip), s.pods[0]?.ip ?? '']);
          const ports = [
            ...new Set([
              ...s.services.flatMap((x) => x.ports.flatMap((p) => [p.port, p.nodePort ?? 30000])),
              ...s.services.map((x) => x.healthCheckNodePort ?? 0),
              8080,
              22,
            ]),
          ];
          for (const dst of addrs) {
            for (const dport of ports) {
              for (const proto of ['tcp', 'udp']) {
                const key = `${proto.toUpperCase()}|${dst}:${dport}`;
                expect(vsSummary(lazy.server(proto, dst, dport)), key).toEqual(vsSummary(full.servers.get(key)));
                for (const src of new Set([dst, '203.0.113.7', node.ip])) {
                  const pkt = { src, dst, proto, dport };
                  for (const [name, flags] of [
                    ['KUBE-CLUSTER-IP', 'dst,dst'],
                    ['KUBE-LOAD-BALANCER', 'dst,dst'],
                    ['KUBE-LOAD-BALANCER-LOCAL', 'dst,dst'],
                    ['KUBE-NODE-PORT-TCP', 'dst'],
                    ['KUBE-NODE-PORT-LOCAL-TCP', 'dst'],
                    ['KUBE-NODE-PORT-UDP', 'dst'],
                    ['KUBE-LOOP-BACK', 'dst,dst,src'],
                    ['KUBE-HEALTH-CHECK-NODE-PORT', 'dst'],
                  ] as const) {
                    const k = ipsetKey(flags, pkt);
                    expect(lazy.inSet(name, k), `${name} ${k}`).toBe(full.sets.get(name)?.has(k) ?? false);
                  }
                  if (!walked.has(dst)) continue;
                  for (const [table, hook] of [
                    ['nat', 'PREROUTING'],
                    ['nat', 'OUTPUT'],
                    ['nat', 'POSTROUTING'],
                    ['filter', 'INPUT'],
                    ['filter', 'FORWARD'],
                  ] as const) {
                    const probe = (inSet: (name: string, key: string) => boolean): Probe => {
                      const rng = createRng(seed);
                      return {
                        src,
                        dst,
                        proto,
                        dport,
                        mark: hook === 'POSTROUTING',
                        isLocal: (ip) => ip === node.ip,
                        random31: () => Math.floor(rng.next() * 0x80000000),
                        inSet: (name, flags) => inSet(name, ipsetKey(flags, pkt)),
                      };
                    };
                    const a = walk(
                      fullRules[table],
                      hook,
                      probe((name, k) => full.sets.get(name)?.has(k) ?? false),
                    );
                    const b = walk(
                      lazy.rules[table],
                      hook,
                      probe((name, k) => lazy.inSet(name, k)),
                    );
                    expect(walkSummary(b)).toEqual(walkSummary(a));
                  }
                }
              }
            }
          }
        }
      }),
      { numRuns: 20 },
    );
  }, 60_000);

  it('a trace builds only the virtual server it is sent to, and ipvsadm -Ln still lists the whole node', () => {
    const s = withChanges(loadExample('clusterip'), (c) => {
      c.cluster.kubeProxyMode = 'ipvs';
    });
    const t = topology(s);
    const web = s.services.find((x) => x.name === 'web')!;
    const r = trace(s, { from: 'client', to: web.clusterIP!, port: 80 }, { seed: 1 });
    expect(r.verdict).toBe('delivered');
    const built = s.nodes.map((n) => ipvsNode(t, n).built());
    expect(Math.max(...built)).toBe(1);
    const node = s.nodes[built.indexOf(1)]!;
    const full = ipvsTables(t, node);
    expect(full.servers.size).toBeGreaterThan(1);
    expect(vsSummary(ipvsNode(t, node).server('tcp', web.clusterIP!, 80))).toEqual(vsSummary(full.servers.get(`TCP|${web.clusterIP}:80`)));
  });
});
