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

describe('replies that miss the node that DNATed the request (issue 15)', () => {
  it('loadbalancer-local: node-3 -> 10.244.0.0:31080 gets no reply from the pod address; the drop names the cause', () => {
    const r = trace(loadExample('loadbalancer-local'), { from: 'node-3', to: '10.244.0.0', port: 31080 }, { seed: 5 });
    expect(r.verdict).toBe('delivered');
    expect(r.reply?.verdict).toBe('dropped');
    expect(r.reply?.reason).toMatchObject({ code: 'reply-mismatch', at: 'node-3' });
    expect(r.reply?.reason?.message).toContain('from 10.244.1.2:80, but node-3 sent the request to 10.244.0.0:31080');
    expect(r.reply?.reason?.message).toContain('node-1 DNATed the request to 10.244.1.2:80 but did not masquerade it');
    // Never "delivered" from an address the caller did not call.
    const last = r.reply!.hops[r.reply!.hops.length - 1]!;
    expect(last.action).toBe('drop');
  });

  it('nodeport (Local): node-2 -> 10.244.0.0:30081 reaches node-2 itself through cni0 ARP, then fails the same way', () => {
    const r = trace(loadExample('nodeport'), { from: 'node-2', to: '10.244.0.0', port: 30081 }, { seed: 5 });
    expect(r.reply?.reason).toMatchObject({ code: 'reply-mismatch', at: 'node-2' });
    const bridge = r.reply!.hops.find((h) => h.action === 'bridge');
    expect(bridge?.explain).toContain('10.244.1.0 is an address of node-2 itself');
    expect(r.reply!.hops.some((h) => h.explain.includes('No pod on'))).toBe(false);
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
