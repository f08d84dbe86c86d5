/**
 * A node calling a NodePort at another node's pod-network address (flannel.1's 10.244.x.0 or cni0's
 * 10.244.x.1). With externalTrafficPolicy Local, kube-proxy's KUBE-EXT chain first sends "pod traffic"
 * (`-s <cluster CIDR>`, the local traffic detector) to the Service chain without KUBE-MARK-MASQ
 * (kubernetes pkg/proxy/iptables/proxier.go, `"pod traffic for %s external destinations"`). A node's
 * flannel.1 address is inside the cluster CIDR, so the request is DNATed but not masqueraded: the
 * endpoint answers the caller directly, the DNAT is never undone, and the caller's socket, connected
 * to the NodePort address, does not match the reply (issue 15: the trace used to deliver it).
 * On the pod's own subnet, the node answers ARP for any of its local addresses on cni0
 * (Linux Documentation/networking/ip-sysctl.rst, arp_ignore = 0: "reply for any local target IP
 * address, configured on any interface"), so a reply to 10.244.1.0 goes up to the node's stack.
 */
import { describe, expect, it } from 'vitest';
import { loadExample } from '../testing/examples';
import { trace } from '../trace/trace';
import { formatMessage } from '../../i18n/sim/index';

describe('replies that miss the node that DNATed the request (issue 15)', () => {
  // Today's FLANNEL-POSTRTG (flannel-io/flannel pkg/trafficmngr/iptables/iptables.go, masqRules) returns
  // only for `-s <this node's podCIDR> -d <cluster>` and `-s <cluster> -d <this node's podCIDR>`; a
  // forwarded packet from another node's flannel.1 address to a third node's pod falls through to
  // `-s <cluster> ! -d 224.0.0.0/4 -j MASQUERADE`, so the DNATing node does masquerade it and the reply
  // comes back through it (issue 16; the older `-s <cluster> -d <cluster> RETURN` rule left it unmasqueraded).
  it('loadbalancer-local: node-3 -> 10.244.0.0:31080 is masqueraded by FLANNEL-POSTRTG on node-1, so the reply comes back from the address called', () => {
    const r = trace(loadExample('loadbalancer-local'), { from: 'node-3', to: '10.244.0.0', port: 31080 }, { seed: 5 });
    expect(r.verdict).toBe('delivered');
    const snat = r.hops.find((h) => h.action === 'snat')!;
    expect(snat.at).toBe('node-1');
    expect(snat.match?.[0]?.rule).toBe(
      '-A FLANNEL-POSTRTG -s 10.244.0.0/16 ! -d 224.0.0.0/4 -m comment --comment "flanneld masq" -j MASQUERADE --random-fully',
    );
    expect(snat.packet.src).toBe('10.244.0.0');
    expect(r.reply?.verdict).toBe('delivered');
    const last = r.reply!.hops[r.reply!.hops.length - 1]!;
    expect(last).toMatchObject({ at: 'node-3', action: 'deliver' });
    expect(last.packet).toMatchObject({ src: '10.244.0.0', sport: 31080 });
  });

  it('nodeport (Local): node-2 -> 10.244.0.0:30081 is masqueraded the same way and answered from the address called', () => {
    const r = trace(loadExample('nodeport'), { from: 'node-2', to: '10.244.0.0', port: 30081 }, { seed: 5 });
    expect(r.hops.some((h) => h.action === 'snat' && h.at === 'node-1' && h.match?.[0]?.chain === 'FLANNEL-POSTRTG')).toBe(true);
    expect(r.reply?.verdict).toBe('delivered');
    expect(r.reply!.hops[r.reply!.hops.length - 1]!.packet).toMatchObject({ src: '10.244.0.0', sport: 30081 });
    expect(r.reply!.hops.some((h) => formatMessage('en', h.msg).includes('No pod on'))).toBe(false);
  });

  it('with externalTrafficPolicy Cluster the request is masqueraded and the reply comes back from the address called', () => {
    const r = trace(loadExample('nodeport'), { from: 'node-2', to: '10.244.0.0', port: 30080 }, { seed: 5 });
    expect(r.reply?.verdict).toBe('delivered');
    const last = r.reply!.hops[r.reply!.hops.length - 1]!;
    expect(last.packet).toMatchObject({ src: '10.244.0.0', sport: 30080 });
  });

  it('every delivered reply in the examples comes from the address the request was sent to', () => {
    for (const [name, from, to, port] of [
      ['nodeport', 'laptop', '192.168.1.11', 30080],
      ['nodeport', 'laptop', '192.168.1.10', 30081],
      ['clusterip', 'client', 'web', 80],
      ['loadbalancer-local', 'node-3', '10.0.1.10', 31080],
    ] as const) {
      const r = trace(loadExample(name), { from, to, port }, { seed: 3 });
      if (r.reply?.verdict !== 'delivered') continue;
      const first = r.hops[0]!.packet;
      const last = r.reply.hops[r.reply.hops.length - 1]!.packet;
      expect(last.dst, `${name} ${from} -> ${to}`).toBe(first.src);
    }
  });
});
