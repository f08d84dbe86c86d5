/**
 * Calico's dataplane steps (called from pod.ts, host.ts and underlay.ts): no bridge; each pod's eth0
 * pairs with a cali interface on the host, which answers ARP for the pod's gateway 169.254.1.1 by
 * proxy ARP, so every packet a pod sends is routed by the host, even to a pod on the same node.
 * Packets to other nodes' blocks go plain (BGP), in IP-in-IP over tunl0, or in VXLAN over
 * vxlan.calico. Felix enforces NetworkPolicy on the cali interfaces: cali-fw-<iface> for what a pod
 * sends, cali-tw-<iface> for what it receives (filter FORWARD, after kube-proxy's DNAT).
 */
import type { Node, Pod } from '../model/schema';
import { drop, pushHop, setFrame, type TraceCtx } from '../trace/context';
import type { HopMatch, PacketHeaders } from '../trace/types';
import { encapSourcePort } from './ephemeral';
import { deliverToPod } from './listeners';
import { vethLink } from '../model/links';
import type { Route } from './routing';
import { podMac } from './macs';
import { caliName, calicoVtepMac } from './cali-name';
import {
  tunnelAddress,
  CALI_MAC,
  CALICO_GATEWAY,
  CALICO_VXLAN_DEV,
  CALICO_VXLAN_OVERHEAD,
  CALICO_VXLAN_PORT,
  CALICO_VXLAN_VNI,
  IPIP_DEV,
  IPIP_OVERHEAD,
} from './calico-net';
import { checkPolicy } from './calico-policy';
import { msg } from '../messages/index';

/** The pod's frame reaches the host: proxy ARP on the cali interface answered for 169.254.1.1. */
export function calicoFromPod(ctx: TraceCtx, pod: Pod, node: Node, pkt: PacketHeaders, route: Route): string {
  const cali = caliName(pod);
  setFrame(ctx, podMac(pod), CALI_MAC);
  pushHop(ctx, {
    at: pod.id,
    kind: 'pod',
    iface: 'eth0',
    action: 'send',
    packet: pkt,
    match: [
      { kind: 'route', table: 'main', rule: route.text },
      { kind: 'arp', rule: `${CALICO_GATEWAY} dev eth0 lladdr ${CALI_MAC} STALE` },
    ],
    msg: msg('hop.calico-pod-send', {
      pod: pod.name,
      defaultRoute: `default via ${CALICO_GATEWAY} dev eth0`,
      gwRoute: `${CALICO_GATEWAY} dev eth0 scope link`,
      gw: CALICO_GATEWAY,
      cali,
      mac: CALI_MAC,
    }),
  });
  ctx.pendingLink = vethLink(pod.id);
  pushHop(ctx, {
    at: node.id,
    kind: 'node',
    iface: cali,
    action: 'veth',
    packet: pkt,
    msg: msg('hop.calico-veth-out', { cali, pod: pod.name, node: node.name }),
  });
  return cali;
}

/**
 * Filter FORWARD for a packet a local pod sent (cali-from-wl-dispatch -> cali-fw-<iface>): the
 * sender's egress policy, on the addresses after kube-proxy's DNAT.
 */
export function calicoEgress(ctx: TraceCtx, node: Node, pkt: PacketHeaders, inIface: string): void {
  const pod = ctx.topo.podByIp.get(pkt.src);
  if (!pod || pod.node !== node.id || caliName(pod) !== inIface) return;
  checkPolicy(ctx, node, pod, 'egress', pkt, inIface);
}

/** Out a cali interface to a local pod: the receiver's ingress policy (cali-tw-<iface>), then delivery. */
export function calicoToWorkload(ctx: TraceCtx, node: Node, pkt: PacketHeaders, route: Route): never {
  const pod = ctx.topo.pods.get(route.pod ?? '');
  if (!pod) drop(ctx, 'host-unreachable', node.id, 'node', pkt, msg('drop.calico-no-pod', { node: node.name, ip: pkt.dst }), route.dev);
  checkPolicy(ctx, node, pod, 'ingress', pkt, route.dev);
  setFrame(ctx, CALI_MAC, podMac(pod));
  pushHop(ctx, {
    at: node.id,
    kind: 'node',
    iface: route.dev,
    action: 'veth',
    packet: pkt,
    match: [{ kind: 'arp', rule: `${pod.ip} dev ${route.dev} lladdr ${podMac(pod)} PERMANENT` }],
    msg: msg('hop.calico-to-pod', { route: route.text, dev: route.dev, pod: pod.name }),
  });
  ctx.pendingLink = vethLink(pod.id);
  deliverToPod(ctx, pod, pkt);
}

/** A blackhole route: Calico's own block, but no pod has the address. */
export function calicoBlackhole(ctx: TraceCtx, node: Node, pkt: PacketHeaders, route: Route): never {
  drop(ctx, 'no-route', node.id, 'node', pkt, msg('drop.calico-blackhole', { ip: pkt.dst, block: route.cidr.text, node: node.name }), undefined, [
    { kind: 'route', table: 'main', rule: route.text },
  ]);
}

/** Wrap a packet for another node: IP-in-IP (protocol 4) on tunl0, or VXLAN (UDP 4789, VNI 4096) on vxlan.calico. */
export function calicoEncapsulate(ctx: TraceCtx, node: Node, remote: Node, route: Route, pkt: PacketHeaders): PacketHeaders {
  const mtu = ctx.topo.scenario.cluster.mtu;
  if (route.dev === IPIP_DEV) {
    // IP-in-IP carries the bare IP packet: no inner frame; the outer one is made on eth0.
    ctx.frame = undefined;
    ctx.innerFrame = undefined;
    const out: PacketHeaders = { ...pkt, outer: { src: node.ip, dst: remote.ip, proto: 'ipip', ttl: 64 } };
    pushHop(ctx, {
      at: node.id,
      kind: 'node',
      iface: IPIP_DEV,
      action: 'encapsulate',
      packet: out,
      match: [{ kind: 'route', table: 'main', rule: route.text }],
      msg: msg('hop.ipip-encap', { dev: IPIP_DEV, mtu: mtu - IPIP_OVERHEAD, src: node.ip, remote: remote.name, remoteIp: remote.ip }),
    });
    return out;
  }
  const sport = encapSourcePort(pkt);
  const out: PacketHeaders = { ...pkt, outer: { src: node.ip, dst: remote.ip, proto: 'udp', sport, dport: CALICO_VXLAN_PORT, vni: CALICO_VXLAN_VNI, ttl: 64 } };
  const match: HopMatch[] = [
    { kind: 'route', table: 'main', rule: route.text },
    { kind: 'arp', rule: `${tunnelAddress(ctx.topo, remote)} dev ${CALICO_VXLAN_DEV} lladdr ${calicoVtepMac(remote)} PERMANENT` },
    { kind: 'fdb', rule: `${calicoVtepMac(remote)} dev ${CALICO_VXLAN_DEV} dst ${remote.ip} self permanent` },
  ];
  ctx.innerFrame = { src: calicoVtepMac(node), dst: calicoVtepMac(remote) };
  ctx.frame = undefined;
  pushHop(ctx, {
    at: node.id,
    kind: 'node',
    iface: CALICO_VXLAN_DEV,
    action: 'encapsulate',
    packet: out,
    match,
    msg: msg('hop.calico-vxlan-encap', {
      dev: CALICO_VXLAN_DEV,
      vni: CALICO_VXLAN_VNI,
      mtu: mtu - CALICO_VXLAN_OVERHEAD,
      src: node.ip,
      remote: remote.name,
      remoteIp: remote.ip,
      port: CALICO_VXLAN_PORT,
    }),
  });
  return out;
}

/** Does this node take the encapsulated packet, and on which device does the inner packet appear? */
export function calicoTunnelFor(node: Node, pkt: PacketHeaders): string | undefined {
  if (!pkt.outer || pkt.outer.dst !== node.ip) return undefined;
  if (pkt.outer.proto === 'ipip') return IPIP_DEV;
  return pkt.outer.dport === CALICO_VXLAN_PORT && pkt.outer.vni === CALICO_VXLAN_VNI ? CALICO_VXLAN_DEV : undefined;
}

export function calicoDecapsulate(ctx: TraceCtx, node: Node, pkt: PacketHeaders, dev: string): PacketHeaders {
  const inner: PacketHeaders = { ...pkt };
  delete inner.outer;
  // The inner frame (VXLAN) comes out of the tunnel device; IP-in-IP has none.
  ctx.frame = dev === IPIP_DEV ? undefined : ctx.innerFrame;
  ctx.innerFrame = undefined;
  pushHop(ctx, {
    at: node.id,
    kind: 'node',
    iface: dev,
    action: 'decapsulate',
    packet: inner,
    match: [
      dev === IPIP_DEV
        ? { kind: 'listener', rule: `${IPIP_DEV}: ipip any remote any local any ttl inherit nopmtudisc` }
        : { kind: 'listener', rule: `UDP *:${CALICO_VXLAN_PORT} vxlan id ${CALICO_VXLAN_VNI} dev ${CALICO_VXLAN_DEV}` },
    ],
    msg:
      dev === IPIP_DEV
        ? msg('hop.ipip-decap', { node: node.name, dev: IPIP_DEV })
        : msg('hop.vxlan-decap', { port: CALICO_VXLAN_PORT, vni: CALICO_VXLAN_VNI, node: node.name, dev: CALICO_VXLAN_DEV }),
  });
  return inner;
}
