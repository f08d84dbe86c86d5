/** Route tables as `ip route` prints them on flannel nodes (flannel Documentation/backends.md). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findMissingRoute, lookupRoute, nodeRouteTable, podRouteTable } from './routing';
import { arbScenario } from '../testing/arbitrary';
import { cidrContainsInt, ipToInt } from '../net/cidr';
import { topology } from '../model/topology';
import { loadExample, withChanges } from '../testing/examples';
import { intToIp, parseCidr } from '../net/cidr';

describe('route tables', () => {
  // flannel-io/cni-plugin flannel_linux.go: the delegate's host-local IPAM gets `routes: [{dst: <Network>}]`,
  // so a flannel pod has the cluster pod CIDR via cni0 besides its default route (isDefaultGateway).
  it('gives a pod its node subnet on eth0, the cluster pod CIDR and a default via cni0', () => {
    const t = topology(loadExample('host-gw'));
    const table = podRouteTable(t, t.pods.get('pod-client')!);
    expect(table.routes.map((r) => r.text)).toEqual([
      '10.244.0.0/24 dev eth0 proto kernel scope link src 10.244.0.2',
      '10.244.0.0/16 via 10.244.0.1 dev eth0',
      'default via 10.244.0.1 dev eth0',
    ]);
  });

  it('installs host-gw routes via the peer node on the same subnet', () => {
    const t = topology(loadExample('host-gw'));
    const table = nodeRouteTable(t, t.nodes.get('node-1')!);
    expect(table.routes.map((r) => r.text).sort()).toEqual([
      '10.244.0.0/24 dev cni0 proto kernel scope link src 10.244.0.1',
      '10.244.1.0/24 via 192.168.1.11 dev eth0',
      '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10',
      'default via 192.168.1.1 dev eth0',
    ]);
    expect(table.missing).toEqual([]);
  });

  it('cannot install host-gw routes to a node on another subnet', () => {
    const t = topology(loadExample('host-gw-across-subnets'));
    const table = nodeRouteTable(t, t.nodes.get('node-1')!);
    expect(table.routes.some((r) => r.text.startsWith('10.244.1.0/24'))).toBe(false);
    expect(table.missing[0]!.wanted).toBe('10.244.1.0/24 via 192.168.2.10 dev eth0');
  });

  it('routes remote pod CIDRs onlink via flannel.1 with vxlan', () => {
    const t = topology(loadExample('vxlan-across-subnets'));
    const table = nodeRouteTable(t, t.nodes.get('node-1')!);
    expect(lookupRoute(table, '10.244.1.9')!.text).toBe('10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink');
    expect(lookupRoute(table, '8.8.8.8')!.text).toBe('default via 192.168.1.1 dev eth0');
  });
});

describe('node route tables looked up lazily (issue 15: cost grows with the path, not the cluster)', () => {
  it('a lookup finds the route a scan of the whole table finds, for every address of every node', () => {
    fc.assert(
      fc.property(arbScenario, fc.array(fc.nat(255 * 255), { minLength: 5, maxLength: 20 }), (s, hosts) => {
        const t = topology(s);
        for (const node of s.nodes) {
          const table = nodeRouteTable(t, node);
          const addresses = [...hosts.map((h) => `10.244.${h >> 8}.${h & 255}`), ...s.nodes.map((n) => n.ip), '8.8.8.8', '10.96.0.10'];
          for (const ip of addresses) {
            const n = ipToInt(ip);
            const scanned = table.routes.find((r) => cidrContainsInt(r.cidr, n));
            expect(lookupRoute(table, ip)?.text, `${node.name} ${ip}`).toBe(scanned?.text);
            expect(findMissingRoute(table, ip)?.wanted).toBe(table.missing.find((m) => cidrContainsInt(m.cidr, n))?.wanted);
          }
        }
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  // Calico: a /32 per local pod and a blackhole per own block (felix), a route per block of every other
  // node by the pool's mode (BIRD for BGP/IPIP, felix proto 80 for VXLAN; projectcalico/calico
  // felix/dataplane/linux/route_table.go, confd/etc/calico/confd/templates/bird.cfg.template).
  it('Calico: a lookup finds the route a scan of the whole table finds (blocks of every node indexed)', () => {
    const calicoArb = fc.record({
      s: arbScenario,
      mode: fc.constantFrom('ipip', 'vxlan', 'bgp') as fc.Arbitrary<'ipip' | 'vxlan' | 'bgp'>,
      crossSubnet: fc.boolean(),
      noGateway: fc.boolean(),
      spread: fc.nat(250),
    });
    fc.assert(
      fc.property(calicoArb, fc.array(fc.nat(255 * 255), { minLength: 5, maxLength: 20 }), ({ s: base, mode, crossSubnet, noGateway, spread }, hosts) => {
        const s = withChanges(base, (c) => {
          c.cluster.cni = 'calico';
          c.cluster.calicoMode = mode;
          c.cluster.crossSubnet = crossSubnet;
          // BGP to another subnet needs the gateway: without it there is no route to that node's blocks.
          if (noGateway) delete c.subnets[0]!.gateway;
          // Pods spread over several /26 blocks of their node's range, so a node holds more than one block.
          c.pods.forEach((p, i) => {
            const node = c.nodes.find((n) => n.id === p.node)!;
            p.ip = intToIp(parseCidr(node.podCidr).network + 2 + ((i * 67 + spread) % 250));
          });
        });
        const t = topology(s);
        for (const node of s.nodes) {
          const table = nodeRouteTable(t, node);
          const addresses = [
            ...hosts.map((h) => `10.244.${h >> 8}.${h & 255}`),
            ...s.pods.map((p) => p.ip),
            ...s.nodes.map((n) => n.ip),
            '8.8.8.8',
            '10.96.0.10',
          ];
          for (const ip of addresses) {
            const n = ipToInt(ip);
            const scanned = table.routes.find((r) => cidrContainsInt(r.cidr, n));
            expect(lookupRoute(table, ip)?.text, `${node.name} ${ip}`).toBe(scanned?.text);
          }
          expect(table.missing).toEqual([]);
        }
      }),
      { numRuns: 60 },
    );
  }, 30_000);
});
