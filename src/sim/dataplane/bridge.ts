/**
 * The node's Linux bridge cni0 and the veth pairs that plug pods into it (CNI bridge plugin, which
 * flannel's "cbr0" config delegates to). A frame between two pods of one node is switched here, at
 * L2, with no routing and no TTL change.
 */
import type { Node, Pod } from '../model/schema';
import { pushHop, drop, setFrame, type TraceCtx } from '../trace/context';
import type { HopMatch, PacketHeaders } from '../trace/types';
import { bridgeGateway } from '../net/ipam';
import { vethLink } from '../model/links';
import { deliverToPod } from './listeners';
import { bridgeMac, podMac } from './macs';
import { msg } from '../messages/index';
import { vethName } from './device-names';

export const BRIDGE = 'cni0';

/** A pod's frame crosses its veth pair into the node's end, a port of cni0. */
export function podToVeth(ctx: TraceCtx, pod: Pod, node: Node, pkt: PacketHeaders): void {
  ctx.pendingLink = vethLink(pod.id);
  pushHop(ctx, {
    at: node.id,
    kind: 'node',
    iface: vethName(pod),
    action: 'veth',
    packet: pkt,
    msg: msg('hop.veth-out', { pod: pod.name, veth: vethName(pod), bridge: BRIDGE }),
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
      msg: msg('hop.bridge-up-node-address', { ip: pkt.dst, node: node.name, cidr: node.podCidr, bridge: BRIDGE }),
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
    msg: msg('hop.bridge-up', { gw, bridge: BRIDGE, node: node.name }),
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
    drop(
      ctx,
      'host-unreachable',
      node.id,
      'node',
      pkt,
      msg('drop.bridge-no-arp', { node: node.name, bridge: BRIDGE, ip: pkt.dst, cidr: node.podCidr }),
      BRIDGE,
      [{ kind: 'arp', rule: `${pkt.dst} dev ${BRIDGE} INCOMPLETE` }],
    );
  }
  const veth = vethName(target);
  const fdb: HopMatch = { kind: 'fdb', rule: `${podMac(target)} dev ${veth} master ${BRIDGE}` };
  if (inPort === veth && !ctx.topo.scenario.cluster.hairpinMode) {
    drop(ctx, 'hairpin-disabled', node.id, 'node', pkt, msg('drop.hairpin-off', { pod: target.name, bridge: BRIDGE, veth }), BRIDGE, [fdb]);
  }
  const hairpin = inPort === veth;
  // Routed: the host sends from cni0's MAC. Switched, or bridged after br_netfilter's DNAT: the
  // sender's source MAC stays and only the destination MAC is the target's (br_netfilter_hooks.c,
  // br_nf_pre_routing_finish_bridge: neigh_hh_bridge writes the destination address; the source is kept).
  setFrame(ctx, how === 'routed' ? bridgeMac(node) : (ctx.frame?.src ?? bridgeMac(node)), podMac(target));
  pushHop(ctx, {
    at: node.id,
    kind: 'node',
    iface: BRIDGE,
    action: 'bridge',
    packet: pkt,
    match: [...(how !== 'switched' ? [{ kind: 'arp' as const, rule: `${target.ip} dev ${BRIDGE} lladdr ${podMac(target)} REACHABLE` }] : []), fdb],
    msg:
      how === 'routed'
        ? msg('hop.bridge-routed', { node: node.name, bridge: BRIDGE, ip: target.ip, veth, hairpin })
        : how === 'bridged'
          ? msg('hop.bridge-br-netfilter', { bridge: BRIDGE, dst: pkt.dst, pod: target.name, veth, hairpin })
          : msg('hop.bridge-switched', { bridge: BRIDGE, mac: podMac(target), pod: target.name, veth, hairpin }),
  });
  pushHop(ctx, {
    at: node.id,
    kind: 'node',
    iface: veth,
    action: 'veth',
    packet: pkt,
    msg: msg('hop.veth-in', { veth, pod: target.name }),
  });
  ctx.pendingLink = vethLink(target.id);
  deliverToPod(ctx, target, pkt);
}
