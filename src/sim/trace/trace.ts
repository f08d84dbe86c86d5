/**
 * trace(scenario, packet, options): the request's hops from source to delivery or drop, then the
 * reply's hops back through conntrack. Deterministic for a given seed.
 */
import type { ElementKind, Protocol, Scenario } from '../model/schema';
import { topology, type Topology } from '../model/topology';
import { createRng } from './rng';
import { newCtx, PathEnded, type TraceCtx } from './context';
import type { PacketHeaders, PathResult, TraceResult } from './types';
import { DROP_REASONS } from './reasons';
import type { ConntrackEntry } from '../dataplane/conntrack';
import { podSend } from '../dataplane/pod';
import { nodeStack } from '../dataplane/host';
import { clientSend, routerForward } from '../dataplane/underlay';
import { resolveDestination, type Destination } from './destination';

export interface PacketSpec {
  /** Source element: id or name of a pod, node or outside client. */
  from: string;
  /** Destination: an IP, or the id or name of an element. */
  to: string;
  port?: number;
  /** Defaults to tcp when a port is given, icmp otherwise. */
  proto?: Protocol;
}

export interface TraceOptions {
  seed?: number;
  /** Trace the reply too (default true). */
  reply?: boolean;
}

/** Linux's default ip_local_port_range. */
export const EPHEMERAL_PORTS = [32768, 60999] as const;

export class TraceInputError extends Error {}

export function resolveElement(t: Topology, ref: string): { id: string; kind: ElementKind } | undefined {
  const id = t.kindOf.has(ref) ? ref : t.byName.get(ref);
  if (!id) return undefined;
  return { id, kind: t.kindOf.get(id)! };
}

/** Start a packet at an element; ends by throwing PathEnded. */
export function sendFrom(ctx: TraceCtx, at: { id: string; kind: ElementKind }, pkt: PacketHeaders): never {
  const t = ctx.topo;
  switch (at.kind) {
    case 'pod':
      podSend(ctx, t.pods.get(at.id)!, pkt);
    case 'node':
      nodeStack(ctx, t.nodes.get(at.id)!, pkt, { inIface: 'lo', local: true });
    case 'client':
      clientSend(ctx, t.clients.get(at.id)!, pkt);
    case 'router': {
      const r = t.routers.get(at.id)!;
      routerForward(ctx, r, r.interfaces[0]!.subnet, pkt, true);
    }
    default:
      throw new TraceInputError(`a ${at.kind} cannot send packets; pick a pod, node or outside client`);
  }
}

/** Run one direction until it ends. */
export function runPath(ctx: TraceCtx, start: () => never): PathResult {
  try {
    start();
  } catch (e) {
    if (!(e instanceof PathEnded)) throw e;
  }
  if (ctx.dropped) return { verdict: 'dropped', reason: ctx.dropped, hops: ctx.hops };
  if (ctx.delivered) return { verdict: 'delivered', hops: ctx.hops };
  throw new Error('trace ended without a verdict');
}

function sourceIp(t: Topology, from: { id: string; kind: ElementKind }): string {
  switch (from.kind) {
    case 'pod':
      return t.pods.get(from.id)!.ip;
    case 'client':
      return t.clients.get(from.id)!.ip;
    case 'router':
      return t.routers.get(from.id)!.interfaces[0]!.ip;
    default:
      return ''; // a node picks its source address from the route (preferred src)
  }
}

export function trace(scenario: Scenario, spec: PacketSpec, options: TraceOptions = {}): TraceResult {
  const seed = options.seed ?? 1;
  const t = topology(scenario);
  const rng = createRng(seed);
  const from = resolveElement(t, spec.from);
  if (!from) throw new TraceInputError(`unknown source "${spec.from}"`);
  if (!['pod', 'node', 'client'].includes(from.kind)) throw new TraceInputError(`a ${from.kind} cannot send packets; pick a pod, node or outside client`);
  const proto: Protocol = spec.proto ?? (spec.port === undefined ? 'icmp' : 'tcp');
  if (proto === 'icmp' && spec.port !== undefined) throw new TraceInputError('ICMP has no ports; drop the port or use --proto tcp|udp');
  if (proto !== 'icmp' && spec.port === undefined) throw new TraceInputError(`${proto.toUpperCase()} needs a destination port`);

  const conntrack: ConntrackEntry[] = [];
  const dest: Destination = resolveDestination(t, spec.to);
  const base: PacketHeaders = {
    src: sourceIp(t, from),
    dst: dest.ip ?? '0.0.0.0',
    proto,
    ...(proto === 'icmp' ? {} : { sport: rng.int(EPHEMERAL_PORTS[0], EPHEMERAL_PORTS[1]), dport: spec.port }),
    ttl: 64,
  };
  const ctx = newCtx(t, rng, conntrack, false);
  if (!dest.ip) {
    return {
      verdict: 'dropped',
      reason: { code: 'unknown-destination', message: dest.error ?? DROP_REASONS['unknown-destination'], at: from.id },
      hops: [],
      seed,
    };
  }
  const request = runPath(ctx, () => sendFrom(ctx, from, base));
  const result: TraceResult = { ...request, seed };
  if (ctx.endpoint) result.endpoint = ctx.endpoint;
  if (request.verdict === 'delivered' && options.reply !== false && ctx.delivered) {
    const d = ctx.delivered;
    const replyPkt: PacketHeaders = {
      src: d.packet.dst,
      dst: d.packet.src,
      proto: d.packet.proto,
      ...(d.packet.sport !== undefined ? { sport: d.packet.dport, dport: d.packet.sport } : {}),
      ttl: 64,
    };
    const rctx = newCtx(t, rng, conntrack, true);
    result.reply = runPath(rctx, () => sendFrom(rctx, { id: d.at, kind: d.kind }, replyPkt));
  }
  return result;
}
