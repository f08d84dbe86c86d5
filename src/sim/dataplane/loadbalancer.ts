/**
 * A cloud load balancer in front of a Service's NodePorts (kubernetes.io/docs/concepts/services-networking/service/#loadbalancer).
 * It listens on the Service port at its public IP, health-checks the nodes and forwards each new
 * connection to one healthy node's NodePort, keeping the client's source address (like a network load
 * balancer with instance targets), then tracks the flow so the reply returns through it.
 * Health checks: with externalTrafficPolicy Cluster every node whose kube-proxy is healthy passes
 * (GET :10256/healthz); with Local the balancer probes healthCheckNodePort, where kube-proxy answers
 * 200 only on nodes that run an endpoint of the Service (503 elsewhere), so only those get traffic.
 * A balancer in `vip` mode (GCP passthrough Network Load Balancer; MetalLB BGP through the router's
 * ECMP) does not rewrite the destination: the node receives the packet addressed to the load balancer IP
 * and kube-proxy's KUBE-SERVICES rule `-d <LB IP>/32 ... --comment "<ns>/<svc>:<port> loadbalancer IP"
 * -j KUBE-EXT-…` (pkg/proxy/iptables/proxier.go, "Capture load-balancer ingress") DNATs it; the reply
 * leaves the node for the client directly (direct server return), the balancer holding no state.
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
  const vip = lb.mode === 'vip';
  const port = findServicePort(svc, pkt.dport, pkt.proto);
  if (!port || (!vip && port.nodePort === undefined)) {
    drop(
      ctx,
      'port-closed',
      lb.id,
      'loadBalancer',
      pkt,
      msg('drop.lb-no-listener', {
        lb: lb.name,
        proto: pkt.proto.toUpperCase(),
        ...(pkt.dport !== undefined ? { port: pkt.dport } : {}),
        service: `${svc.namespace}/${svc.name}`,
        ports: svc.ports.map((p) => `${p.protocol} ${p.port}`),
      }),
      'eth0',
    );
  }
  const health = nodeHealth(t, svc, port);
  const healthy = health.filter((h) => h.healthy);
  const listener = vip
    ? `listener ${port.protocol} ${lb.ip}:${port.port} -> ${healthy.length} of ${health.length} nodes, destination unchanged`
    : `listener ${port.protocol} ${lb.ip}:${port.port} -> NodePort ${port.nodePort} on ${healthy.length} of ${health.length} nodes`;
  const match: HopMatch[] = [{ kind: 'lb', rule: listener }, ...health.map((h) => ({ kind: 'lb' as const, rule: `health check ${h.check}` }))];
  if (health.length === 0) drop(ctx, 'host-unreachable', lb.id, 'loadBalancer', pkt, msg('drop.lb-no-nodes', { lb: lb.name }), 'eth0', match);
  // Fail open: when every target fails its health check, AWS NLB ("If all targets fail health checks at
  // the same time in all enabled Availability Zones, the load balancer fails open",
  // docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-health-checks.html) and GCP
  // passthrough load balancers send to all targets; kube-proxy on the node then answers as it would.
  const failOpen = healthy.length === 0;
  const candidates = failOpen ? health : healthy;
  const chosen = candidates[ctx.rng.int(0, candidates.length - 1)]!.node;
  const skipped = health.filter((h) => !h.healthy).map((h) => h.node.name);
  if (vip) {
    // The packet goes on unchanged, still addressed to the balancer's IP: the node's kube-proxy takes it.
    pushHop(ctx, {
      at: lb.id,
      kind: 'loadBalancer',
      iface: 'eth0',
      action: 'lb',
      packet: pkt,
      match,
      msg: msg('hop.lb-vip', {
        lb: lb.name,
        vip: `${lb.ip}:${port.port}`,
        node: chosen.name,
        nodeIp: chosen.ip,
        skipped,
        failOpen,
        local: svc.externalTrafficPolicy === 'Local',
      }),
    });
    ctx.pendingLink = hostLink(chosen.id);
    ctx.receive.node(ctx, chosen, pkt, { inIface: 'eth0', local: false });
  }
  if (pkt.ttl <= 1) drop(ctx, 'ttl-exceeded', lb.id, 'loadBalancer', pkt, msg('drop.lb-ttl', { lb: lb.name }), 'eth0');
  const out: PacketHeaders = { ...pkt, dst: chosen.ip, dport: port.nodePort, ttl: pkt.ttl - 1 };
  recordNat(ctx.conntrack, lb.id, 'dnat', pkt, out, listener);
  pushHop(ctx, {
    at: lb.id,
    kind: 'loadBalancer',
    iface: 'eth0',
    action: 'lb',
    packet: out,
    match,
    msg: failOpen
      ? msg('hop.lb-fail-open', {
          lb: lb.name,
          vip: `${lb.ip}:${port.port}`,
          node: chosen.name,
          to: `${chosen.ip}:${port.nodePort}`,
          src: pkt.src,
          local: svc.externalTrafficPolicy === 'Local',
        })
      : msg('hop.lb-forward', { lb: lb.name, vip: `${lb.ip}:${port.port}`, node: chosen.name, skipped, to: `${chosen.ip}:${port.nodePort}`, src: pkt.src }),
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
export function returnViaLoadBalancer(ctx: TraceCtx, _node: Node, pkt: PacketHeaders): void {
  const e = balancerEntry(ctx, pkt);
  if (!e) return;
  const lb = ctx.topo.loadBalancers.get(e.at)!;
  // The node holds no state for the balancer: its reply simply leaves for the client, and the cloud
  // network delivers it to the balancer that tracks the flow (no hop of its own on the node).
  ctx.pendingLink = hostLink(lb.id);
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
