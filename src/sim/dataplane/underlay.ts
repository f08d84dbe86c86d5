/**
 * The node network: L2 segments (subnets) where ARP finds the next hop, routers that forward between
 * them, and outside hosts. Routers know connected subnets and their static routes only: pod CIDRs and
 * ClusterIPs mean nothing to them unless someone added a route.
 */
import type { ClientHost, Router } from '../model/schema';
import { deliver, drop, pushHop, setFrame, type TraceCtx } from '../trace/context';
import type { PacketHeaders } from '../trace/types';
import { cidrContains } from '../net/cidr';
import { clientRouteTable, lookupRoute, routerRouteTable } from './routing';
import { decapsulate, VXLAN_PORT } from './overlay';
import { nicMac } from './macs';
import type { L2Host } from '../model/topology';
import type { Topology } from '../model/topology';
import { deliverToClient } from './listeners';
import { calicoDecapsulate, calicoTunnelFor } from './calico';
import { nodesLearnBlocks } from './routes-calico';
import { msg, type Message } from '../messages/index';
import { hostLink, routerLink } from '../model/links';
import { routerIfaceName } from './device-names';

/** The destination the underlay forwards on: the outer header's while VXLAN-encapsulated. */
function underlayDst(pkt: PacketHeaders): string {
  return pkt.outer ? pkt.outer.dst : pkt.dst;
}

/** The MAC of a host's NIC on a subnet (a router has one per subnet: eth0, eth1, ...). */
export function l2HostMac(t: Topology, host: L2Host, subnetId: string): string {
  if (host.kind !== 'router') return nicMac(host.id, 0);
  const r = t.routers.get(host.id);
  return nicMac(host.id, Math.max(0, r?.interfaces.findIndex((i) => i.subnet === subnetId) ?? 0));
}

/** The MAC a sender (node, router, client, load balancer) sends from on a subnet. */
export function senderMac(t: Topology, senderId: string, subnetId: string): string {
  const kind = t.kindOf.get(senderId);
  return kind === 'router' ? l2HostMac(t, { kind, id: senderId, ip: '' }, subnetId) : nicMac(senderId, 0);
}

/** The device a sender puts frames for `subnetId` on: eth0, or a router's ethN on that subnet. */
export function senderDev(t: Topology, senderId: string, subnetId: string): string {
  const r = t.routers.get(senderId);
  return r ? routerIfaceName(r, subnetId) : 'eth0';
}

/** Put a frame on a subnet for `nextHop`: ARP, switch, and hand it to whoever owns that address. */
export function sendOnSubnet(ctx: TraceCtx, subnetId: string, nextHop: string, pkt: PacketHeaders, link: string, senderId: string): never {
  const subnet = ctx.topo.subnets.get(subnetId);
  if (!subnet)
    drop(ctx, 'no-route', senderId, ctx.topo.kindOf.get(senderId) ?? 'node', pkt, msg('drop.subnet-missing', { sender: senderId, subnet: subnetId }));
  const host = ctx.topo.l2.get(subnetId)?.get(nextHop);
  ctx.pendingLink = link;
  if (!host) {
    drop(ctx, 'host-unreachable', subnet.id, 'subnet', pkt, msg('drop.subnet-no-arp', { subnet: subnet.name, cidr: subnet.cidr, nextHop }), undefined, [
      { kind: 'arp', rule: `${nextHop} dev ${senderDev(ctx.topo, senderId, subnetId)} INCOMPLETE` },
    ]);
  }
  setFrame(ctx, senderMac(ctx.topo, senderId, subnetId), l2HostMac(ctx.topo, host, subnetId));
  pushHop(ctx, {
    at: subnet.id,
    kind: 'subnet',
    action: 'switch',
    packet: pkt,
    match: [{ kind: 'arp', rule: `${nextHop} dev ${senderDev(ctx.topo, senderId, subnetId)} lladdr ${l2HostMac(ctx.topo, host, subnetId)} REACHABLE` }],
    msg: msg('hop.switch', { subnet: subnet.name, cidr: subnet.cidr, nextHop, ...(nextHop === underlayDst(pkt) ? {} : { dst: underlayDst(pkt) }) }),
  });
  switch (host.kind) {
    case 'node': {
      const node = ctx.topo.nodes.get(host.id)!;
      ctx.pendingLink = hostLink(node.id);
      if (pkt.outer) {
        const calicoDev = ctx.topo.scenario.cluster.cni === 'calico' ? calicoTunnelFor(node, pkt) : undefined;
        if (calicoDev) ctx.receive.node(ctx, node, calicoDecapsulate(ctx, node, pkt, calicoDev), { inIface: calicoDev, local: false });
        if (pkt.outer.dst === node.ip && pkt.outer.dport === VXLAN_PORT) {
          ctx.receive.node(ctx, node, decapsulate(ctx, node, pkt), { inIface: 'flannel.1', local: false });
        }
        drop(ctx, 'no-route', node.id, 'node', pkt, msg('drop.no-tunnel', { node: node.name, dst: pkt.outer.dst }), 'eth0');
      }
      ctx.receive.node(ctx, node, pkt, { inIface: 'eth0', local: false });
    }
    case 'router':
      ctx.pendingLink = routerLink(host.id, subnetId);
      routerForward(ctx, ctx.topo.routers.get(host.id)!, subnetId, pkt);
    case 'client': {
      const client = ctx.topo.clients.get(host.id)!;
      ctx.pendingLink = hostLink(client.id);
      if (underlayDst(pkt) !== client.ip) {
        drop(ctx, 'no-route', client.id, 'client', pkt, msg('drop.client-not-router', { client: client.name, dst: underlayDst(pkt) }), 'eth0');
      }
      deliverToClient(ctx, client, pkt);
    }
    case 'loadBalancer':
      ctx.pendingLink = hostLink(host.id);
      ctx.receive.loadBalancer(ctx, ctx.topo.loadBalancers.get(host.id)!, pkt);
  }
}

function noRouteMessage(ctx: TraceCtx, router: Router, dst: string): Message {
  const { podCidr, serviceCidr, cni, calicoMode } = ctx.topo.scenario.cluster;
  if (cidrContains(podCidr, dst) && cni === 'calico' && calicoMode !== 'vxlan' && !nodesLearnBlocks(ctx.topo))
    return msg('drop.router-no-route-no-mesh', { router: router.name, dst });
  if (cidrContains(podCidr, dst) && cni === 'calico' && calicoMode === 'bgp') return msg('drop.router-no-route-bgp', { router: router.name, dst });
  if (cidrContains(podCidr, dst)) return msg('drop.router-no-route-pod', { router: router.name, dst, cidr: podCidr });
  if (cidrContains(serviceCidr, dst)) return msg('drop.router-no-route-service', { router: router.name, dst, cidr: serviceCidr });
  return msg('drop.router-no-route', { router: router.name, dst });
}

/** Forward a packet through a router; `local` for one the router itself sends (an ICMP echo reply). */
export function routerForward(ctx: TraceCtx, router: Router, inSubnet: string, input: PacketHeaders, local = false): never {
  let pkt = input;
  const dst = underlayDst(pkt);
  const inIface = routerIfaceName(router, inSubnet);
  if (!local && router.interfaces.some((i) => i.ip === dst)) {
    if (pkt.proto === 'icmp' && !pkt.outer) deliver(ctx, router.id, 'router', pkt, inIface, msg('deliver.router-icmp', { router: router.name, dst }));
    drop(ctx, 'port-closed', router.id, 'router', pkt, msg('drop.router-port-closed', { router: router.name, dst }), inIface);
  }
  const route = lookupRoute(routerRouteTable(ctx.topo, router), dst);
  if (!route) drop(ctx, 'no-route', router.id, 'router', pkt, noRouteMessage(ctx, router, dst), inIface);
  const ttl = pkt.outer ? pkt.outer.ttl : pkt.ttl;
  const dec = local ? 0 : 1;
  if (ttl <= dec) drop(ctx, 'ttl-exceeded', router.id, 'router', pkt, msg('drop.router-ttl', { router: router.name }), inIface);
  pkt = pkt.outer ? { ...pkt, outer: { ...pkt.outer, ttl: ttl - dec } } : { ...pkt, ttl: ttl - dec };
  pushHop(ctx, {
    at: router.id,
    kind: 'router',
    iface: route.dev,
    action: 'route',
    packet: pkt,
    match: [{ kind: 'route', table: 'main', rule: route.text }],
    msg: msg('hop.router-forward', {
      router: router.name,
      dst,
      outer: pkt.outer ? (pkt.outer.proto === 'ipip' ? 'ipip' : 'vxlan') : 'none',
      route: route.text,
      ...(local ? {} : { ttlIn: ttl, ttlOut: ttl - 1 }),
    }),
  });
  const outSubnet = router.interfaces[Number(route.dev.slice(3))]?.subnet ?? inSubnet;
  sendOnSubnet(ctx, outSubnet, route.via ?? dst, pkt, routerLink(router.id, outSubnet), router.id);
}

export function clientSend(ctx: TraceCtx, client: ClientHost, pkt: PacketHeaders): never {
  const route = lookupRoute(clientRouteTable(ctx.topo, client), pkt.dst);
  if (!route) drop(ctx, 'no-route', client.id, 'client', pkt, msg('drop.client-no-route', { client: client.name, dst: pkt.dst }), 'eth0');
  pushHop(ctx, {
    at: client.id,
    kind: 'client',
    iface: 'eth0',
    action: 'send',
    packet: pkt,
    match: [{ kind: 'route', table: 'main', rule: route.text }],
    msg: route.via
      ? msg('hop.client-send-gateway', { client: client.name, dst: pkt.dst, gw: route.via })
      : msg('hop.client-send-direct', { client: client.name, dst: pkt.dst }),
  });
  sendOnSubnet(ctx, client.subnet, route.via ?? pkt.dst, pkt, hostLink(client.id), client.id);
}
