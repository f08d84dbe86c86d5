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
import { drop, deliver, pushHop, type StackEntry, type TraceCtx } from '../trace/context';
import type { HopMatch, PacketHeaders } from '../trace/types';
import { recordNat } from './conntrack';
import type { Rule } from './iptables';
import { walk, type Probe, type WalkResult } from './iptables-walk';
import { KUBE_MARK_MASQ } from './kubeproxy-base';
import { proxiedPorts } from './kubeproxy-ports';
import { lazyProxyRules } from './kubeproxy-lazy';
import { ipsetKey, ipvsAddresses, realServerText, schedule, IPVS_DEV } from './kubeproxy-ipvs';
import { ipvsNode, type IpvsNode } from './ipvs-lazy';
import { createSessionState, recentCheck, recentSet, type SessionState } from './session';
import { FLANNEL_VXLAN_DEV, lookupRoute, nodeOwnsIp, nodeRouteTable, type Route } from './routing';
import { noEndpointsWhy } from './endpoints-why';
import { NAT_PORTS } from './ephemeral';
import { msg, type Message } from '../messages/index';
import { vtepAddress } from './device-names';

export function sessionOf(ctx: TraceCtx): SessionState {
  return (ctx.session ??= createSessionState());
}

/** `-m addrtype --dst-type LOCAL`: the node's own addresses (and, in IPVS mode, every address on kube-ipvs0). */
export function isNodeLocal(t: Topology, node: Node, ip: string): boolean {
  if (ip.startsWith('127.') || nodeOwnsIp(node, ip)) return true;
  return t.scenario.cluster.kubeProxyMode === 'ipvs' && ipvsAddresses(t).has(ip);
}

function probe(ctx: TraceCtx, node: Node, pkt: PacketHeaders, ipvs?: IpvsNode): Probe {
  const s = sessionOf(ctx);
  return {
    src: pkt.src,
    dst: pkt.dst,
    proto: pkt.proto,
    ...(pkt.dport !== undefined ? { dport: pkt.dport } : {}),
    mark: ctx.masqMark,
    isLocal: (ip) => isNodeLocal(ctx.topo, node, ip),
    random31: () => Math.floor(ctx.rng.next() * 0x80000000),
    inSet: (name, flags) => ipvs?.inSet(name, ipsetKey(flags, pkt)) ?? false,
    recentCheck: (name, seconds) => recentCheck(s, node.id, name, pkt.src, seconds),
    recentSet: (name) => recentSet(s, node.id, name, pkt.src),
  };
}

function natMatches(trail: Rule[], table = 'nat'): HopMatch[] {
  return trail.map((r) => ({ kind: 'iptables' as const, table, chain: r.chain, rule: r.text }));
}

/** Why the packet got KUBE-MARK-MASQ, from the rule that jumped there. */
function markReason(t: Topology, trail: Rule[]): Message | undefined {
  const r = trail.find((x) => x.target.j === 'jump' && x.target.chain === KUBE_MARK_MASQ);
  if (!r) return undefined;
  if (r.chain.startsWith('KUBE-SEP-')) return msg('mark.hairpin');
  if (r.chain.startsWith('KUBE-EXT-')) return r.matches.some((m) => m.m === 'addrtype') ? msg('mark.node-is-client') : msg('mark.external-cluster');
  if (r.src?.not) return msg('mark.outside-pod-cidr', { cidr: t.podCidr.text });
  return msg('mark.kube-proxy');
}

function describeChoice(chainRules: (chain: string) => Rule[] | undefined, trail: Rule[], sep: string, src: string): Message | undefined {
  const jumper = trail.find((r) => r.target.j === 'jump' && r.target.chain === sep);
  if (!jumper) return undefined;
  const recent = jumper.matches.find((m) => m.m === 'recent');
  if (recent && recent.m === 'recent')
    return msg('choice.affinity', { sep, src, ...(recent.seconds !== undefined ? { seconds: recent.seconds } : {}), chain: jumper.chain });
  const lb = (chainRules(jumper.chain) ?? []).filter(
    (r) => r.target.j === 'jump' && r.target.chain.startsWith('KUBE-SEP-') && !r.matches.some((m) => m.m === 'recent'),
  );
  const k = lb.indexOf(jumper) + 1;
  if (lb.length === 1) return msg('choice.single', { chain: jumper.chain });
  const stat = jumper.matches.find((m) => m.m === 'statistic');
  return msg(stat ? 'choice.probability' : 'choice.last-rule', { chain: jumper.chain, k, n: lb.length });
}

function dnatHop(
  ctx: TraceCtx,
  node: Node,
  pkt: PacketHeaders,
  iface: string | undefined,
  to: string,
  rule: string,
  match: HopMatch[],
  explain: Message,
  byIpvs = false,
): PacketHeaders {
  const i = to.lastIndexOf(':');
  const out: PacketHeaders = { ...pkt, dst: to.slice(0, i), dport: Number(to.slice(i + 1)) };
  recordNat(ctx.conntrack, node.id, 'dnat', pkt, out, rule, byIpvs);
  const pod = ctx.topo.podByIp.get(out.dst);
  if (pod) ctx.endpoint = pod.id;
  pushHop(ctx, { at: node.id, kind: 'node', ...(iface ? { iface } : {}), action: 'dnat', packet: out, match, msg: explain });
  return out;
}

/** What a Service address is to the one who sent to it: its ClusterIP, a load balancer IP, or a node address. */
function addressRole(t: TraceCtx['topo'], svc: { id: string; clusterIP?: string | undefined }, dst: string, port: number, service: string): Message {
  if (dst === svc.clusterIP) return msg('target.cluster-ip', { dst, port, service });
  if (t.scenario.loadBalancers.some((lb) => lb.service === svc.id && lb.ip === dst)) return msg('target.lb-ip', { dst, port, service });
  if (t.nodeByIp.has(dst)) return msg('target.node-address', { dst, port, service, node: t.nodeByIp.get(dst)!.name });
  return msg('target.address', { dst, port, service });
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
  const dport = pkt.dport ?? 0;
  const target = found
    ? nodePort
      ? msg('target.node-port', { dst: pkt.dst, port: dport, service: found.port.name })
      : addressRole(t, found.port.svc, pkt.dst, dport, found.port.name)
    : msg('target.address', { dst: pkt.dst, port: dport });
  const choice = describeChoice((c) => rules.chainRules('nat', c), res.trail, sep, pkt.src);
  const mark = res.mark ? markReason(t, res.trail) : undefined;
  const explain = msg('hop.iptables-dnat', {
    node: node.name,
    hook,
    nodePorts: nodePort,
    target,
    ...(choice ? { choice } : {}),
    sep,
    to: res.dnat,
    ...(found?.ep.pod ? { pod: found.ep.pod.name, podNode: t.nodes.get(found.ep.node)?.name ?? found.ep.node } : {}),
    slice: found !== undefined && !found.ep.pod,
    ...(mark ? { mark } : {}),
  });
  return dnatHop(ctx, node, pkt, entry.local ? undefined : entry.inIface, res.dnat, res.final.text, natMatches(res.trail), explain);
}

function ipvsPrerouting(ctx: TraceCtx, node: Node, pkt: PacketHeaders, entry: StackEntry): PacketHeaders {
  const t = ctx.topo;
  const ipvs = ipvsNode(t, node);
  const hook = entry.local ? 'OUTPUT' : 'PREROUTING';
  const res = walk(ipvs.rules.nat, hook, probe(ctx, node, pkt, ipvs));
  ctx.masqMark = res.mark;
  const marks = natMatches(res.trail.filter((r) => r.chain !== hook && r.target.j !== 'ACCEPT'));
  const onDummy = ipvsAddresses(t).has(pkt.dst);
  const vs = pkt.proto === 'icmp' ? undefined : ipvs.server(pkt.proto, pkt.dst, pkt.dport);
  // kube-ipvs0 is a DOWN dummy that only holds the addresses: packets never cross it. The VIP is local,
  // so an arriving packet goes PREROUTING -> local route -> INPUT (KUBE-IPVS-FILTER lets virtual servers
  // through), its own hop, and then IPVS takes it at LOCAL_IN (ip_vs_remote_request4 in ip_vs_ops4,
  // net/netfilter/ipvs/ip_vs_core.c) on the interface it arrived on. A connection the node opens itself is
  // taken at LOCAL_OUT (ip_vs_local_request4). After the DNAT IPVS sends the packet on through LOCAL_OUT
  // and POSTROUTING (ip_vs_nat_xmit, ip_vs_xmit.c), where KUBE-POSTROUTING may masquerade it.
  const iface = entry.local ? undefined : entry.inIface;
  const localRoute: HopMatch = { kind: 'route', table: 'local', rule: `local ${pkt.dst} dev ${IPVS_DEV} proto kernel scope host src ${pkt.dst}` };
  const localIn: HopMatch[] = onDummy && entry.local ? [localRoute] : [];
  if (onDummy && !entry.local) {
    pushHop(ctx, {
      at: node.id,
      kind: 'node',
      ...(iface ? { iface } : {}),
      action: 'route',
      packet: pkt,
      match: [
        ...marks,
        localRoute,
        { kind: 'iptables', table: 'filter', chain: 'INPUT', rule: '-A INPUT -m comment --comment "kubernetes ipvs access filter" -j KUBE-IPVS-FILTER' },
      ],
      msg: msg('hop.ipvs-local-in', { node: node.name, dst: pkt.dst, dev: IPVS_DEV, virtual: vs !== undefined }),
    });
  }
  if (!vs) {
    if (!onDummy) return pkt;
    if (pkt.proto === 'icmp') {
      deliver(ctx, node.id, 'node', pkt, IPVS_DEV, msg('deliver.ipvs-icmp', { dst: pkt.dst, node: node.name, dev: IPVS_DEV }));
    }
    drop(
      ctx,
      'port-closed',
      node.id,
      'node',
      pkt,
      msg('drop.ipvs-no-virtual-server', { dst: pkt.dst, dev: IPVS_DEV, proto: pkt.proto.toUpperCase(), port: pkt.dport ?? 0 }),
      IPVS_DEV,
    );
  }
  const s = sessionOf(ctx);
  const pick = schedule(vs, node.id, pkt.src, s, ctx.rng);
  // The PREROUTING marks and the local route went with the LOCAL_IN hop above when there was one.
  const match: HopMatch[] = [...(onDummy && !entry.local ? [] : [...marks, ...localIn]), { kind: 'ipvs', rule: vs.text }];
  if (!pick) {
    const localOnly = vs.service.endpoints.length > 0;
    drop(
      ctx,
      localOnly ? 'no-local-endpoints' : 'no-endpoints',
      node.id,
      'node',
      pkt,
      localOnly
        ? msg('drop.ipvs-no-local-real-server', { vs: `${vs.ip}:${vs.port}`, node: node.name, service: vs.service.name })
        : msg('drop.ipvs-no-real-server', { vs: `${vs.ip}:${vs.port}`, service: vs.service.name, why: noEndpointsWhy(t, vs.service.svc, vs.service.port) }),
      iface,
      match,
    );
  }
  const rs = pick.server;
  match[match.length - 1] = { kind: 'ipvs', rule: `${vs.text}\n${realServerText(rs)}` };
  const choice = pick.persisted
    ? msg('choice.ipvs-persistence', { src: pkt.src, rs: rs.text, seconds: vs.persistent ?? 0 })
    : msg('choice.ipvs-scheduler', { scheduler: vs.scheduler, rs: rs.text, n: vs.realServers.length });
  const mark = res.mark ? (markReason(t, res.trail) ?? msg('mark.ipset')) : undefined;
  const explain = msg('hop.ipvs-dnat', {
    node: node.name,
    dst: `${pkt.dst}:${pkt.dport}`,
    vs: vs.text,
    nodePort: vs.kind === 'nodePort',
    service: vs.service.name,
    dev: IPVS_DEV,
    hook: entry.local ? 'LOCAL_OUT' : 'LOCAL_IN',
    dummy: onDummy,
    choice,
    ...(rs.pod ? { pod: rs.pod.name } : {}),
    ...(mark ? { mark } : {}),
  });
  return dnatHop(ctx, node, pkt, iface, rs.text, `${vs.text} -> ${rs.text}`, match, explain, true);
}

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
