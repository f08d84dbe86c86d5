/**
 * What a walk through a node's netfilter tables asks of the node (service-nat*.ts): its session
 * state (ClientIP affinity, `recent`), which addresses are LOCAL, a random draw, ipset membership;
 * and the walked rules as a hop's matches.
 */
import type { Node } from '../model/schema';
import type { Topology } from '../model/topology';
import type { TraceCtx } from '../trace/context';
import type { HopMatch, PacketHeaders } from '../trace/types';
import type { Rule } from './iptables';
import type { Probe } from './iptables-walk';
import { ipsetKey, ipvsAddresses } from './kubeproxy-ipvs';
import type { IpvsNode } from './ipvs-lazy';
import { createSessionState, recentCheck, recentSet, type SessionState } from './session';
import { nodeOwnsIp } from './routing';

export function sessionOf(ctx: TraceCtx): SessionState {
  return (ctx.session ??= createSessionState());
}

/** `-m addrtype --dst-type LOCAL`: the node's own addresses (and, in IPVS mode, every address on kube-ipvs0). */
export function isNodeLocal(t: Topology, node: Node, ip: string): boolean {
  if (ip.startsWith('127.') || nodeOwnsIp(node, ip)) return true;
  return t.scenario.cluster.kubeProxyMode === 'ipvs' && ipvsAddresses(t).has(ip);
}

export function probe(ctx: TraceCtx, node: Node, pkt: PacketHeaders, ipvs?: IpvsNode): Probe {
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

export function natMatches(trail: Rule[], table = 'nat'): HopMatch[] {
  return trail.map((r) => ({ kind: 'iptables' as const, table, chain: r.chain, rule: r.text }));
}
