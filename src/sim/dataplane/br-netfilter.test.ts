/**
 * Same-node Service traffic with br_netfilter (Kubernetes requires net.bridge.bridge-nf-call-iptables=1):
 * the pod's frame enters cni0, the bridge's PREROUTING hook runs iptables, kube-proxy DNATs it, and when
 * the new destination is behind the same bridge the kernel hands the frame back to bridge forwarding
 * instead of routing it: TTL unchanged (torvalds/linux net/bridge/br_netfilter_hooks.c,
 * br_nf_pre_routing_finish -> br_nf_pre_routing_finish_bridge). A pod reaching itself leaves by the
 * port it came in on, which the bridge allows only with hairpin_mode on that port
 * (net/bridge/br_forward.c, should_deliver); the CNI bridge plugin sets it from `hairpinMode`
 * (containernetworking/plugins plugins/main/bridge/bridge.go, netlink.LinkSetHairpin), and
 * kube-flannel's CNI config sets hairpinMode: true.
 */
import { describe, expect, it } from 'vitest';
import { loadExample, withChanges } from '../testing/examples';
import { trace } from '../trace/trace';
import { showNode } from '../inspect/index';
import { formatMessage } from '../../i18n/sim/index';

/** web-1 (node-1) is the only endpoint of svc-web; sending from `from` to the ClusterIP. */
function onlyWeb1(hairpinMode = true) {
  return withChanges(loadExample('clusterip'), (s) => {
    s.cluster.hairpinMode = hairpinMode;
    s.pods.find((p) => p.id === 'web-1')!.labels = { app: 'web', only: 'me' };
    s.services.find((x) => x.id === 'svc-web')!.selector = { only: 'me' };
  });
}

describe('br_netfilter: same-node Service traffic is bridged, not routed', () => {
  it('DNATs in the bridge and bridges the frame to the endpoint with the TTL unchanged', () => {
    const r = trace(onlyWeb1(), { from: 'client', to: '10.96.0.2', port: 80 });
    expect(r.verdict).toBe('delivered');
    const atNode = r.hops.filter((h) => h.at === 'node-1');
    expect(atNode.some((h) => h.action === 'dnat')).toBe(true);
    expect(atNode.some((h) => h.action === 'route')).toBe(false);
    expect(r.hops.every((h) => h.packet.ttl === 64)).toBe(true);
    const bridged = atNode.find((h) => h.action === 'bridge' && formatMessage('en', h.msg).includes('br_netfilter'))!;
    expect(formatMessage('en', bridged.msg)).toContain('Bridged, not routed: TTL unchanged');
    // The reply is switched back on cni0 with the Service address restored (br_netfilter conntrack).
    expect(r.reply?.verdict).toBe('delivered');
    expect(r.reply!.hops[r.reply!.hops.length - 1]!.packet).toMatchObject({ src: '10.96.0.2', sport: 80, ttl: 64 });
  });

  it('still routes (TTL - 1) when the endpoint is on another node', () => {
    const s = withChanges(loadExample('clusterip'), (c) => {
      c.pods.find((p) => p.id === 'web-2')!.labels = { app: 'web', only: 'me' };
      c.services.find((x) => x.id === 'svc-web')!.selector = { only: 'me' };
    });
    const r = trace(s, { from: 'client', to: '10.96.0.2', port: 80 });
    expect(r.endpoint).toBe('web-2');
    expect(r.hops.some((h) => h.at === 'node-1' && h.action === 'route' && h.packet.ttl === 63)).toBe(true);
  });
});

describe('hairpin: a pod reaching itself through its Service', () => {
  it('with hairpinMode on, is bridged back out of its own port, masqueraded to cni0 (KUBE-SEP hairpin mark)', () => {
    const r = trace(onlyWeb1(true), { from: 'web-1', to: '10.96.0.2', port: 80 });
    expect(r.verdict).toBe('delivered');
    const snat = r.hops.find((h) => h.action === 'snat')!;
    expect(snat.packet.src).toBe('10.244.0.1');
    const out = r.hops.find((h) => h.action === 'bridge' && formatMessage('en', h.msg).includes('hairpin_mode on'))!;
    expect(out).toBeDefined();
    expect(r.reply?.verdict).toBe('delivered');
    expect(showNode(onlyWeb1(true), 'node-1', 'bridge-link').stdout).toContain('    hairpin on ');
  });

  it('with hairpinMode off, the bridge drops the frame and says why', () => {
    const s = onlyWeb1(false);
    const r = trace(s, { from: 'web-1', to: '10.96.0.2', port: 80 });
    expect(r.verdict).toBe('dropped');
    expect(r.reason).toMatchObject({ code: 'hairpin-disabled', at: 'node-1' });
    expect(formatMessage('en', r.reason!.msg)).toContain('hairpin_mode off');
    expect(showNode(s, 'node-1', 'bridge-link').stdout).toContain('    hairpin off ');
    // Another pod of the node still reaches the Service.
    expect(trace(s, { from: 'client', to: '10.96.0.2', port: 80 }).verdict).toBe('delivered');
  });
});
