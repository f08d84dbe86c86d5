/**
 * Connection tracking for NAT (netfilter conntrack): each SNAT/MASQUERADE or DNAT a node applies is
 * remembered with the tuple before and after, so the reply is translated back where it passes the
 * same node: reverse SNAT in PREROUTING (the destination), reverse DNAT in POSTROUTING (the source).
 */
import type { Protocol } from '../model/schema';
import type { PacketHeaders } from '../trace/types';
import type { Node } from '../model/schema';
import { pushHop, type TraceCtx } from '../trace/context';

export interface Tuple {
  src: string;
  sport?: number;
  dst: string;
  dport?: number;
}

export interface ConntrackEntry {
  /** The node (or element) that translated. */
  at: string;
  type: 'snat' | 'dnat';
  proto: Protocol;
  orig: Tuple;
  translated: Tuple;
  /** The rule that made the translation, for the hop inspector. */
  rule: string;
}

function tupleOf(p: PacketHeaders): Tuple {
  return { src: p.src, sport: p.sport, dst: p.dst, dport: p.dport };
}

export function recordNat(table: ConntrackEntry[], at: string, type: 'snat' | 'dnat', before: PacketHeaders, after: PacketHeaders, rule: string): void {
  table.push({ at, type, proto: before.proto, orig: tupleOf(before), translated: tupleOf(after), rule });
}

/** The entry of `type` at `at` whose reply direction matches this packet. */
export function findReplyEntry(table: ConntrackEntry[], at: string, type: 'snat' | 'dnat', p: PacketHeaders): ConntrackEntry | undefined {
  return table.find(
    (e) =>
      e.at === at &&
      e.type === type &&
      e.proto === p.proto &&
      e.translated.dst === p.src &&
      e.translated.dport === p.sport &&
      e.translated.src === p.dst &&
      e.translated.sport === p.dport,
  );
}

/** Apply the reverse translation of an entry to a reply packet. */
export function reverseNat(e: ConntrackEntry, p: PacketHeaders): PacketHeaders {
  if (e.type === 'snat') return { ...p, dst: e.orig.src, dport: e.orig.sport };
  return { ...p, src: e.orig.dst, sport: e.orig.dport };
}

export function conntrackText(e: ConntrackEntry): string {
  const port = (x?: number) => (x === undefined ? '' : ` sport=${x}`);
  const dport = (x?: number) => (x === undefined ? '' : ` dport=${x}`);
  return `${e.proto} src=${e.orig.src} dst=${e.orig.dst}${port(e.orig.sport)}${dport(e.orig.dport)} src=${e.translated.dst} dst=${e.translated.src}${port(e.translated.dport)}${dport(e.translated.sport)} [ASSURED]`;
}

/**
 * Reverse, on a node, the NAT of `type` that a reply belongs to, recording the hop; returns the
 * packet unchanged when conntrack holds no such entry. `explain` words the hop for its hook.
 */
export function reverseReplyNat(
  ctx: TraceCtx,
  node: Node,
  pkt: PacketHeaders,
  iface: string,
  type: 'snat' | 'dnat',
  explain: (entry: ConntrackEntry, out: PacketHeaders) => string,
): PacketHeaders {
  const e = findReplyEntry(ctx.conntrack, node.id, type, pkt);
  if (!e) return pkt;
  const out = reverseNat(e, pkt);
  pushHop(ctx, { at: node.id, kind: 'node', iface, action: 'unnat', packet: out, match: [{ kind: 'conntrack', rule: conntrackText(e) }], explain: explain(e, out) });
  return out;
}
