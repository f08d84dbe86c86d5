import { describe, expect, it } from 'vitest';
import { trace } from '../../sim/tracer';
import { loadExample } from '../../sim/testing/examples';
import { markerLabel } from './markerLabel';

describe('the marker label: the headers on the wire where the packet is', () => {
  const s = loadExample('vxlan-across-subnets');
  const r = trace(s, { from: 'client', to: 'web', port: 80 }, { seed: 1 });

  it('on the underlay leg of VXLAN, the outer header between the nodes (UDP 8472, VNI 1), the inner packet after it', () => {
    const routerHop = r.hops.find((h) => h.kind === 'router');
    expect(routerHop, 'the packet crosses a router').toBeDefined();
    const label = markerLabel(routerHop!);
    const o = routerHop!.packet.outer!;
    expect(label.outer).toBe(`${o.src} → ${o.dst} UDP 8472 VNI 1`);
    // The outer addresses are the nodes' eth0 addresses, not pod addresses.
    const nodeIps = s.nodes.map((n) => n.ip);
    expect(nodeIps).toContain(o.src);
    expect(nodeIps).toContain(o.dst);
    expect(label.inner).toContain(routerHop!.packet.src);
    expect(label.inner).toContain(':80');
  });

  it('without encapsulation, just the packet; at a drop, the reason code', () => {
    const first = markerLabel(r.hops[0]!);
    expect(first.outer).toBeUndefined();
    expect(first.inner).toMatch(/^10\.244\.\d+\.\d+:\d+ → /);
    const drop = { ...r.hops[0]!, action: 'drop' as const };
    expect(markerLabel(drop, 'no-route').dropped).toBe('no-route');
  });
});

describe('the marker label under Calico IP-in-IP', () => {
  it('names the outer IP header with protocol 4 (no UDP port, no VNI)', () => {
    const base = trace(loadExample('vxlan-across-subnets'), { from: 'client', to: 'web', port: 80 }, { seed: 1 }).hops[0]!;
    const hop = {
      ...base,
      action: 'route' as const,
      packet: {
        src: '10.244.0.3',
        dst: '10.244.2.3',
        proto: 'tcp' as const,
        sport: 50000,
        dport: 5432,
        ttl: 63,
        outer: { src: '192.168.1.10', dst: '192.168.2.10', proto: 'ipip' as const, ttl: 63 },
      },
    };
    const label = markerLabel(hop);
    expect(label.outer).toBe('192.168.1.10 → 192.168.2.10 IPIP (proto 4)');
    expect(label.outer).not.toContain('UDP');
    expect(label.inner).toBe('10.244.0.3:50000 → 10.244.2.3:5432');
  });
});

describe('the marker label at a NAT', () => {
  // kube-proxy DNATs the ClusterIP to the endpoint it chose (KUBE-SEP-... -j DNAT --to-destination);
  // the reply's un-NAT by conntrack gives the ClusterIP back as the source (kubernetes.io, "Virtual IPs
  // and Service Proxies": iptables proxy mode).
  const s = loadExample('clusterip');
  const r = trace(s, { from: 'client', to: 'web', port: 80 }, { seed: 2 });
  const clusterIp = (i: number) => r.hops[i - 1]!.packet.dst;
  const at = (hops: typeof r.hops, action: string) => hops.findIndex((h) => h.action === action);

  it('DNAT: the destination old → new (ClusterIP:port → endpoint pod ip:port); the source as it was', () => {
    const i = at(r.hops, 'dnat');
    expect(i).toBeGreaterThan(0);
    const label = markerLabel(r.hops[i]!, undefined, r.hops[i - 1]);
    expect(clusterIp(i)).toMatch(/^10\.(9[6-9]|1[01]\d)\./); // the Service CIDR 10.96.0.0/12
    expect(label.dst.old).toBe(`${clusterIp(i)}:80`);
    expect(label.dst.now).toBe(`${r.hops[i]!.packet.dst}:${r.hops[i]!.packet.dport}`);
    expect(label.dst.now).not.toBe(label.dst.old);
    expect(label.src.old).toBeUndefined();
  });

  it('un-NAT of the reply: the source old → new (the pod → the ClusterIP the client asked)', () => {
    const hops = r.reply!.hops;
    const i = at(hops, 'unnat');
    expect(i).toBeGreaterThan(0);
    const label = markerLabel(hops[i]!, undefined, hops[i - 1]);
    expect(label.src.now).toBe(`${clusterIp(at(r.hops, 'dnat'))}:80`);
    expect(label.src.old).toMatch(/^10\.244\./);
  });

  it('no old value where nothing was rewritten, nor without the hop before', () => {
    expect(markerLabel(r.hops[0]!).dst.old).toBeUndefined();
    const i = at(r.hops, 'dnat');
    expect(markerLabel(r.hops[i]!).dst.old).toBeUndefined();
  });
});
