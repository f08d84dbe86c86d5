/**
 * flannel's FLANNEL-POSTRTG as flannel writes it today (flannel-io/flannel
 * pkg/trafficmngr/iptables/iptables.go, masqRules), and MASQUERADE --random-fully's port range: the
 * kernel's default NAT range for source ports of 1024 and up is 1024-65535
 * (torvalds/linux net/netfilter/nf_nat_proto.c, nf_nat_l4proto_unique_tuple).
 */
import { describe, expect, it } from 'vitest';
import { loadExample } from '../testing/examples';
import { topology } from '../model/topology';
import { flannelMasqRules, flannelMasquerade } from './masquerade';
import { trace } from '../trace/trace';
import { NAT_PORTS } from './ephemeral';

describe('FLANNEL-POSTRTG', () => {
  const s = loadExample('clusterip');
  const t = topology(s);
  const node = t.nodes.get('node-1')!; // pod CIDR 10.244.0.0/24

  it("is today's rule set, in flannel's order", () => {
    expect(flannelMasqRules(t, node)).toEqual([
      '-A FLANNEL-POSTRTG -m mark --mark 0x4000/0x4000 -m comment --comment "flanneld masq" -j RETURN',
      '-A FLANNEL-POSTRTG -s 10.244.0.0/24 -d 10.244.0.0/16 -m comment --comment "flanneld masq" -j RETURN',
      '-A FLANNEL-POSTRTG -s 10.244.0.0/16 -d 10.244.0.0/24 -m comment --comment "flanneld masq" -j RETURN',
      '-A FLANNEL-POSTRTG ! -s 10.244.0.0/16 -d 10.244.0.0/24 -m comment --comment "flanneld masq" -j RETURN',
      '-A FLANNEL-POSTRTG -s 10.244.0.0/16 ! -d 224.0.0.0/4 -m comment --comment "flanneld masq" -j MASQUERADE --random-fully',
      '-A FLANNEL-POSTRTG ! -s 10.244.0.0/16 -d 10.244.0.0/16 -m comment --comment "flanneld masq" -j MASQUERADE --random-fully',
    ]);
  });

  it('decides by the first matching rule', () => {
    const rules = flannelMasqRules(t, node);
    const d = (src: string, dst: string, marked = false) => flannelMasquerade(t, node, src, dst, marked);
    expect(d('10.244.0.5', '10.244.1.7', true)).toEqual({ masquerade: false, rule: rules[0] });
    expect(d('10.244.0.5', '10.244.1.7')).toEqual({ masquerade: false, rule: rules[1] });
    expect(d('10.244.1.7', '10.244.0.5')).toEqual({ masquerade: false, rule: rules[2] });
    expect(d('192.168.1.50', '10.244.0.5')).toEqual({ masquerade: false, rule: rules[3] });
    // A forwarded packet from another node's pod network to a third node's pods is masqueraded now.
    expect(d('10.244.2.0', '10.244.1.7')).toEqual({ masquerade: true, rule: rules[4] });
    expect(d('10.244.0.5', '203.0.113.80')).toEqual({ masquerade: true, rule: rules[4] });
    expect(d('192.168.1.50', '10.244.1.7')).toEqual({ masquerade: true, rule: rules[5] });
    expect(d('192.168.1.50', '203.0.113.80')).toBeUndefined();
  });
});

describe('MASQUERADE --random-fully', () => {
  it('draws the new source port from 1024-65535', () => {
    expect(NAT_PORTS).toEqual([1024, 65535]);
    const s = loadExample('pod-to-internet');
    const ports = new Set<number>();
    for (let seed = 1; seed <= 200; seed++) {
      const r = trace(s, { from: 'client', to: '203.0.113.80', port: 443 }, { seed, reply: false });
      const snat = r.hops.find((h) => h.action === 'snat');
      expect(snat).toBeDefined();
      ports.add(snat!.packet.sport!);
    }
    const all = [...ports];
    expect(Math.min(...all)).toBeGreaterThanOrEqual(1024);
    expect(Math.max(...all)).toBeLessThanOrEqual(65535);
    // Ports below the local ephemeral range (32768) and above it (60999) both occur.
    expect(all.some((p) => p < 32768)).toBe(true);
    expect(all.some((p) => p > 60999)).toBe(true);
  });
});
