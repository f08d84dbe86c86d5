/**
 * A pod's network namespace, created by the pause container and shared by all its containers:
 * one eth0 (a veth end) with the pod IP, lo for localhost between containers, and two routes.
 */
import type { Pod } from '../model/schema';
import { drop, pushHop, setFrame, type TraceCtx } from '../trace/context';
import type { PacketHeaders } from '../trace/types';
import { bridgeGateway } from '../net/ipam';
import { localRouteText, lookupRoute, nodeOwnsIp, podRouteTable } from './routing';
import { bridgeToPod, bridgeUpToHost, podToVeth } from './bridge';
import { deliverToPod } from './listeners';
import { nodeStack } from './host';
import { bridgedReply } from './bridged-reply';
import { calicoFromPod } from './calico';
import { bridgeMac, podMac } from './macs';
import { msg } from '../messages/index';

export function isLoopback(ip: string): boolean {
  return ip.startsWith('127.');
}

/** A packet leaves a pod: over lo to a sibling container, or out eth0 onto the node's bridge. */
export function podSend(ctx: TraceCtx, pod: Pod, pkt: PacketHeaders): never {
  const node = ctx.topo.nodes.get(pod.node);
  if (!node) drop(ctx, 'no-route', pod.id, 'pod', pkt, msg('drop.pod-unscheduled', { pod: pod.name }));
  if (pkt.dst === pod.ip || isLoopback(pkt.dst)) {
    // A socket talking to 127.0.0.1 is bound to 127.0.0.1 too (the route's preferred source).
    if (isLoopback(pkt.dst) && !ctx.isReply) pkt = { ...pkt, src: pkt.dst };
    pushHop(ctx, {
      at: pod.id,
      kind: 'pod',
      iface: 'lo',
      action: 'loopback',
      packet: pkt,
      match: [
        {
          kind: 'route',
          table: 'local',
          rule: isLoopback(pkt.dst) ? 'local 127.0.0.0/8 dev lo proto kernel scope host src 127.0.0.1' : localRouteText(pod.ip, 'eth0'),
        },
      ],
      msg: msg('hop.pod-loopback', { ip: pkt.dst, pod: pod.name }),
    });
    deliverToPod(ctx, pod, pkt, 'lo');
  }
  const route = lookupRoute(podRouteTable(ctx.topo, pod), pkt.dst);
  if (!route) drop(ctx, 'no-route', pod.id, 'pod', pkt, msg('drop.pod-no-route', { pod: pod.name, dst: pkt.dst }), 'eth0');
  if (ctx.topo.scenario.cluster.cni === 'calico') {
    const cali = calicoFromPod(ctx, pod, node, pkt, route);
    nodeStack(ctx, node, pkt, { inIface: cali, local: false });
  }
  const nextHop = route.via ?? pkt.dst;
  const neighbour = ctx.topo.podByIp.get(nextHop);
  const nextMac = route.via || nodeOwnsIp(node, nextHop) ? bridgeMac(node) : neighbour && neighbour.node === node.id ? podMac(neighbour) : undefined;
  if (nextMac) setFrame(ctx, podMac(pod), nextMac);
  pushHop(ctx, {
    at: pod.id,
    kind: 'pod',
    iface: 'eth0',
    action: 'send',
    packet: pkt,
    match: [
      { kind: 'route', table: 'main', rule: route.text },
      ...(nextMac ? [{ kind: 'arp' as const, rule: `${nextHop} dev eth0 lladdr ${nextMac} REACHABLE` }] : []),
    ],
    msg: route.via
      ? msg('hop.pod-send-gateway', { pod: pod.name, dst: pkt.dst, gw: route.via, node: node.name })
      : msg('hop.pod-send-direct', { pod: pod.name, dst: pkt.dst, cidr: node.podCidr }),
  });
  podToVeth(ctx, pod, node, pkt);
  // On the pod's own subnet the frame is bridged to the pod that answers ARP, unless the address is the
  // node's own: Linux answers ARP on cni0 for any of its addresses (arp_ignore=0), e.g. flannel.1's
  // 10.244.x.0, which lies inside the node's pod subnet, so the frame goes up to the node's stack.
  const toNode = !route.via && pkt.dst !== bridgeGateway(node.podCidr) && nodeOwnsIp(node, pkt.dst);
  if (!route.via && pkt.dst !== bridgeGateway(node.podCidr) && !toNode) bridgeToPod(ctx, node, ctx.isReply ? bridgedReply(ctx, node, pkt) : pkt, false);
  bridgeUpToHost(ctx, node, pkt, toNode);
  nodeStack(ctx, node, pkt, { inIface: 'cni0', local: false });
}
