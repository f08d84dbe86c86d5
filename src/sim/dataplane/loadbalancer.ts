/**
 * A cloud load balancer in front of a Service's NodePorts (kubernetes.io/docs/concepts/services-networking/service/#loadbalancer).
 * It listens on the Service port at its public IP, health-checks the nodes and forwards each new
 * connection to one healthy node's NodePort, keeping the client's source address (like a network load
 * balancer with instance targets), then tracks the flow so the reply returns through it.
 * Health checks: with externalTrafficPolicy Cluster every node whose kube-proxy is healthy passes
 * (GET :10256/healthz); with Local the balancer probes healthCheckNodePort, where kube-proxy answers
 * 200 only on nodes that run an endpoint of the Service (503 elsewhere), so only those get traffic.
 */
import type { LoadBalancer, Node, Service, ServicePort } from '../model/schema';
import type { Topology } from '../model/topology';
import { drop, pushHop, type TraceCtx } from '../trace/context';
import type { HopMatch, PacketHeaders } from '../trace/types';
import { cidrContains } from '../net/cidr';
import { conntrackText, findReplyEntry, recordNat, reverseNat, type ConntrackEntry } from './conntrack';
import { findServicePort, sliceEndpoints } from './endpoints';
import { hostLink } from '../model/links';
import { sendOnSubnet } from './underlay';
import { msg } from '../messages/index';

/** kube-proxy's own health endpoint (--healthz-bind-address, port 10256). */
export const KUBE_PROXY_HEALTHZ_PORT = 10256;

export interface NodeHealth {
  node: Node;
  healthy: boolean;
  /** The probe and its answer, as the balancer's health check log would show it. */
  check: string;
}

/** The health of every node as the balancer in front of `svc` sees it. */
export function nodeHealth(t: Topology, svc: Service, port: ServicePort): NodeHealth[] {
  // kube-proxy's health check server reports the node's *ready* local endpoints
  // (EndpointsMap.LocalReadyEndpoints), so a node whose pods are terminating fails the check and drains.
  const endpoints = sliceEndpoints(t, svc, port).filter((e) => e.conditions.ready);
  return t.scenario.nodes.map((node) => {
    if (svc.externalTrafficPolicy !== 'Local') {
      return { node, healthy: true, check: `GET http://${node.ip}:${KUBE_PROXY_HEALTHZ_PORT}/healthz -> 200 (kube-proxy healthy)` };
    }
    const local = endpoints.filter((e) => e.node === node.id).length;
    return {
      node,
      healthy: local > 0,
      check: `GET http://${node.ip}:${svc.healthCheckNodePort ?? '?'}/healthz -> ${local > 0 ? 200 : 503} {"localEndpoints": ${local}}`,
    };
  });
}

/** Hand a frame from the balancer to `dst` on its subnet: directly, or through the subnet's gateway. */
function sendFromBalancer(ctx: TraceCtx, lb: LoadBalancer, pkt: PacketHeaders): never {
  const subnet = ctx.topo.subnets.get(lb.subnet);
  const direct = subnet && cidrContains(subnet.cidr, pkt.dst);
  const nextHop = direct ? pkt.dst : subnet?.gateway;
  if (!nextHop) drop(ctx, 'no-route', lb.id, 'loadBalancer', pkt, msg('drop.lb-no-gateway', { lb: lb.name, dst: pkt.dst }), 'eth0');
  sendOnSubnet(ctx, lb.subnet, nextHop, pkt, hostLink(lb.id), lb.id);
}

export function receiveAtLoadBalancer(ctx: TraceCtx, lb: LoadBalancer, pkt: PacketHeaders): never {
  const t = ctx.topo;
  if (pkt.dst !== lb.ip) drop(ctx, 'no-route', lb.id, 'loadBalancer', pkt, msg('drop.lb-not-router', { lb: lb.name, dst: pkt.dst }), 'eth0');
  const svc = t.services.get(lb.service);
  if (!svc) drop(ctx, 'port-closed', lb.id, 'loadBalancer', pkt, msg('drop.lb-no-service', { lb: lb.name, service: lb.service }), 'eth0');
  const port = findServicePort(svc, pkt.dport, pkt.proto);
  if (!port || port.nodePort === undefined) {
    drop(ctx, 'port-closed', lb.id, 'loadBalancer', pkt, msg('drop.lb-no-listener', { lb: lb.name, proto: pkt.proto.toUpperCase(), ...(pkt.dport !== undefined ? { port: pkt.dport } : {}), service: `${svc.namespace}/${svc.name}`, ports: svc.ports.map((p) => `${p.protocol} ${p.port}`) }), 'eth0');
  }
  const health = nodeHealth(t, svc, port);
  const healthy = health.filter((h) => h.healthy);
  const listener = `listener ${port.protocol} ${lb.ip}:${port.port} -> NodePort ${port.nodePort} on ${healthy.length} of ${health.length} nodes`;
  const match: HopMatch[] = [{ kind: 'lb', rule: listener }, ...health.map((h) => ({ kind: 'lb' as const, rule: `health check ${h.check}` }))];
  if (healthy.length === 0) {
    const local = svc.externalTrafficPolicy === 'Local';
    drop(
      ctx,
      local ? 'no-local-endpoints' : 'host-unreachable',
      lb.id,
      'loadBalancer',
      pkt,
      local
        ? msg('drop.lb-no-healthy-local', { ...(svc.healthCheckNodePort !== undefined ? { port: svc.healthCheckNodePort } : {}), service: `${svc.namespace}/${svc.name}`, lb: lb.name })
        : msg('drop.lb-no-nodes', { lb: lb.name }),
      'eth0',
      match,
    );
  }
  const chosen = healthy[ctx.rng.int(0, healthy.length - 1)]!.node;
  if (pkt.ttl <= 1) drop(ctx, 'ttl-exceeded', lb.id, 'loadBalancer', pkt, msg('drop.lb-ttl', { lb: lb.name }), 'eth0');
  const out: PacketHeaders = { ...pkt, dst: chosen.ip, dport: port.nodePort, ttl: pkt.ttl - 1 };
  recordNat(ctx.conntrack, lb.id, 'dnat', pkt, out, listener);
  const skipped = health.filter((h) => !h.healthy).map((h) => h.node.name);
  pushHop(ctx, {
    at: lb.id,
    kind: 'loadBalancer',
    iface: 'eth0',
    action: 'lb',
    packet: out,
    match,
    msg: msg('hop.lb-forward', { lb: lb.name, vip: `${lb.ip}:${port.port}`, node: chosen.name, skipped, to: `${chosen.ip}:${port.nodePort}`, src: pkt.src }),
  });
  sendFromBalancer(ctx, lb, out);
}

function balancerEntry(ctx: TraceCtx, pkt: PacketHeaders): ConntrackEntry | undefined {
  for (const e of ctx.conntrack) {
    if (e.type !== 'dnat' || ctx.topo.kindOf.get(e.at) !== 'loadBalancer') continue;
    if (findReplyEntry([e], e.at, 'dnat', pkt)) return e;
  }
  return undefined;
}

/**
 * A reply leaving a node: when it belongs to a flow a load balancer forwarded, the cloud network
 * returns it to that balancer, which restores its own address as the source and sends it on.
 */
export function returnViaLoadBalancer(ctx: TraceCtx, node: Node, pkt: PacketHeaders): void {
  const e = balancerEntry(ctx, pkt);
  if (!e) return;
  const lb = ctx.topo.loadBalancers.get(e.at)!;
  pushHop(ctx, {
    at: node.id,
    kind: 'node',
    iface: 'eth0',
    action: 'route',
    packet: pkt,
    match: [{ kind: 'lb', rule: `flow ${e.orig.src}:${e.orig.sport} -> ${e.orig.dst}:${e.orig.dport} tracked by ${lb.name}` }],
    msg: msg('hop.lb-return', { lb: lb.name, ip: lb.ip }),
  });
  const out = reverseNat(e, pkt);
  pushHop(ctx, {
    at: lb.id,
    kind: 'loadBalancer',
    iface: 'eth0',
    action: 'unnat',
    packet: out,
    match: [{ kind: 'conntrack', rule: conntrackText(e) }],
    msg: msg('hop.lb-unnat', { lb: lb.name, from: `${pkt.src}:${pkt.sport}`, to: `${out.src}:${out.sport}` }),
  });
  sendFromBalancer(ctx, lb, out);
}
