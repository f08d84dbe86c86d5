/**
 * Connection tracking for NAT (netfilter conntrack): each SNAT/MASQUERADE or DNAT a node applies is
 * remembered with the tuple before and after, so the reply is translated back where it passes the
 * same node: reverse SNAT in PREROUTING (the destination), reverse DNAT in POSTROUTING (the source).
 */
import type { HopMatch, PacketHeaders } from '../trace/types';
import { ipvsEntryLine } from './ipvs-conn';
import type { Node, Protocol } from '../model/schema';
import { pushHop, type TraceCtx } from '../trace/context';
import type { Message } from '../messages/index';
import type { ConntrackEntry, Tuple } from './conntrack-entry';

export type { ConntrackEntry, Tuple } from './conntrack-entry';

function tupleOf(p: PacketHeaders): Tuple {
  return { src: p.src, sport: p.sport, dst: p.dst, dport: p.dport };
}

export function recordNat(
  table: ConntrackEntry[],
  at: string,
  type: 'snat' | 'dnat',
  before: PacketHeaders,
  after: PacketHeaders,
  rule: string,
  byIpvs = false,
): void {
  table.push({ at, type, proto: before.proto, orig: tupleOf(before), translated: tupleOf(after), rule, ...(byIpvs ? { byIpvs } : {}) });
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

/** One connection as conntrack keeps it: the original tuple (as it arrived) and the reply tuple (what a reply must look like, after every NAT). */
export interface Connection {
  proto: Protocol;
  orig: Tuple;
  reply: Tuple;
  /** A packet was seen in the reply direction (IPS_SEEN_REPLY). */
  replied: boolean;
  /** ICMP echo identifier. */
  icmpId?: number;
}

const PROTO_NUM: Record<Protocol, number> = { tcp: 6, udp: 17, icmp: 1 };

/**
 * The line `conntrack -L` prints for a connection (libnetfilter_conntrack snprintf_default.c:
 * "%-8s %u " protocol and number, timeout, TCP state, original tuple, [UNREPLIED], reply tuple,
 * [ASSURED], mark, use). Timeouts are the kernel defaults one second after the last packet:
 * TCP established 432000 s (SYN_SENT 120), UDP 30, ICMP 30. TCP is ASSURED once seen both ways;
 * one UDP query and its answer stay unassured (nf_conntrack_proto_udp.c needs a later packet).
 */
export function conntrackLine(c: Connection): string {
  const l4 = (t: Tuple, reply: boolean) => {
    if (c.proto === 'icmp') return ` type=${reply ? 0 : 8} code=0 id=${c.icmpId ?? 1}`;
    return t.sport === undefined ? '' : ` sport=${t.sport} dport=${t.dport}`;
  };
  const tcp = c.proto === 'tcp';
  const timeout = tcp ? (c.replied ? 431999 : 119) : 29;
  const parts = [
    `${c.proto.padEnd(8)} ${PROTO_NUM[c.proto]} ${timeout}`,
    ...(tcp ? [c.replied ? 'ESTABLISHED' : 'SYN_SENT'] : []),
    `src=${c.orig.src} dst=${c.orig.dst}${l4(c.orig, false)}`,
    ...(c.replied ? [] : ['[UNREPLIED]']),
    `src=${c.reply.src} dst=${c.reply.dst}${l4(c.reply, true)}`,
    ...(tcp && c.replied ? ['[ASSURED]'] : []),
    'mark=0 use=1',
  ];
  return parts.join(' ');
}

export function replyTupleOf(p: Tuple): Tuple {
  return { src: p.dst, dst: p.src, ...(p.dport !== undefined ? { sport: p.dport } : {}), ...(p.sport !== undefined ? { dport: p.sport } : {}) };
}

/** The whole connection a NAT record belongs to at its node: every translation there chained, original to final. */
export function connectionAt(table: ConntrackEntry[], e: ConntrackEntry, replied: boolean): Connection {
  const here = table.filter((x) => x.at === e.at && x.proto === e.proto);
  const same = (a: Tuple, b: Tuple) => a.src === b.src && a.dst === b.dst && a.sport === b.sport && a.dport === b.dport;
  let first = e;
  for (let guard = 0; guard < here.length; guard++) {
    const before = here.find((x) => x !== first && same(x.translated, first.orig));
    if (!before) break;
    first = before;
  }
  let last = e;
  for (let guard = 0; guard < here.length; guard++) {
    const after = here.find((x) => x !== last && same(x.orig, last.translated));
    if (!after) break;
    last = after;
  }
  const clean = (t: Tuple): Tuple => ({
    src: t.src,
    dst: t.dst,
    ...(t.sport !== undefined ? { sport: t.sport } : {}),
    ...(t.dport !== undefined ? { dport: t.dport } : {}),
  });
  return { proto: e.proto, orig: clean(first.orig), reply: replyTupleOf(clean(last.translated)), replied };
}

export function conntrackText(e: ConntrackEntry, table: ConntrackEntry[] = [e]): string {
  return conntrackLine(connectionAt(table, e, true));
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
  explain: (entry: ConntrackEntry, out: PacketHeaders) => Message,
): PacketHeaders {
  const e = findReplyEntry(ctx.conntrack, node.id, type, pkt);
  if (!e) return pkt;
  const out = reverseNat(e, pkt);
  // IPVS un-NATs its own connections from its table (ipvsadm -Lnc); conntrack only follows along.
  const match: HopMatch[] = e.byIpvs
    ? [
        { kind: 'ipvs', table: 'connections', rule: ipvsEntryLine(e) },
        { kind: 'conntrack', rule: conntrackText(e, ctx.conntrack) },
      ]
    : [{ kind: 'conntrack', rule: conntrackText(e, ctx.conntrack) }];
  pushHop(ctx, { at: node.id, kind: 'node', iface, action: 'unnat', packet: out, match, msg: explain(e, out) });
  return out;
}
