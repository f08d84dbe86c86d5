/**
 * The Ethernet frames the tracer puts on each hop must be the ones the Inside view's tools print: the
 * sender's interface MAC from `ip addr`, the next hop's from the sender's `ip neigh` (or, for a frame
 * a bridge switches, the node's `bridge fdb`), and for VXLAN the inner frame flannel.1 to flannel.1
 * whose FDB entry names the outer destination.
 * Sources: Linux neighbour subsystem (the next hop's MAC comes from the ARP entry the route's device
 * resolves, and is rewritten at every routed hop); flannel-io/flannel pkg/backend/vxlan (one ARP and
 * one FDB entry per remote VTEP: "ip neigh" 10.244.x.0 -> flannel.1 MAC, "bridge fdb" MAC -> node IP);
 * RFC 7348 section 5 (VXLAN frame: outer Ethernet, outer IP, UDP, VXLAN, inner Ethernet, inner IP);
 * projectcalico/calico felix vxlan_mgr.go (the same ARP/FDB pair for vxlan.calico); IP-in-IP (RFC 2003)
 * carries the bare IP packet, with no inner frame.
 */
import { describe, expect, it } from 'vitest';
import { trace } from './trace';
import { loadExample, withChanges } from '../testing/examples';
import { showNode, showPod } from '../inspect/index';
import type { Scenario } from '../model/schema';
import type { EthernetHeader, Hop, PacketSpec, TraceResult } from '../index';

/** MACs on the element's interfaces, as `ip addr` prints them (`link/ether <mac>`). */
function linkMacs(s: Scenario, id: string): Set<string> {
  const name = [...s.pods, ...s.nodes, ...s.routers, ...s.clients].find((e) => e.id === id)?.name ?? id;
  const isPod = s.pods.some((p) => p.id === id);
  const out = isPod ? showPod(s, name, 'ip-addr').stdout : showNode(s, name, 'ip-addr').stdout;
  return new Set([...out.matchAll(/link\/ether ([0-9a-f:]{17})/g)].map((m) => m[1]!));
}

/**
 * Every `lladdr` in the element's `ip neigh`, and for a node (or a pod, whose frames its node's bridge
 * switches) the MACs of the node's `bridge fdb`.
 */
function knownNeighbours(s: Scenario, id: string): string {
  const pod = s.pods.find((p) => p.id === id);
  const nodeId = pod ? pod.node : id;
  const node = s.nodes.find((n) => n.id === nodeId);
  const name = [...s.nodes, ...s.routers, ...s.clients].find((e) => e.id === id)?.name ?? id;
  const neigh = pod ? showPod(s, pod.name, 'ip-neigh').stdout : showNode(s, name, 'ip-neigh').stdout;
  return node ? neigh + showNode(s, node.name, 'bridge-fdb').stdout : neigh;
}

/** The frame on the wire at a hop: the outer one while encapsulated. */
const wire = (h: Hop): EthernetHeader | undefined => (h.packet.outer ? h.packet.outer.eth : h.packet.eth);
const same = (a?: EthernetHeader, b?: EthernetHeader) => a?.src === b?.src && a?.dst === b?.dst;

/**
 * Every new wire frame: its source is a MAC of the element sending it (the hop's place, or for a
 * frame put on a subnet the element before it) and its destination is in that sender's neighbour or
 * FDB tables; a frame a bridge passes on after br_netfilter's DNAT keeps the sender's source MAC.
 */
function checkFrames(s: Scenario, hops: Hop[]): number {
  let checked = 0;
  hops.forEach((h, i) => {
    const prev = i > 0 ? hops[i - 1] : undefined;
    if (h.action === 'encapsulate' && h.packet.eth) {
      // The inner frame, from this node's tunnel device to the remote's (its ARP and FDB entries).
      expect(linkMacs(s, h.at)).toContain(h.packet.eth.src);
      expect(knownNeighbours(s, h.at)).toContain(`lladdr ${h.packet.eth.dst} PERMANENT`);
      expect(knownNeighbours(s, h.at)).toContain(`${h.packet.eth.dst} dev ${h.iface} dst ${h.packet.outer!.dst} self permanent`);
      checked++;
    }
    const f = wire(h);
    const before = prev ? wire(prev) : undefined;
    if (!f || same(f, before)) return;
    if (h.action === 'decapsulate') {
      // Out of the tunnel comes the inner frame, addressed to this node's tunnel device.
      expect(f).toEqual(prev!.packet.eth);
      expect(linkMacs(s, h.at)).toContain(f.dst);
      checked++;
      return;
    }
    const sender = h.kind === 'subnet' ? prev!.at : h.at;
    if (s.loadBalancers.some((l) => l.id === sender)) {
      // A cloud load balancer has no shell: the receiver owns the destination MAC and lists the LB's in its neighbour table.
      const receiver = hops[i + 1]!.at;
      expect(linkMacs(s, receiver)).toContain(f.dst);
      expect(knownNeighbours(s, receiver)).toContain(`lladdr ${f.src} `);
      checked++;
      return;
    }
    const keptSource = h.action === 'bridge' && before?.src === f.src;
    if (!keptSource) expect(linkMacs(s, sender), `${h.at} ${h.action}: ${f.src} is a MAC of ${sender}`).toContain(f.src);
    expect(knownNeighbours(s, sender), `${h.at} ${h.action}: ${f.dst} in ${sender}'s neighbour/FDB tables`).toContain(f.dst);
    checked++;
  });
  return checked;
}

function allLegs(r: TraceResult): Hop[][] {
  return [r.dns?.hops, r.dns?.reply?.hops, r.hops, r.reply?.hops, r.upstream?.request.hops, r.upstream?.reply?.hops].filter((x): x is Hop[] => !!x);
}

function framesOf(s: Scenario, spec: PacketSpec): { r: TraceResult; checked: number } {
  const r = trace(s, spec, { seed: 3 });
  expect(r.verdict).toBe('delivered');
  return { r, checked: allLegs(r).reduce((n, hops) => n + checkFrames(s, hops), 0) };
}

describe('Ethernet frames per hop agree with ip addr / ip neigh / bridge fdb', () => {
  it('flannel VXLAN across a router: pod eth0 -> cni0, outer NIC to router to NIC, inner flannel.1 to flannel.1', () => {
    const s = loadExample('vxlan-across-subnets');
    const { r, checked } = framesOf(s, { from: 'client', to: 'web', port: 80 });
    expect(checked).toBeGreaterThanOrEqual(8); // request and reply: pod, subnet, router, bridge frames
    const send = r.hops[0]!;
    expect(send.packet.eth?.src).toBe([...linkMacs(s, 'pod-client')][0]);
    // The encapsulated hops carry the inner frame (flannel.1 MACs) inside the outer one (NIC MACs).
    const enc = r.hops.find((h) => h.action === 'encapsulate')!;
    const flannel = (id: string) => /flannel\.1:[^\n]*\n\s+link\/ether ([0-9a-f:]{17})/.exec(showNode(s, id, 'ip-addr').stdout)![1];
    expect(enc.packet.eth).toEqual({ src: flannel('node-1'), dst: flannel('node-2') });
    expect(showNode(s, 'node-1', 'bridge-fdb').stdout).toContain(`${flannel('node-2')} dev flannel.1 dst 192.168.2.10 self permanent`);
    const switches = r.hops.filter((h) => h.action === 'switch');
    expect(switches).toHaveLength(2);
    for (const sw of switches) {
      expect(sw.packet.eth).toEqual(enc.packet.eth); // the inner frame rides unchanged
      expect(sw.packet.outer?.eth?.src).toMatch(/^52:54:00:/);
    }
    const router = showNode(s, 'core-router', 'ip-addr').stdout;
    const routerMac = (dev: string) => new RegExp(`${dev}:[^\\n]*\\n\\s+link/ether ([0-9a-f:]{17})`).exec(router)![1];
    expect(switches[0]!.packet.outer!.eth!.dst).toBe(routerMac('eth0'));
    expect(switches[1]!.packet.outer!.eth!.src).toBe(routerMac('eth1'));
    // The router rewrote the outer frame: a changed field at the second switch.
    expect(switches[1]!.changed).toContain('eth');
    const decap = r.hops.find((h) => h.action === 'decapsulate')!;
    expect(decap.packet.outer).toBeUndefined();
    expect(decap.packet.eth).toEqual(enc.packet.eth);
  });

  it('host-gw, a ClusterIP DNAT bridged back onto cni0, a NodePort from outside, an ingress', () => {
    expect(framesOf(loadExample('host-gw'), { from: 'client', to: 'web', port: 80 }).checked).toBeGreaterThan(0);
    const cip = framesOf(loadExample('clusterip'), { from: 'client', to: 'web', port: 80 });
    expect(cip.checked).toBeGreaterThan(0);
    expect(framesOf(loadExample('nodeport'), { from: 'laptop', to: '192.168.1.11', port: 30080 }).checked).toBeGreaterThan(0);
    expect(framesOf(loadExample('ingress'), { from: 'laptop', to: 'http://shop.example.com/api/v1/items' }).checked).toBeGreaterThan(0);
  });

  it('Calico: proxy ARP ee:ee:ee:ee:ee:ee on the cali side; IP-in-IP has no inner frame, VXLAN has vxlan.calico MACs', () => {
    const open = (mode: 'ipip' | 'vxlan' | 'bgp') =>
      withChanges(loadExample('calico-policy'), (x) => {
        x.networkPolicies = [];
        x.cluster.calicoMode = mode;
      });
    for (const mode of ['ipip', 'vxlan', 'bgp'] as const) {
      const s = open(mode);
      const { r } = framesOf(s, { from: 'frontend', to: 'api', port: 8080 });
      expect(r.hops[0]!.packet.eth?.dst).toBe('ee:ee:ee:ee:ee:ee');
      const enc = r.hops.find((h) => h.action === 'encapsulate');
      if (mode === 'ipip') expect(enc?.packet.eth).toBeUndefined();
      if (mode === 'vxlan') expect(showNode(s, enc!.at, 'ip-neigh').stdout).toContain(`lladdr ${enc!.packet.eth!.dst} PERMANENT`);
    }
  });
});
