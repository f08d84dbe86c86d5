/**
 * A node's root network namespace: the Linux path a packet takes through netfilter and routing.
 *   arrive (eth0 | cni0 | flannel.1) or locally generated
 *   -> nat PREROUTING / OUTPUT   (conntrack reverses SNAT of replies; kube-proxy DNATs services)
 *   -> routing decision          (local delivery, or forward with TTL - 1)
 *   -> nat POSTROUTING           (conntrack reverses DNAT of replies; MASQUERADE)
 *   -> out cni0 (bridge to a pod) | flannel.1 (VXLAN) | eth0 (underlay)
 */
import type { Node } from '../model/schema';
import { drop, pushHop, type StackEntry, type TraceCtx } from '../trace/context';
import type { PacketHeaders } from '../trace/types';
import { hostLink } from '../model/links';
import { findMissingRoute, lookupRoute, nodeOwnsIp, nodeRouteTable, FLANNEL_VXLAN_DEV, type Route } from './routing';
import { reverseReplyNat } from './conntrack';
import { calicoNatOutgoing, flannelMasquerade, CALICO_NAT_OUTGOING, FLANNEL_POSTROUTING } from './masquerade';
import { bridgeToPod, BRIDGE } from './bridge';
import { encapsulate } from './overlay';
import { deliverToNode } from './listeners';
import { sendOnSubnet } from './underlay';
import { kubeProxyFilter, kubeProxyPostrouting, kubeProxyPrerouting, masqueradeHop, masqueradeSource } from './service-nat';
import { returnViaLoadBalancer } from './loadbalancer';
import { calicoBlackhole, calicoEgress, calicoEncapsulate, calicoToWorkload } from './calico';
import { isCaliIface, CALICO_VXLAN_DEV, IPIP_DEV } from './calico-net';
import { msg } from '../messages/index';
import { vethName } from './device-names';

const portText = (port?: number) => (port === undefined ? '' : `:${port}`);

/** PREROUTING for replies: conntrack restores the original source that SNAT/MASQUERADE rewrote. */
function unSnat(ctx: TraceCtx, node: Node, pkt: PacketHeaders, iface: string): PacketHeaders {
  return reverseReplyNat(ctx, node, pkt, iface, 'snat', (e, out) =>
    msg('hop.unsnat', { node: node.name, target: e.rule.includes('MASQUERADE') ? 'MASQUERADE' : 'SNAT', dst: `${out.dst}${portText(out.dport)}` }),
  );
}

/**
 * POSTROUTING for replies: conntrack restores the address the client originally asked for (reverse
 * DNAT). A connection IPVS scheduled is un-NATed by IPVS itself, from its connection table, at the hook
 * the reply passes: FORWARD for a reply routed on, LOCAL_IN for one to the node (ip_vs_reply4 in
 * ip_vs_ops4, net/netfilter/ipvs/ip_vs_core.c; handle_response rewrites the source to the virtual server).
 */
function unDnat(ctx: TraceCtx, node: Node, pkt: PacketHeaders, iface: string, hook: 'FORWARD' | 'LOCAL_IN'): PacketHeaders {
  return reverseReplyNat(ctx, node, pkt, iface, 'dnat', (e, out) =>
    e.byIpvs
      ? msg('hop.ipvs-unnat', { node: node.name, from: `${pkt.src}${portText(pkt.sport)}`, src: `${out.src}${portText(out.sport)}`, hook })
      : msg('hop.undnat', { node: node.name, src: `${out.src}${portText(out.sport)}` }),
  );
}

function masquerade(ctx: TraceCtx, node: Node, pkt: PacketHeaders, route: Route): PacketHeaders {
  const kube = kubeProxyPostrouting(ctx, node, pkt, route);
  if (kube) return kube;
  const calico = ctx.topo.scenario.cluster.cni === 'calico';
  const decision = calico ? calicoNatOutgoing(ctx.topo, pkt.src, pkt.dst, ctx.masqMark) : flannelMasquerade(ctx.topo, node, pkt.src, pkt.dst, ctx.masqMark);
  if (!decision?.masquerade) return pkt;
  return masqueradeHop(ctx, node, pkt, route, {
    rule: decision.rule,
    match: [{ kind: 'iptables', table: 'nat', chain: calico ? CALICO_NAT_OUTGOING : FLANNEL_POSTROUTING, rule: decision.rule }],
    msg: msg('hop.flannel-masquerade', { src: pkt.src, newSrc: masqueradeSource(node, route), dev: route.dev, calico }),
    randomFully: decision.rule.includes('--random-fully'),
  });
}

/** Route a packet through a node's root namespace; ends in delivery or a drop. */
export function nodeStack(ctx: TraceCtx, node: Node, input: PacketHeaders, entry: StackEntry): never {
  let pkt = input;
  if (ctx.isReply && !entry.local) pkt = unSnat(ctx, node, pkt, entry.inIface);
  if (!ctx.isReply) pkt = kubeProxyPrerouting(ctx, node, pkt, entry);

  // A reply for the node itself: conntrack undoes a DNAT on the way in (nat INPUT), not in POSTROUTING.
  if (!entry.local && nodeOwnsIp(node, pkt.dst)) deliverToNode(ctx, node, ctx.isReply ? unDnat(ctx, node, pkt, entry.inIface, 'LOCAL_IN') : pkt, entry.inIface);

  const table = nodeRouteTable(ctx.topo, node);
  const route = lookupRoute(table, pkt.dst);
  const missing = findMissingRoute(table, pkt.dst);
  if (missing && (!route || route.cidr.prefix < missing.cidr.prefix)) {
    const remote = ctx.topo.nodes.get(missing.remoteNode);
    drop(
      ctx,
      'not-l2-adjacent',
      node.id,
      'node',
      pkt,
      msg('drop.host-gw-not-adjacent', { wanted: missing.wanted, node: node.name, remote: remote?.name ?? missing.remoteNode, why: missing.why }),
      'eth0',
      [{ kind: 'route', table: 'main', rule: missing.wanted, msg: msg('match.missing') }],
    );
  }
  if (!route) drop(ctx, 'no-route', node.id, 'node', pkt, msg('drop.node-no-route', { node: node.name, dst: pkt.dst }));
  if (route.blackhole) calicoBlackhole(ctx, node, pkt, route);

  // br_netfilter: a frame that came in on cni0 and whose destination PREROUTING rewrote (a Service DNAT,
  // or conntrack undoing a hairpin SNAT) to an address behind cni0 again is bridged, not routed
  // (net/bridge/br_netfilter_hooks.c, br_nf_pre_routing_finish): no TTL decrement.
  const bridged = !entry.local && entry.inIface === BRIDGE && route.dev === BRIDGE && pkt.dst !== input.dst;
  if (entry.local) {
    if (!pkt.src) pkt = { ...pkt, src: route.src ?? node.ip };
  } else if (bridged) {
    // Bridged, not routed: no TTL decrement; the bridge hop comes with bridgeToPod below.
  } else {
    if (pkt.ttl <= 1) drop(ctx, 'ttl-exceeded', node.id, 'node', pkt, msg('drop.node-ttl', { node: node.name }));
    pkt = { ...pkt, ttl: pkt.ttl - 1 };
  }
  if (!bridged)
    pushHop(ctx, {
      at: node.id,
      kind: 'node',
      iface: route.dev,
      action: 'route',
      packet: pkt,
      match: [{ kind: 'route', table: 'main', rule: route.text }],
      msg: entry.local
        ? msg('hop.node-send', { node: node.name, src: pkt.src, route: route.text })
        : msg('hop.node-forward', { node: node.name, ttlIn: pkt.ttl + 1, ttlOut: pkt.ttl, route: route.text }),
    });

  if (!ctx.isReply) kubeProxyFilter(ctx, node, pkt, entry.local ? 'OUTPUT' : 'FORWARD');
  // Calico: filter FORWARD -> cali-from-wl-dispatch -> cali-fw-<iface>, the sender's egress policy.
  if (isCaliIface(entry.inIface)) calicoEgress(ctx, node, pkt, entry.inIface);

  pkt = ctx.isReply ? unDnat(ctx, node, pkt, route.dev, 'FORWARD') : masquerade(ctx, node, pkt, route);

  if (route.dev === BRIDGE) {
    const sender = bridged ? ctx.topo.podByIp.get(input.src) : undefined;
    bridgeToPod(ctx, node, pkt, bridged ? 'bridged' : 'routed', sender && sender.node === node.id ? vethName(sender) : undefined);
  }
  if (route.pod !== undefined) calicoToWorkload(ctx, node, pkt, route);
  if (route.dev === IPIP_DEV || route.dev === CALICO_VXLAN_DEV) {
    const remote = ctx.topo.nodes.get(route.remoteNode ?? '');
    if (!remote) drop(ctx, 'no-route', node.id, 'node', pkt, msg('drop.no-vtep', { dev: route.dev, dst: pkt.dst }), route.dev);
    const outer = calicoEncapsulate(ctx, node, remote, route, pkt);
    const underlay = lookupRoute(table, remote.ip);
    if (!underlay || underlay.dev !== 'eth0') {
      drop(ctx, 'no-route', node.id, 'node', outer, msg('drop.no-underlay-route', { node: node.name, remote: remote.name, ip: remote.ip }), 'eth0');
    }
    sendOnSubnet(ctx, node.subnet, underlay.via ?? remote.ip, outer, hostLink(node.id), node.id);
  }
  if (route.dev === FLANNEL_VXLAN_DEV) {
    const remote = ctx.topo.nodes.get(route.remoteNode ?? '');
    if (!remote) drop(ctx, 'no-route', node.id, 'node', pkt, msg('drop.no-vtep', { dev: FLANNEL_VXLAN_DEV, dst: pkt.dst }), FLANNEL_VXLAN_DEV);
    const outer = encapsulate(ctx, node, remote, route, pkt);
    const underlay = lookupRoute(table, remote.ip);
    if (!underlay || underlay.dev !== 'eth0') {
      drop(ctx, 'no-route', node.id, 'node', outer, msg('drop.no-underlay-route', { node: node.name, remote: remote.name, ip: remote.ip }), 'eth0');
    }
    sendOnSubnet(ctx, node.subnet, underlay.via ?? remote.ip, outer, hostLink(node.id), node.id);
  }
  if (ctx.isReply) returnViaLoadBalancer(ctx, node, pkt);
  sendOnSubnet(ctx, node.subnet, route.via ?? pkt.dst, pkt, hostLink(node.id), node.id);
}
