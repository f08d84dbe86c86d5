/**
 * Layer 1 and 2 of the Kubernetes network model in the tracer: the node network and the pod network
 * (bridge + veth on one node; flannel host-gw or VXLAN across nodes).
 * Sources: flannel-io/flannel Documentation/backends.md (host-gw, vxlan: VNI 1, UDP 8472),
 * kube-flannel.yml (Network 10.244.0.0/16, cbr0 -> bridge plugin, cni0), the CNI bridge plugin.
 */
import { describe, expect, it } from 'vitest';
import { trace } from './trace';
import { loadExample, withChanges } from '../testing/examples';
import type { Hop } from './types';
import { formatMessage } from '../../i18n/sim/index';

const actions = (hops: Hop[]) => hops.map((h) => `${h.at}:${h.iface ?? ''}:${h.action}`);

describe('same node: pod -> veth -> cni0 -> veth -> pod', () => {
  const s = loadExample('same-node');
  const r = trace(s, { from: 'client', to: 'web', port: 80 }, { seed: 7 });

  it('is switched by the bridge with no routing and no TTL change', () => {
    expect(r.verdict).toBe('delivered');
    expect(r.hops.map((h) => h.action)).toEqual(['send', 'veth', 'bridge', 'veth', 'deliver']);
    expect(r.hops.every((h) => h.packet.ttl === 64)).toBe(true);
    expect(r.hops.some((h) => h.action === 'route')).toBe(false);
    const bridge = r.hops[2]!;
    expect(bridge.iface).toBe('cni0');
    expect(bridge.match?.some((m) => m.kind === 'fdb' && /dev veth[0-9a-f]{8} master cni0/.test(m.rule))).toBe(true);
  });

  it('names the host-side veth of each pod and the edges they cross', () => {
    const veths = r.hops.filter((h) => h.action === 'veth').map((h) => h.iface);
    expect(veths[0]).toMatch(/^veth[0-9a-f]{8}$/);
    expect(veths[0]).not.toBe(veths[1]);
    expect(r.hops[1]!.link).toBe('veth:pod-client');
    expect(r.hops[4]!.link).toBe('veth:pod-web');
  });

  it('lets containers of one pod talk over localhost (shared pause netns)', () => {
    const lo = trace(s, { from: 'app-with-sidecar', to: '127.0.0.1', port: 9090 });
    expect(lo.verdict).toBe('delivered');
    expect(actions(lo.hops)).toEqual(['pod-sidecar:lo:loopback', 'pod-sidecar:lo:deliver']);
    expect(formatMessage('en', lo.hops[1]!.msg)).toContain('metrics-agent');
    expect(lo.reply?.verdict).toBe('delivered');
  });

  it('answers TCP RST (port-closed) when no container listens', () => {
    const closed = trace(s, { from: 'client', to: 'web', port: 8443 });
    expect(closed.verdict).toBe('dropped');
    expect(closed.reason?.code).toBe('port-closed');
    expect(formatMessage('en', closed.reason!.msg)).toContain('RST');
    const udp = trace(s, { from: 'client', to: 'web', port: 53, proto: 'udp' });
    expect(formatMessage('en', udp.reason!.msg)).toContain('ICMP port unreachable');
  });

  it('finds no pod behind an unused address of the node pod CIDR', () => {
    const r2 = trace(s, { from: 'client', to: '10.244.0.200', port: 80 });
    expect(r2.verdict).toBe('dropped');
    expect(r2.reason?.code).toBe('host-unreachable');
    expect(r2.hops[r2.hops.length - 1]!.iface).toBe('cni0');
  });
});

describe('host-gw: routes via the other node on one L2 subnet', () => {
  const s = loadExample('host-gw');
  const r = trace(s, { from: 'client', to: 'web', port: 80 }, { seed: 3 });

  it('routes with "podCIDR via nodeIP dev eth0" and decrements TTL per routing hop', () => {
    expect(r.verdict).toBe('delivered');
    const route = r.hops.find((h) => h.at === 'node-1' && h.action === 'route')!;
    expect(route.match?.[0]?.rule).toBe('10.244.1.0/24 via 192.168.1.11 dev eth0');
    expect(route.packet.ttl).toBe(63);
    expect(r.hops[r.hops.length - 1]!.packet.ttl).toBe(62);
    expect(r.hops.some((h) => h.packet.outer)).toBe(false);
    // The pod addresses travel unchanged on the wire: no NAT between pods.
    expect(r.hops.every((h) => h.packet.src === '10.244.0.2' && h.packet.dst === '10.244.1.2')).toBe(true);
  });

  it('crosses the subnet between the nodes with ARP for the next hop', () => {
    const sw = r.hops.find((h) => h.action === 'switch')!;
    expect(sw.at).toBe('subnet-a');
    expect(sw.link).toBe('eth0:node-1');
    expect(sw.match?.[0]?.rule).toMatch(/^192\.168\.1\.11 dev eth0 lladdr/);
  });

  it('fails across subnets: host-gw needs L2 adjacency', () => {
    const split = loadExample('host-gw-across-subnets');
    const d = trace(split, { from: 'client', to: 'web', port: 80 });
    expect(d.verdict).toBe('dropped');
    expect(d.reason?.code).toBe('not-l2-adjacent');
    expect(d.reason?.at).toBe('node-1');
    expect(formatMessage('en', d.reason!.msg)).toContain('10.244.1.0/24 via 192.168.2.10 dev eth0');
    expect(formatMessage('en', d.reason!.msg)).toMatch(/one L2 subnet/);
    // The matched entry is the route as ip route would print it; that it is missing is a note beside it, in the reader's language.
    const match = d.hops[d.hops.length - 1]!.match![0]!;
    expect(match.rule).toBe('10.244.1.0/24 via 192.168.2.10 dev eth0');
    expect(formatMessage('zh-CN', match.msg!)).toMatch(/^路由表里没有这一条/);
  });

  it('works across subnets with VXLAN DirectRouting only where nodes share a subnet', () => {
    const direct = withChanges(loadExample('vxlan-across-subnets'), (c) => {
      c.cluster.directRouting = true;
    });
    const d = trace(direct, { from: 'client', to: 'web', port: 80 });
    expect(d.verdict).toBe('delivered');
    expect(d.hops.some((h) => h.action === 'encapsulate')).toBe(true);
    const sameSubnet = withChanges(loadExample('host-gw'), (c) => {
      c.cluster.flannelBackend = 'vxlan';
      c.cluster.directRouting = true;
    });
    expect(trace(sameSubnet, { from: 'client', to: 'web', port: 80 }).hops.some((h) => h.action === 'encapsulate')).toBe(false);
  });
});

describe('flannel VXLAN across subnets', () => {
  const s = loadExample('vxlan-across-subnets');
  const r = trace(s, { from: 'client', to: 'web', port: 80 }, { seed: 5 });

  it('encapsulates on flannel.1 in UDP 8472 with VNI 1 between node IPs', () => {
    expect(r.verdict).toBe('delivered');
    const enc = r.hops.find((h) => h.action === 'encapsulate')!;
    expect(enc.at).toBe('node-1');
    expect(enc.iface).toBe('flannel.1');
    expect(enc.changed).toContain('outer');
    expect(enc.packet.outer).toMatchObject({ src: '192.168.1.10', dst: '192.168.2.10', proto: 'udp', dport: 8472, vni: 1 });
    expect(formatMessage('en', enc.msg)).toContain('MTU 1450');
    expect(enc.match?.map((m) => m.kind)).toEqual(['route', 'arp', 'fdb']);
    expect(enc.match?.[0]?.rule).toBe('10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink');
    expect(enc.match?.[2]?.rule).toMatch(/dev flannel\.1 dst 192\.168\.2\.10 self permanent$/);
  });

  it('lets the router forward on the outer header only, decrementing the outer TTL', () => {
    const router = r.hops.find((h) => h.at === 'router-1')!;
    expect(router.action).toBe('route');
    expect(router.packet.outer?.ttl).toBe(63);
    expect(router.packet.ttl).toBe(63); // inner TTL untouched by the underlay
    expect(router.match?.[0]?.rule).toBe('192.168.2.0/24 dev eth1 proto kernel scope link src 192.168.2.1');
  });

  it('decapsulates on the remote node and bridges to the pod', () => {
    const dec = r.hops.find((h) => h.action === 'decapsulate')!;
    expect(dec.at).toBe('node-2');
    expect(dec.packet.outer).toBeUndefined();
    expect(dec.link).toBe('eth0:node-2');
    expect(actions(r.hops.slice(r.hops.indexOf(dec) + 1))).toEqual([
      'node-2:cni0:route',
      'node-2:cni0:bridge',
      `node-2:${r.hops[r.hops.length - 2]!.iface}:veth`,
      'pod-web:eth0:deliver',
    ]);
  });

  it('traces the reply back through the overlay the other way', () => {
    expect(r.reply?.verdict).toBe('delivered');
    const enc = r.reply!.hops.find((h) => h.action === 'encapsulate')!;
    expect(enc.packet.outer).toMatchObject({ src: '192.168.2.10', dst: '192.168.1.10', dport: 8472 });
    const last = r.reply!.hops[r.reply!.hops.length - 1]!;
    expect(last.at).toBe('pod-client');
    expect(last.packet).toMatchObject({ src: '10.244.1.2', sport: 80, dst: '10.244.0.2', dport: r.hops[0]!.packet.sport });
  });

  it('drops at a router that knows no route to a pod CIDR (pods are not routable outside)', () => {
    const s2 = withChanges(s, (c) => {
      c.clients.push({ id: 'laptop', name: 'laptop', subnet: 'subnet-b', ip: '192.168.2.50', ports: [] });
    });
    const d = trace(s2, { from: 'laptop', to: '10.244.0.2', port: 80 });
    expect(d.verdict).toBe('dropped');
    expect(d.reason).toMatchObject({ code: 'no-route', at: 'router-1' });
    expect(formatMessage('en', d.reason!.msg)).toContain('pod IPs');
  });
});

describe('pod to the internet: MASQUERADE to the node IP and back through conntrack', () => {
  const s = loadExample('pod-to-internet');
  const r = trace(s, { from: 'client', to: 'example-server', port: 443 }, { seed: 11 });

  it('source-NATs the pod IP to the node eth0 address by flannel masquerade', () => {
    expect(r.verdict).toBe('delivered');
    const snat = r.hops.find((h) => h.action === 'snat')!;
    expect(snat.at).toBe('node-1');
    expect(snat.packet.src).toBe('192.168.1.10');
    expect(snat.changed).toEqual(expect.arrayContaining(['src', 'sport']));
    // flannel MasqRules: "-s <network> ! -d 224.0.0.0/4 -j MASQUERADE --random-fully".
    expect(snat.match?.[0]).toMatchObject({ table: 'nat', chain: 'FLANNEL-POSTRTG' });
    expect(snat.match?.[0]?.rule).toContain('-s 10.244.0.0/16 ! -d 224.0.0.0/4');
    expect(snat.match?.[0]?.rule).toContain('MASQUERADE --random-fully');
    const delivered = r.hops[r.hops.length - 1]!;
    expect(delivered.at).toBe('server');
    expect(delivered.packet.src).toBe('192.168.1.10');
  });

  it('reverses the NAT on the reply so the pod sees the server, not its node', () => {
    const un = r.reply!.hops.find((h) => h.action === 'unnat')!;
    expect(un.at).toBe('node-1');
    expect(un.packet.dst).toBe('10.244.0.2');
    expect(un.match?.[0]?.kind).toBe('conntrack');
    const last = r.reply!.hops[r.reply!.hops.length - 1]!;
    expect(last.packet).toMatchObject({ src: '203.0.113.80', sport: 443, dst: '10.244.0.2', dport: r.hops[0]!.packet.sport });
  });

  it('does not masquerade pod-to-pod traffic ("-s <network> -d <network> -j RETURN")', () => {
    const vx = trace(loadExample('vxlan-across-subnets'), { from: 'client', to: 'web', port: 80 });
    expect(vx.hops.some((h) => h.action === 'snat')).toBe(false);
  });
});

describe('node network edge cases', () => {
  it('stops a routing loop with TTL exceeded', () => {
    const loop = withChanges(loadExample('vxlan-across-subnets'), (c) => {
      c.subnets.push({ id: 'subnet-c', name: 'rack-c', cidr: '192.168.3.0/24', gateway: '192.168.3.1' });
      c.routers.push({
        id: 'router-2',
        name: 'r2',
        interfaces: [{ subnet: 'subnet-b', ip: '192.168.2.2' }],
        routes: [{ dst: '198.51.100.0/24', via: '192.168.2.1' }],
      });
      c.routers[0]!.routes = [{ dst: '198.51.100.0/24', via: '192.168.2.2' }];
    });
    const r = trace(loop, { from: 'node-1', to: '198.51.100.7', proto: 'icmp' });
    expect(r.verdict).toBe('dropped');
    expect(r.reason?.code).toBe('ttl-exceeded');
    expect(r.hops.length).toBeLessThan(200);
  });

  it('reports host-unreachable when nothing answers ARP on the subnet', () => {
    const r = trace(loadExample('host-gw'), { from: 'node-1', to: '192.168.1.99', proto: 'icmp' });
    expect(r.reason).toMatchObject({ code: 'host-unreachable', at: 'subnet-a' });
  });

  it('lets a node reach its own pods from the cni0 address', () => {
    const r = trace(loadExample('same-node'), { from: 'node-1', to: 'web', port: 80 });
    expect(r.verdict).toBe('delivered');
    expect(r.hops[0]!.packet.src).toBe('10.244.0.1');
    expect(r.reply?.verdict).toBe('delivered');
  });

  it('is deterministic for a seed and varies the source port with it', () => {
    const s = loadExample('vxlan-across-subnets');
    const a = trace(s, { from: 'client', to: 'web', port: 80 }, { seed: 42 });
    const b = trace(s, { from: 'client', to: 'web', port: 80 }, { seed: 42 });
    const c = trace(s, { from: 'client', to: 'web', port: 80 }, { seed: 43 });
    expect(b).toEqual(a);
    expect(c.hops[0]!.packet.sport).not.toBe(a.hops[0]!.packet.sport);
    const sport = a.hops[0]!.packet.sport!;
    expect(sport).toBeGreaterThanOrEqual(32768);
    expect(sport).toBeLessThanOrEqual(60999);
  });
});
