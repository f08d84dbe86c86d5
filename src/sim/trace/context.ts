/**
 * The state of one traced path: the hop list being built, the conntrack table shared by the request
 * and its reply, and the seeded generator. Step functions push hops and end the path through here.
 */
import type { ElementKind } from '../model/schema';
import type { Topology } from '../model/topology';
import type { Rng } from './rng';
import { dropReasonMessage, type DropCode } from './reasons';
import { msg, type Message } from '../messages/index';
import type { DropReason, Hop, HopAction, HopMatch, PacketField, PacketHeaders } from './types';
import type { ConntrackEntry } from '../dataplane/conntrack';
import type { SessionState } from '../dataplane/session';

/** Hard bound on hops in one direction, the drop included: every trace terminates even if the TTL logic were bypassed (docs/scenario-format.md). */
export const MAX_HOPS = 256;

export interface Delivered {
  at: string;
  kind: ElementKind;
  packet: PacketHeaders;
}

export interface TraceCtx {
  topo: Topology;
  rng: Rng;
  hops: Hop[];
  conntrack: ConntrackEntry[];
  isReply: boolean;
  /** Edge id the next pushed hop arrived over. */
  pendingLink?: string;
  delivered?: Delivered;
  dropped?: DropReason;
  /** Element id of the endpoint a service chose, if any. */
  endpoint?: string;
  /** kube-proxy's masquerade mark 0x4000 (KUBE-MARK-MASQ) on the packet in flight. */
  masqMark: boolean;
  /** (place, packet) states seen, for loop detection. */
  seen: Set<string>;
  /** What kernels and proxies remember across requests (affinity, schedulers); see dataplane/session.ts. */
  session?: SessionState;
  /**
   * For a reply: the address (and port) the request was sent to. The sender's socket is connected to
   * it, so a reply from anywhere else (a NAT not undone on the way back) matches no socket.
   */
  expectReplyFrom?: { ip: string; port?: number };
}

/** Thrown to unwind the step functions once the path has ended. */
export class PathEnded extends Error {
  constructor() {
    super('path ended');
  }
}

export function newCtx(topo: Topology, rng: Rng, conntrack: ConntrackEntry[], isReply: boolean): TraceCtx {
  return { topo, rng, hops: [], conntrack, isReply, masqMark: false, seen: new Set() };
}

const FIELDS: PacketField[] = ['src', 'dst', 'sport', 'dport', 'ttl', 'proto'];

function changedFields(prev: PacketHeaders | undefined, next: PacketHeaders): PacketField[] {
  if (!prev) return [];
  const out: PacketField[] = FIELDS.filter((f) => prev[f as keyof PacketHeaders] !== next[f as keyof PacketHeaders]);
  if (JSON.stringify(prev.outer) !== JSON.stringify(next.outer)) out.push('outer');
  if (JSON.stringify(prev.http) !== JSON.stringify(next.http)) out.push('http');
  return out;
}

export interface HopInput {
  at: string;
  kind: ElementKind;
  iface?: string;
  action: HopAction;
  packet: PacketHeaders;
  match?: HopMatch[];
  msg: Message;
}

/** The drop message when a path reaches MAX_HOPS (the 256th hop is the drop itself). */
export function hopLimitMessage(): Message {
  return msg('drop.hop-limit', { max: MAX_HOPS });
}

/** The drop message when a packet comes back to a place with exactly the same headers. */
export function repeatMessage(at: string, iface: string | undefined, hops: number): Message {
  return msg('drop.loop', { at, ...(iface ? { iface } : {}), hops });
}

export function pushHop(ctx: TraceCtx, h: HopInput): void {
  // Leave room for the drop hop: a path never holds more than MAX_HOPS hops.
  if (ctx.hops.length >= MAX_HOPS - 1) drop(ctx, 'loop-detected', h.at, h.kind, h.packet, hopLimitMessage(), h.iface);
  const prev = ctx.hops[ctx.hops.length - 1]?.packet;
  const hop: Hop = { ...h, packet: { ...h.packet, ...(h.packet.outer ? { outer: { ...h.packet.outer } } : {}) }, changed: changedFields(prev, h.packet) };
  if (!h.match) delete hop.match;
  if (ctx.pendingLink) {
    hop.link = ctx.pendingLink;
    ctx.pendingLink = undefined;
  }
  ctx.hops.push(hop);
  const key = `${h.at}|${h.iface ?? ''}|${h.action}|${JSON.stringify(h.packet)}`;
  if (h.action !== 'drop' && ctx.seen.has(key)) drop(ctx, 'loop-detected', h.at, h.kind, h.packet, repeatMessage(h.at, h.iface, ctx.hops.length), h.iface);
  ctx.seen.add(key);
}

/** End the path with a drop: pushes the drop hop and unwinds. */
export function drop(
  ctx: TraceCtx,
  code: DropCode,
  at: string,
  kind: ElementKind,
  packet: PacketHeaders,
  message?: Message,
  iface?: string,
  match?: HopMatch[],
  extra?: Pick<DropReason, 'direction' | 'policies' | 'pod'>,
): never {
  const m = message ?? dropReasonMessage(code);
  ctx.dropped = { code, msg: m, at, ...extra };
  ctx.hops.push({ at, kind, ...(iface ? { iface } : {}), action: 'drop', packet: { ...packet }, changed: [], ...(match ? { match } : {}), msg: m });
  throw new PathEnded();
}

export function deliver(ctx: TraceCtx, at: string, kind: ElementKind, packet: PacketHeaders, iface: string | undefined, message: Message, match?: HopMatch[]): never {
  pushHop(ctx, { at, kind, ...(iface ? { iface } : {}), action: 'deliver', packet, msg: message, ...(match ? { match } : {}) });
  ctx.delivered = { at, kind, packet: { ...packet } };
  throw new PathEnded();
}

/** "10.244.1.5:8080" or "10.244.1.5" for ICMP. */
export function endpointText(ip: string, port?: number): string {
  return port === undefined ? ip : `${ip}:${port}`;
}
