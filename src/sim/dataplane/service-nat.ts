/**
 * Where kube-proxy's rules meet a node's netfilter path (called from host.ts):
 * - nat PREROUTING (packets arriving on eth0/cni0/flannel.1) and nat OUTPUT (the node's own
 *   packets): KUBE-SERVICES DNATs a NEW connection to a Service to one endpoint (iptables mode), or
 *   IPVS does it for the virtual servers on kube-ipvs0 (ipvs mode); conntrack records the DNAT so the
 *   reply is translated back in POSTROUTING.
 * - filter INPUT/FORWARD/OUTPUT: REJECT for a Service without endpoints, DROP for a Local traffic
 *   policy without a local endpoint.
 * - nat POSTROUTING -> KUBE-POSTROUTING: MASQUERADE of packets carrying the 0x4000 mark, before
 *   flannel's own masquerade rules.
 * The DNAT of each mode is in service-nat-iptables.ts and service-nat-ipvs.ts, the hop it makes in
 * service-nat-hop.ts, what the walk asks of the node in service-nat-probe.ts.
 */
import type { Node } from '../model/schema';
import type { Topology } from '../model/topology';
import { drop, pushHop, type StackEntry, type TraceCtx } from '../trace/context';
import type { HopMatch, PacketHeaders } from '../trace/types';
import { recordNat } from './conntrack';
import { walk } from './iptables-walk';
import { proxiedPorts } from './kubeproxy-ports';
import { lazyProxyRules } from './kubeproxy-lazy';
import { ipvsNode } from './ipvs-lazy';
import { FLANNEL_VXLAN_DEV, lookupRoute, nodeOwnsIp, nodeRouteTable, type Route } from './routing';
import { noEndpointsWhy } from './endpoints-why';
import { NAT_PORTS } from './ephemeral';
import { msg, type Message } from '../messages/index';
import { vtepAddress } from './device-names';
import { natMatches, probe } from './service-nat-probe';
import { iptablesPrerouting } from './service-nat-iptables';
import { ipvsPrerouting } from './service-nat-ipvs';

/** The reason behind a "<ns>/<svc>:<port> has no endpoints" rule: how many pods are selected and why none is used. */
function whyNoEndpoints(t: Topology, comment: string): Message {
  const p = proxiedPorts(t).find((x) => comment.startsWith(`${x.name} `));
  return p ? noEndpointsWhy(t, p.svc, p.port) : msg('why.no-ready-endpoint');
}

/** nat PREROUTING/OUTPUT: kube-proxy's DNAT for a new connection; returns the packet after it. */
export function kubeProxyPrerouting(ctx: TraceCtx, node: Node, input: PacketHeaders, entry: StackEntry): PacketHeaders {
  let pkt = input;
  if (entry.local && !pkt.src) {
    // A local socket has its source address before OUTPUT: the route to the original destination picks it.
    const r = lookupRoute(nodeRouteTable(ctx.topo, node), pkt.dst);
    if (!r) return pkt;
    pkt = { ...pkt, src: r.src ?? node.ip };
  }
  const out = ctx.topo.scenario.cluster.kubeProxyMode === 'ipvs' ? ipvsPrerouting(ctx, node, pkt, entry) : iptablesPrerouting(ctx, node, pkt, entry);
  if (!entry.local && out === pkt && nodeOwnsIp(node, pkt.dst)) kubeProxyFilter(ctx, node, pkt, 'INPUT');
  return out;
}

/** filter INPUT/FORWARD/OUTPUT: kube-proxy's REJECT (no endpoints) and DROP (no local endpoints). */
export function kubeProxyFilter(ctx: TraceCtx, node: Node, pkt: PacketHeaders, hook: 'INPUT' | 'FORWARD' | 'OUTPUT'): void {
  if (pkt.proto === 'icmp') return;
  const t = ctx.topo;
  const filter = t.scenario.cluster.kubeProxyMode === 'ipvs' ? ipvsNode(t, node).rules.filter : lazyProxyRules(t, node).filter;
  const res = walk(filter, hook, probe(ctx, node, pkt));
  if (res.verdict !== 'DROP' && res.verdict !== 'REJECT') return;
  const r = res.final!;
  const c = r.matches.find((m) => m.m === 'comment');
  const note = c && c.m === 'comment' ? `"${c.comment}"` : r.chain;
  const code = r.reason ?? 'port-closed';
  const text =
    code === 'no-endpoints'
      ? msg('drop.kube-proxy-reject', { note, hook, chain: r.chain, why: whyNoEndpoints(t, c && c.m === 'comment' ? c.comment : '') })
      : code === 'no-local-endpoints'
        ? msg('drop.kube-proxy-no-local', { node: node.name, note, hook, chain: r.chain })
        : msg('drop.kube-proxy-filter', { hook, chain: r.chain, verdict: res.verdict });
  drop(ctx, code, node.id, 'node', pkt, text, undefined, natMatches(res.trail, 'filter'));
}

/** The address MASQUERADE picks: the primary address of the outgoing interface. */
export function masqueradeSource(node: Node, route: Route): string {
  return route.dev === FLANNEL_VXLAN_DEV ? vtepAddress(node) : (route.src ?? node.ip);
}

/** nat POSTROUTING -> KUBE-POSTROUTING; the packet after MASQUERADE, or undefined when it does not apply. */
export function kubeProxyPostrouting(ctx: TraceCtx, node: Node, pkt: PacketHeaders, route: Route): PacketHeaders | undefined {
  const t = ctx.topo;
  const ipvs = t.scenario.cluster.kubeProxyMode === 'ipvs' ? ipvsNode(t, node) : undefined;
  const nat = ipvs ? ipvs.rules.nat : lazyProxyRules(t, node).nat;
  if (!ctx.masqMark && !ipvs) return undefined;
  const res = walk(nat, 'POSTROUTING', probe(ctx, node, pkt, ipvs));
  if (res.verdict !== 'MASQUERADE') return undefined;
  ctx.masqMark = false;
  const src = masqueradeSource(node, route);
  const hairpin = res.final!.matches.some((m) => m.m === 'set');
  const randomFully = res.final!.target.j === 'MASQUERADE' && res.final!.target.randomFully === true;
  const message = msg(hairpin ? 'hop.kube-proxy-masquerade-hairpin' : 'hop.kube-proxy-masquerade', {
    src: pkt.src,
    newSrc: src,
    dev: route.dev,
    node: node.name,
  });
  return masqueradeHop(ctx, node, pkt, route, { rule: res.final!.text, match: natMatches(res.trail), msg: message, randomFully });
}

/**
 * MASQUERADE applied: the source becomes the outgoing interface's address (with --random-fully, the
 * source port is drawn from the NAT range 1024-65535), conntrack records the SNAT, and the hop says
 * which rule did it. kube-proxy's KUBE-POSTROUTING and the CNI's own masquerade rules share it.
 */
export function masqueradeHop(
  ctx: TraceCtx,
  node: Node,
  pkt: PacketHeaders,
  route: Route,
  how: { rule: string; match: HopMatch[]; msg: Message; randomFully: boolean },
): PacketHeaders {
  const src = masqueradeSource(node, route);
  const out: PacketHeaders = { ...pkt, src, ...(pkt.sport !== undefined && how.randomFully ? { sport: ctx.rng.int(NAT_PORTS[0], NAT_PORTS[1]) } : {}) };
  recordNat(ctx.conntrack, node.id, 'snat', pkt, out, how.rule);
  pushHop(ctx, { at: node.id, kind: 'node', iface: route.dev, action: 'snat', packet: out, match: how.match, msg: how.msg });
  return out;
}
