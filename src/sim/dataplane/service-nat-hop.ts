/**
 * The hop a Service DNAT makes (either kube-proxy mode): the packet's new destination, recorded in
 * conntrack so the reply is translated back, and why the packet was marked for masquerade.
 */
import type { Node } from '../model/schema';
import type { Topology } from '../model/topology';
import { pushHop, type TraceCtx } from '../trace/context';
import type { HopMatch, PacketHeaders } from '../trace/types';
import { recordNat } from './conntrack';
import type { Rule } from './iptables';
import { KUBE_MARK_MASQ } from './kubeproxy-base';
import { msg, type Message } from '../messages/index';

/** Why the packet got KUBE-MARK-MASQ, from the rule that jumped there. */
export function markReason(t: Topology, trail: Rule[]): Message | undefined {
  const r = trail.find((x) => x.target.j === 'jump' && x.target.chain === KUBE_MARK_MASQ);
  if (!r) return undefined;
  if (r.chain.startsWith('KUBE-SEP-')) return msg('mark.hairpin');
  if (r.chain.startsWith('KUBE-EXT-')) return r.matches.some((m) => m.m === 'addrtype') ? msg('mark.node-is-client') : msg('mark.external-cluster');
  if (r.src?.not) return msg('mark.outside-pod-cidr', { cidr: t.podCidr.text });
  return msg('mark.kube-proxy');
}

/** The DNAT applied: the new destination, recorded in conntrack (the reply is translated back), and its hop. */
export function dnatHop(
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
