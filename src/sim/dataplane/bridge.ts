/**
 * The node's Linux bridge cni0 and the veth pairs that plug pods into it (CNI bridge plugin, which
 * flannel's "cbr0" config delegates to). A frame between two pods of one node is switched here, at
 * L2, with no routing and no TTL change.
 */
import type { Node, Pod } from '../model/schema';
import { stableHash } from '../trace/rng';
import { pushHop, drop, type TraceCtx } from '../trace/context';
import type { HopMatch, PacketHeaders } from '../trace/types';
import { bridgeGateway } from '../net/ipam';
import { deliverToPod } from './listeners';
import { bridgeMac, podMac } from './macs';

export const BRIDGE = 'cni0';

/** The host-side veth of a pod: "veth" and 8 hex digits, as the CNI bridge plugin names them. */
export function vethName(pod: Pod): string {
  return `veth${stableHash(pod.id).toString(16).padStart(8, '0')}`;
}


export function vethLink(pod: Pod): string {
  return `veth:${pod.id}`;
}

/** A pod's frame crosses its veth pair into the node's end, a port of cni0. */
export function podToVeth(ctx: TraceCtx, pod: Pod, node: Node, pkt: PacketHeaders): void {
  ctx.pendingLink = vethLink(pod);
  pushHop(ctx, {
    at: node.id,
    kind: 'node',
    iface: vethName(pod),
    action: 'veth',
    packet: pkt,
    explain: `The frame leaves ${pod.name}'s eth0 and comes out of the other end of its veth pair, ${vethName(pod)}, in the node's root namespace; that end is a port of ${BRIDGE}.`,
  });
}

/** The frame is addressed to cni0's own MAC (the pod's default gateway): the bridge hands it to the host's IP stack. */
export function bridgeUpToHost(ctx: TraceCtx, node: Node, pkt: PacketHeaders, nodeAddress = false): void {
  const gw = bridgeGateway(node.podCidr);
  if (nodeAddress) {
    // cni0's MAC answers: the host replies to ARP for every local address on every interface (arp_ignore=0).
    pushHop(ctx, {
      at: node.id,
      kind: 'node',
      iface: BRIDGE,
      action: 'bridge',
      packet: pkt,
      match: [{ kind: 'fdb', rule: `${bridgeMac(node)} dev ${BRIDGE} master ${BRIDGE} permanent` }],
      explain: `${pkt.dst} is an address of ${node.name} itself, inside the pod subnet ${node.podCidr}: the node answers the pod's ARP on ${BRIDGE} with ${BRIDGE}'s MAC (arp_ignore=0 answers for any local address), and the bridge passes the frame up to ${node.name}'s IP stack.`,
    });
    return;
  }
  pushHop(ctx, {
    at: node.id,
    kind: 'node',
    iface: BRIDGE,
    action: 'bridge',
    packet: pkt,
    match: [{ kind: 'fdb', rule: `${bridgeMac(node)} dev ${BRIDGE} master ${BRIDGE} permanent` }],
    explain: `The destination is off the pod's subnet, so the pod sent the frame to its gateway ${gw}, the address of ${BRIDGE}; the bridge passes it up to ${node.name}'s IP stack for routing.`,
  });
}

/**
 * How a frame reaches a pod's port on cni0: `routed` by the host out cni0, `switched` from another
 * pod on the bridge, or `bridged` after br_netfilter DNATed (or un-SNATed) it in the bridge's
 * PREROUTING to an address behind the same bridge (net/bridge/br_netfilter_hooks.c,
 * br_nf_pre_routing_finish: the new route's device is the bridge, so the frame goes back to bridge
 * forwarding with the new destination MAC: TTL unchanged).
 */
export type BridgeWay = 'routed' | 'switched' | 'bridged';

/**
 * Switch a frame on cni0 to the pod that owns `pkt.dst`, across that pod's veth, and deliver it.
 * `inPort` is the veth the frame came in on (when a pod sent it): the bridge never sends a frame back
 * out of the port it came in on unless that port has hairpin_mode (br_forward.c, should_deliver), which
 * the bridge plugin sets from its `hairpinMode` (plugins/main/bridge/bridge.go, LinkSetHairpin).
 */
export function bridgeToPod(ctx: TraceCtx, node: Node, pkt: PacketHeaders, way: BridgeWay | boolean, inPort?: string): never {
  const how: BridgeWay = way === true ? 'routed' : way === false ? 'switched' : way;
  const target = ctx.topo.podByIp.get(pkt.dst);
  if (!target || target.node !== node.id) {
    drop(ctx, 'host-unreachable', node.id, 'node', pkt, `No pod on ${node.name}'s ${BRIDGE} answers ARP for ${pkt.dst}: the address is in ${node.podCidr} but no pod has it.`, BRIDGE, [
      { kind: 'arp', rule: `${pkt.dst} dev ${BRIDGE} INCOMPLETE` },
    ]);
  }
  const veth = vethName(target);
  const fdb: HopMatch = { kind: 'fdb', rule: `${podMac(target)} dev ${veth} master ${BRIDGE}` };
  if (inPort === veth && !ctx.topo.scenario.cluster.hairpinMode) {
    drop(
      ctx,
      'hairpin-disabled',
      node.id,
      'node',
      pkt,
      `${target.name} reaches itself through its Service: the frame must leave ${BRIDGE} by the port it came in on, ${veth}, and that port has hairpin_mode off (the bridge plugin's hairpinMode is false), so the bridge drops it.`,
      BRIDGE,
      [fdb],
    );
  }
  const hairpin = inPort === veth ? ` It leaves by the port it came in on: ${veth} has hairpin_mode on (the bridge plugin's hairpinMode: true).` : '';
  pushHop(ctx, {
    at: node.id,
    kind: 'node',
    iface: BRIDGE,
    action: 'bridge',
    packet: pkt,
    match: [...(how !== 'switched' ? [{ kind: 'arp' as const, rule: `${target.ip} dev ${BRIDGE} lladdr ${podMac(target)} REACHABLE` }] : []), fdb],
    explain:
      (how === 'routed'
        ? `${node.name} routed the packet out ${BRIDGE}; ARP gives ${target.ip}'s MAC and the bridge's forwarding table says it lives behind port ${veth}.`
        : how === 'bridged'
          ? `The frame came in on ${BRIDGE}, and br_netfilter (net.bridge.bridge-nf-call-iptables=1) ran it through PREROUTING, which rewrote its destination to ${pkt.dst}. The route to that address is ${BRIDGE} itself, so the kernel hands the frame back to the bridge with ${target.name}'s MAC instead of routing it (FORWARD and POSTROUTING still apply); the forwarding table says it is behind port ${veth}. Bridged, not routed: TTL unchanged.`
          : `${BRIDGE} switches the frame at layer 2: its forwarding table says ${podMac(target)} (${target.name}) is behind port ${veth}. No routing, TTL unchanged.`) + hairpin,
  });
  pushHop(ctx, {
    at: node.id,
    kind: 'node',
    iface: veth,
    action: 'veth',
    packet: pkt,
    explain: `The frame enters ${veth}, the host end of ${target.name}'s veth pair, and comes out of the pod's eth0.`,
  });
  ctx.pendingLink = vethLink(target);
  deliverToPod(ctx, target, pkt);
}
