/**
 * flannel's VXLAN overlay: the flannel.1 device (VNI 1) wraps the pod packet in outer
 * IP/UDP/VXLAN headers addressed node to node on UDP 8472 (the Linux kernel's default VXLAN port,
 * not IANA's 4789). 50 bytes of headers, so flannel.1 has MTU 1450 on a 1500-byte underlay.
 * Per remote node flannel programs one route, one ARP entry and one FDB entry.
 */
import type { Node } from '../model/schema';
import { encapSourcePort } from './ephemeral';
import { vtepMacOf } from './macs';
import { pushHop, type TraceCtx } from '../trace/context';
import type { HopMatch, PacketHeaders } from '../trace/types';
import { FLANNEL_VXLAN_DEV, type Route } from './routing';
import { msg } from '../messages/index';
import { vtepAddress } from './device-names';

export const VXLAN_PORT = 8472;
export const VXLAN_VNI = 1;
export const VXLAN_OVERHEAD = 50;

/** flannel.1's MAC: random per device (see macs.ts), the same one `ip addr` and the neighbour/FDB entries show. */
export function vtepMac(node: Node): string {
  return vtepMacOf(node);
}

export function encapsulate(ctx: TraceCtx, node: Node, remote: Node, route: Route, pkt: PacketHeaders): PacketHeaders {
  const mtu = ctx.topo.scenario.cluster.mtu - VXLAN_OVERHEAD;
  const out: PacketHeaders = {
    ...pkt,
    outer: { src: node.ip, dst: remote.ip, proto: 'udp', sport: encapSourcePort(pkt), dport: VXLAN_PORT, vni: VXLAN_VNI, ttl: 64 },
  };
  const match: HopMatch[] = [
    { kind: 'route', table: 'main', rule: route.text },
    { kind: 'arp', rule: `${vtepAddress(remote)} dev ${FLANNEL_VXLAN_DEV} lladdr ${vtepMac(remote)} PERMANENT` },
    { kind: 'fdb', rule: `${vtepMac(remote)} dev ${FLANNEL_VXLAN_DEV} dst ${remote.ip} self permanent` },
  ];
  // The inner frame goes from this node's flannel.1 to the remote's (the ARP entry above); the outer
  // frame is made when the UDP packet leaves eth0.
  ctx.innerFrame = { src: vtepMac(node), dst: vtepMac(remote) };
  ctx.frame = undefined;
  pushHop(ctx, {
    at: node.id,
    kind: 'node',
    iface: FLANNEL_VXLAN_DEV,
    action: 'encapsulate',
    packet: out,
    match,
    msg: msg('hop.vxlan-encap', { dev: FLANNEL_VXLAN_DEV, vni: VXLAN_VNI, mtu, src: node.ip, remote: remote.name, remoteIp: remote.ip, port: VXLAN_PORT }),
  });
  return out;
}

export function decapsulate(ctx: TraceCtx, node: Node, pkt: PacketHeaders): PacketHeaders {
  const inner: PacketHeaders = { ...pkt };
  delete inner.outer;
  ctx.frame = ctx.innerFrame;
  ctx.innerFrame = undefined;
  pushHop(ctx, {
    at: node.id,
    kind: 'node',
    iface: FLANNEL_VXLAN_DEV,
    action: 'decapsulate',
    packet: inner,
    match: [{ kind: 'listener', rule: `UDP *:${VXLAN_PORT} vxlan id ${VXLAN_VNI} dev ${FLANNEL_VXLAN_DEV}` }],
    msg: msg('hop.vxlan-decap', { port: VXLAN_PORT, vni: VXLAN_VNI, node: node.name, dev: FLANNEL_VXLAN_DEV }),
  });
  return inner;
}
