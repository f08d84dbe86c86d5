/** fast-check generators of valid scenarios and packets, for property tests. */
import fc from 'fast-check';
import { parseScenario } from '../model/parse';
import type { Scenario, ScenarioInput } from '../model/schema';

export const arbScenario: fc.Arbitrary<Scenario> = fc
  .record({
    subnets: fc.integer({ min: 1, max: 3 }),
    cni: fc.constantFrom('host-gw' as const, 'vxlan' as const),
    directRouting: fc.boolean(),
    nodeSubnets: fc.array(fc.nat(2), { minLength: 1, maxLength: 6 }),
    podNodes: fc.array(fc.nat(5), { maxLength: 12 }),
    podPorts: fc.array(fc.constantFrom(80, 443, 8080, 53), { minLength: 12, maxLength: 12 }),
    clients: fc.array(fc.nat(3), { maxLength: 2 }),
    internet: fc.boolean(),
  })
  .map((g) => {
    const subnets = Array.from({ length: g.subnets }, (_, i) => ({ id: `s${i}`, name: `s${i}`, cidr: `192.168.${i}.0/24`, gateway: `192.168.${i}.1` }));
    if (g.internet) subnets.push({ id: 'inet', name: 'internet', cidr: '203.0.113.0/24', gateway: '203.0.113.1' });
    const nodes = g.nodeSubnets.map((s, i) => ({ id: `n${i}`, name: `node-${i}`, subnet: `s${s % g.subnets}`, ip: `192.168.${s % g.subnets}.${10 + i}` }));
    const doc: ScenarioInput = {
      version: 1,
      cluster: { flannelBackend: g.cni, directRouting: g.directRouting },
      subnets,
      routers: [{ id: 'r', name: 'router', interfaces: subnets.map((s) => ({ subnet: s.id, ip: s.gateway })) }],
      nodes,
      pods: g.podNodes.map((n, i) => ({
        id: `p${i}`,
        name: `pod-${i}`,
        node: `n${n % nodes.length}`,
        containers: [{ name: 'c', ports: [{ containerPort: g.podPorts[i]! }] }],
      })),
      clients: g.clients.map((s, i) => {
        const sub = subnets[s % subnets.length]!;
        return { id: `c${i}`, name: `client-${i}`, subnet: sub.id, ip: sub.cidr.replace('0/24', `${200 + i}`), ports: [{ port: 443 }] };
      }),
    };
    const r = parseScenario(doc);
    if (!r.ok) throw new Error(`arbitrary produced an invalid scenario: ${JSON.stringify(r.errors)}`);
    return r.scenario;
  });

/** A scenario plus a packet between two of its senders/receivers or to a random address. */
export const arbTraceCase = arbScenario.chain((s) => {
  const senders = [...s.pods.map((p) => p.id), ...s.nodes.map((n) => n.id), ...s.clients.map((c) => c.id)];
  const targets = [...s.pods.map((p) => p.ip), ...s.nodes.map((n) => n.ip), ...s.clients.map((c) => c.ip)];
  return fc.record({
    scenario: fc.constant(s),
    from: fc.constantFrom(...senders),
    to: fc.oneof({ arbitrary: fc.constantFrom(...targets), weight: 6 }, fc.ipV4(), fc.constantFrom('10.244.0.77', '127.0.0.1')),
    proto: fc.constantFrom('tcp' as const, 'icmp' as const, 'icmp' as const, 'udp' as const),
    port: fc.constantFrom(80, 443, 8080, 53, 22, 10250),
    seed: fc.nat(),
  });
});
