/** Route tables as `ip route` prints them on flannel nodes (flannel Documentation/backends.md). */
import { describe, expect, it } from 'vitest';
import { lookupRoute, nodeRouteTable, podRouteTable } from './routing';
import { topology } from '../model/topology';
import { loadExample } from '../testing/examples';

describe('route tables', () => {
  it('gives a pod its node subnet on eth0 and a default via cni0', () => {
    const t = topology(loadExample('host-gw'));
    const table = podRouteTable(t, t.pods.get('pod-client')!);
    expect(table.routes.map((r) => r.text)).toEqual([
      '10.244.0.0/24 dev eth0 proto kernel scope link src 10.244.0.2',
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
