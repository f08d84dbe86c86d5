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
 */
import type { Node } from '../model/schema';
import type { Topology } from '../model/topology';
import { drop, deliver, pushHop, type TraceCtx } from '../trace/context';
import type { HopMatch, PacketHeaders } from '../trace/types';
import { recordNat, reverseReplyNat } from './conntrack';
import type { Rule } from './iptables';
import { walk, type Probe, type WalkResult } from './iptables-walk';
import { KUBE_MARK_MASQ, proxiedPorts } from './kubeproxy-iptables';
import { lazyProxyRules } from './kubeproxy-lazy';
import { ipsetKey, ipvsAddresses, ipvsNode, realServerText, schedule, vsKey, IPVS_DEV } from './kubeproxy-ipvs';
import { createSessionState, recentCheck, recentSet, type SessionState } from './session';
import { FLANNEL_VXLAN_DEV, lookupRoute, nodeRouteTable, vtepAddress, type Route } from './routing';
import { nodeOwnsIp, type StackEntry } from './host';
import { noEndpointsWhy } from './endpoints';
import { NAT_PORTS } from './ephemeral';

export function sessionOf(ctx: TraceCtx): SessionState {
  return (ctx.session ??= createSessionState());
}

/** `-m addrtype --dst-type LOCAL`: the node's own addresses (and, in IPVS mode, every address on kube-ipvs0). */
export function isNodeLocal(t: Topology, node: Node, ip: string): boolean {
  if (ip.startsWith('127.') || nodeOwnsIp(node, ip)) return true;
  return t.scenario.cluster.kubeProxyMode === 'ipvs' && ipvsAddresses(t).has(ip);
}

function probe(ctx: TraceCtx, node: Node, pkt: PacketHeaders, sets?: Map<string, Set<string>>): Probe {
  const s = sessionOf(ctx);
  return {
    src: pkt.src,
    dst: pkt.dst,
    proto: pkt.proto,
    ...(pkt.dport !== undefined ? { dport: pkt.dport } : {}),
    mark: ctx.masqMark,
    isLocal: (ip) => isNodeLocal(ctx.topo, node, ip),
    random31: () => Math.floor(ctx.rng.next() * 0x80000000),
    inSet: (name, flags) => sets?.get(name)?.has(ipsetKey(flags, pkt)) ?? false,
    recentCheck: (name, seconds) => recentCheck(s, node.id, name, pkt.src, seconds),
    recentSet: (name) => recentSet(s, node.id, name, pkt.src),
  };
}

function natMatches(trail: Rule[], table = 'nat'): HopMatch[] {
  return trail.map((r) => ({ kind: 'iptables' as const, table, chain: r.chain, rule: r.text }));
}

/** Why the packet got KUBE-MARK-MASQ, from the rule that jumped there. */
function markReason(t: Topology, trail: Rule[]): string | undefined {
  const r = trail.find((x) => x.target.j === 'jump' && x.target.chain === KUBE_MARK_MASQ);
  if (!r) return undefined;
  if (r.chain.startsWith('KUBE-SEP-')) return 'the pod is reaching itself through its Service (hairpin), so the reply must come back through the node';
  if (r.chain.startsWith('KUBE-EXT-')) {
    return r.matches.some((m) => m.m === 'addrtype')
      ? 'the node itself is the client'
      : 'with externalTrafficPolicy Cluster the endpoint may be on another node, so the source is rewritten to keep the reply on this path';
  }
  if (r.src?.not) return `the source is outside the cluster pod CIDR ${t.podCidr.text}`;
  return 'kube-proxy marks it for masquerading';
}

function describeChoice(chainRules: (chain: string) => Rule[] | undefined, trail: Rule[], sep: string, src: string): string {
  const jumper = trail.find((r) => r.target.j === 'jump' && r.target.chain === sep);
  if (!jumper) return '';
  const recent = jumper.matches.find((m) => m.m === 'recent');
  if (recent && recent.m === 'recent') {
    return `the recent list ${sep} remembers ${src} from an earlier connection (sessionAffinity ClientIP, --seconds ${recent.seconds}), so ${jumper.chain} sends it to the same endpoint again`;
  }
  const lb = (chainRules(jumper.chain) ?? []).filter((r) => r.target.j === 'jump' && r.target.chain.startsWith('KUBE-SEP-') && !r.matches.some((m) => m.m === 'recent'));
  const k = lb.indexOf(jumper) + 1;
  if (lb.length === 1) return `${jumper.chain} has a single endpoint`;
  const stat = jumper.matches.find((m) => m.m === 'statistic');
  return stat
    ? `${jumper.chain} picks endpoint ${k} of ${lb.length}: that rule's "--probability" draw matched (each rule i of n matches with 1/(n-i), so every endpoint gets 1/${lb.length})`
    : `${jumper.chain}'s earlier probability rules did not match, so its last rule, with no probability, takes endpoint ${k} of ${lb.length}`;
}

function dnatHop(ctx: TraceCtx, node: Node, pkt: PacketHeaders, iface: string | undefined, to: string, rule: string, match: HopMatch[], explain: string): PacketHeaders {
  const i = to.lastIndexOf(':');
  const out: PacketHeaders = { ...pkt, dst: to.slice(0, i), dport: Number(to.slice(i + 1)) };
  recordNat(ctx.conntrack, node.id, 'dnat', pkt, out, rule);
  const pod = ctx.topo.podByIp.get(out.dst);
  if (pod) ctx.endpoint = pod.id;
  pushHop(ctx, { at: node.id, kind: 'node', ...(iface ? { iface } : {}), action: 'dnat', packet: out, match, explain });
  return out;
}

/** What a Service address is to the one who sent to it: its ClusterIP, a load balancer IP, or a node address. */
function addressRole(t: TraceCtx['topo'], svc: { id: string; clusterIP?: string }, dst: string): string {
  if (dst === svc.clusterIP) return 'ClusterIP';
  if (t.scenario.loadBalancers.some((lb) => lb.service === svc.id && lb.ip === dst)) return 'load balancer IP';
  if (t.nodeByIp.has(dst)) return `address of node ${t.nodeByIp.get(dst)!.name}`;
  return 'address';
}

function iptablesPrerouting(ctx: TraceCtx, node: Node, pkt: PacketHeaders, entry: StackEntry): PacketHeaders {
  const t = ctx.topo;
  const rules = lazyProxyRules(t, node);
  const hook = entry.local ? 'OUTPUT' : 'PREROUTING';
  const res: WalkResult = walk(rules.nat, hook, probe(ctx, node, pkt));
  ctx.masqMark = res.mark;
  if (res.verdict !== 'DNAT' || !res.final || !res.dnat) return pkt;
  const sep = res.final.chain;
  const found = rules.sepOwner(sep);
  const nodePort = res.trail.some((r) => r.chain === 'KUBE-NODEPORTS');
  const via = nodePort ? ' -> KUBE-NODEPORTS' : '';
  const what = found
    ? nodePort
      ? `${pkt.dst}:${pkt.dport}, NodePort ${pkt.dport} of ${found.port.name} on a local address`
      : `${pkt.dst}:${pkt.dport}, the ${addressRole(t, found.port.svc, pkt.dst)} of ${found.port.name}`
    : `${pkt.dst}:${pkt.dport}`;
  const pod = found ? (found.ep.pod ? ` (${found.ep.pod.name} on ${t.nodes.get(found.ep.node)?.name ?? found.ep.node})` : ' (an address given in its EndpointSlice, not a pod)') : '';
  const mark = res.mark ? `; it is marked 0x4000 for masquerading because ${markReason(t, res.trail)}` : '';
  const explain = `kube-proxy's nat rules on ${node.name} (${hook} -> KUBE-SERVICES${via}) match ${what}; ${describeChoice((c) => rules.chainRules('nat', c), res.trail, sep, pkt.src)}; ${sep} DNATs the packet to ${res.dnat}${pod}${mark}.`;
  return dnatHop(ctx, node, pkt, entry.local ? undefined : entry.inIface, res.dnat, res.final.text, natMatches(res.trail), explain);
}

function ipvsPrerouting(ctx: TraceCtx, node: Node, pkt: PacketHeaders, entry: StackEntry): PacketHeaders {
  const t = ctx.topo;
  const ipvs = ipvsNode(t, node);
  const hook = entry.local ? 'OUTPUT' : 'PREROUTING';
  const res = walk(ipvs.rules.nat, hook, probe(ctx, node, pkt, ipvs.sets));
  ctx.masqMark = res.mark;
  const marks = natMatches(res.trail.filter((r) => r.chain !== hook && r.target.j !== 'ACCEPT'));
  const onDummy = ipvsAddresses(t).has(pkt.dst);
  const vs = pkt.proto === 'icmp' ? undefined : ipvs.servers.get(vsKey(pkt.proto, pkt.dst, pkt.dport));
  const iface = onDummy ? IPVS_DEV : entry.local ? undefined : entry.inIface;
  if (!vs) {
    if (!onDummy) return pkt;
    if (pkt.proto === 'icmp') {
      deliver(ctx, node.id, 'node', pkt, IPVS_DEV, `In IPVS mode ${pkt.dst} is an address of ${node.name}'s dummy interface ${IPVS_DEV}, so the node itself answers the ping (in iptables mode a ClusterIP answers no ping).`);
    }
    drop(ctx, 'port-closed', node.id, 'node', pkt, `${pkt.dst} is on ${IPVS_DEV} but no IPVS virtual server listens on ${pkt.proto.toUpperCase()} ${pkt.dport}; KUBE-IPVS-FILTER rejects the new connection.`, IPVS_DEV);
  }
  const s = sessionOf(ctx);
  const pick = schedule(vs, node.id, pkt.src, s, ctx.rng);
  const match: HopMatch[] = [...marks, { kind: 'ipvs', rule: vs.text }];
  if (!pick) {
    const localOnly = vs.service.endpoints.length > 0;
    drop(
      ctx,
      localOnly ? 'no-local-endpoints' : 'no-endpoints',
      node.id,
      'node',
      pkt,
      localOnly
        ? `IPVS virtual server ${vs.ip}:${vs.port} on ${node.name} has no real server: ${vs.service.name} uses a Local traffic policy and none of its endpoints runs on ${node.name}, so the packet is dropped.`
        : `IPVS virtual server ${vs.ip}:${vs.port} has no real servers because ${vs.service.name} has no ready endpoints: ${noEndpointsWhy(t, vs.service.svc, vs.service.port)}. IPVS answers ICMP port unreachable.`,
      iface,
      match,
    );
  }
  const rs = pick.server;
  match[match.length - 1] = { kind: 'ipvs', rule: `${vs.text}\n${realServerText(rs)}` };
  const why = pick.persisted
    ? `the persistence template keeps ${pkt.src} on ${rs.text} (sessionAffinity ClientIP, persistent ${vs.persistent} s)`
    : `the ${vs.scheduler} scheduler picks real server ${rs.text} of ${vs.realServers.length}`;
  const mark = res.mark ? `; iptables marked it 0x4000 for masquerading because ${markReason(t, res.trail) ?? 'an ipset matched'}` : '';
  const explain = `IPVS on ${node.name}: ${pkt.dst}:${pkt.dport} is virtual server "${vs.text}" (${vs.kind === 'nodePort' ? `NodePort of ${vs.service.name}` : `${vs.service.name}, bound to ${IPVS_DEV}`}); ${why} (${rs.pod?.name ?? 'an address given in its EndpointSlice'}) and rewrites the destination (masquerade forwarding)${mark}.`;
  return dnatHop(ctx, node, pkt, iface, rs.text, `${vs.text} -> ${rs.text}`, match, explain);
}

/** The reason behind a "<ns>/<svc>:<port> has no endpoints" rule: how many pods are selected and why none is used. */
function whyNoEndpoints(t: Topology, comment: string): string {
  const p = proxiedPorts(t).find((x) => comment.startsWith(`${x.name} `));
  return p ? noEndpointsWhy(t, p.svc, p.port) : 'the Service has no ready endpoint';
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
      ? `kube-proxy has no endpoint to send this to (${note}): ${whyNoEndpoints(t, c && c.m === 'comment' ? c.comment : '')}. Its filter rule in ${hook} -> ${r.chain} REJECTs the connection with ICMP port unreachable.`
      : code === 'no-local-endpoints'
        ? `The traffic policy is Local and ${node.name} runs no endpoint of this Service (${note}): kube-proxy's filter rule in ${hook} -> ${r.chain} DROPs the packet.`
        : `kube-proxy's filter rule in ${hook} -> ${r.chain} ${res.verdict}s the packet.`;
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
  const res = walk(nat, 'POSTROUTING', probe(ctx, node, pkt, ipvs?.sets));
  if (res.verdict !== 'MASQUERADE') return undefined;
  ctx.masqMark = false;
  const src = masqueradeSource(node, route);
  const hairpin = res.final!.matches.some((m) => m.m === 'set');
  const randomFully = res.final!.target.j === 'MASQUERADE' && res.final!.target.randomFully;
  const out: PacketHeaders = { ...pkt, src, ...(pkt.sport !== undefined && randomFully ? { sport: ctx.rng.int(NAT_PORTS[0], NAT_PORTS[1]) } : {}) };
  recordNat(ctx.conntrack, node.id, 'snat', pkt, out, res.final!.text);
  pushHop(ctx, {
    at: node.id,
    kind: 'node',
    iface: route.dev,
    action: 'snat',
    packet: out,
    match: natMatches(res.trail),
    explain: hairpin
      ? `The pod reaches itself through its Service (the KUBE-LOOP-BACK ipset matches destination and source), so KUBE-POSTROUTING MASQUERADEs the source ${pkt.src} to ${src} (${route.dev}) and the reply returns through ${node.name}.`
      : `The packet carries kube-proxy's mark 0x4000, so KUBE-POSTROUTING clears it and MASQUERADEs the source ${pkt.src} to ${src}, the address of ${route.dev}; the reply will come back to ${node.name}, where conntrack reverses both translations.`,
  });
  return out;
}

/**
 * A reply switched on cni0 between two pods of one node never reaches the routing code, but with
 * br_netfilter (net.bridge.bridge-nf-call-iptables=1, which Kubernetes requires) bridged frames pass
 * netfilter, so conntrack still reverses the Service DNAT. Without it the client would get a reply
 * from the pod IP instead of the ClusterIP and drop it.
 */
export function bridgedReply(ctx: TraceCtx, node: Node, pkt: PacketHeaders): PacketHeaders {
  return reverseReplyNat(ctx, node, pkt, 'cni0', 'dnat', (_e, out) =>
    `The reply is bridged on cni0, but br_netfilter (bridge-nf-call-iptables=1) passes bridged frames through netfilter: conntrack rewrites the source back to ${out.src}:${out.sport}, the Service address the client connected to.`,
  );
}
