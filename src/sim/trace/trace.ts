/**
 * trace(scenario, packet, options): the request's hops from source to delivery or drop, then the
 * reply's hops back through conntrack. Deterministic for a given seed.
 */
import type { ElementKind, Protocol, Scenario } from '../model/schema';
import { topology, type Topology } from '../model/topology';
import { createRng } from './rng';
import { SENDER_KINDS } from './senders';
import { newCtx, PathEnded, type TraceCtx } from './context';
import type { PacketHeaders, PathResult, TraceResult } from './types';
import { dropReasonMessage } from './reasons';
import type { ConntrackEntry } from '../dataplane/conntrack-entry';
import { podSend } from '../dataplane/pod';
import { nodeStack } from '../dataplane/host';
import { clientSend, routerForward } from '../dataplane/underlay';
import { RECEIVERS } from '../dataplane/receivers';
import { resolveDestination, type Destination } from './destination';
import type { Exchange, ExchangeRunner } from './exchange';
import type { SessionState } from '../dataplane/session';
import { traceDnsLookup } from '../dataplane/dns-lookup';
import { proxyAtIngress } from '../dataplane/ingress';
import type { DnsLookup, HttpResponse, UpstreamLeg } from './types';
import { policyNotes } from './policy-notes';
import { msg, type Message } from '../messages/index';
import { EPHEMERAL_PORTS } from '../dataplane/ephemeral';

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
  /**
   * State kept across a sequence of requests (ClientIP affinity's recent lists, IPVS and proxy
   * round robin): pass the same createSessionState() to every trace of the sequence.
   */
  session?: SessionState;
}

/** The packet to send is impossible (unknown sender, ICMP with a port, ...): `msg` says why. */
export class TraceInputError extends Error {
  constructor(readonly msg: Message) {
    super(msg.code);
    this.name = 'TraceInputError';
  }
}

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
      throw new TraceInputError(msg('input.cannot-send', { kind: at.kind }));
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

/** A runner for one connection's request and reply, sharing the trace's generator and session. */
function exchangeRunner(t: Topology, rng: ReturnType<typeof createRng>, session: SessionState | undefined, replyByDefault: boolean): ExchangeRunner {
  return (from, pkt, options = {}) => {
    const conntrack: ConntrackEntry[] = [];
    const ctx = newCtx(t, rng, conntrack, false, RECEIVERS);
    if (session) ctx.session = session;
    let request = runPath(ctx, () => sendFrom(ctx, from, pkt));
    let wantReply = options.reply ?? replyByDefault;
    if (request.verdict === 'delivered' && ctx.delivered && options.onDelivered) {
      try {
        if (options.onDelivered(ctx, ctx.delivered) === false) wantReply = false;
      } catch (e) {
        if (!(e instanceof PathEnded)) throw e;
      }
      if (ctx.dropped) request = { verdict: 'dropped', reason: ctx.dropped, hops: ctx.hops };
    }
    const out: Exchange = { request, ...(ctx.endpoint ? { endpoint: ctx.endpoint } : {}), ...(ctx.delivered ? { delivered: ctx.delivered } : {}) };
    if (request.verdict === 'delivered' && wantReply && ctx.delivered) {
      const d = ctx.delivered;
      const replyPkt: PacketHeaders = {
        src: d.packet.dst,
        dst: d.packet.src,
        proto: d.packet.proto,
        ...(d.packet.sport !== undefined ? { sport: d.packet.dport, dport: d.packet.sport } : {}),
        ttl: 64,
        // An application that answered itself (the ingress controller's 404/503) sends its status line back.
        ...(ctx.httpResponse && d.packet.http ? { http: { ...d.packet.http, status: ctx.httpResponse.status } } : {}),
      };
      const rctx = newCtx(t, rng, conntrack, true, RECEIVERS);
      if (session) rctx.session = session;
      rctx.expectReplyFrom = { ip: pkt.dst, ...(pkt.dport !== undefined ? { port: pkt.dport } : {}) };
      out.reply = runPath(rctx, () => sendFrom(rctx, { id: d.at, kind: d.kind }, replyPkt));
    }
    return out;
  };
}

export function trace(scenario: Scenario, spec: PacketSpec, options: TraceOptions = {}): TraceResult {
  const seed = options.seed ?? 1;
  const t = topology(scenario);
  const rng = createRng(seed);
  const from = resolveElement(t, spec.from);
  if (!from) throw new TraceInputError(msg('input.unknown-source', { from: spec.from }));
  if (!SENDER_KINDS.includes(from.kind)) throw new TraceInputError(msg('input.cannot-send', { kind: from.kind }));
  const dest: Destination = resolveDestination(t, spec.to, from);
  const port = spec.port ?? dest.port;
  const proto: Protocol = spec.proto ?? (port === undefined ? 'icmp' : 'tcp');
  if (proto === 'icmp' && port !== undefined) throw new TraceInputError(msg('input.icmp-has-no-port'));
  if (proto !== 'icmp' && port === undefined) throw new TraceInputError(msg('input.needs-port', { proto: proto.toUpperCase() }));

  const run = exchangeRunner(t, rng, options.session, options.reply !== false);
  let dns: DnsLookup | undefined;
  let dnsEndpoint: string | undefined;
  let dstIp = dest.ip;
  if (dest.name && from.kind === 'pod') {
    const looked = traceDnsLookup(t, rng, t.pods.get(from.id)!, dest.name, run);
    dns = looked.lookup;
    if (!looked.address) {
      const failed: TraceResult = { verdict: 'dropped', reason: looked.failure!, hops: [], dns, seed };
      const notes = policyNotes(t, from, failed);
      return notes.length > 0 ? { ...failed, notes } : failed;
    }
    dstIp = looked.address;
    dnsEndpoint = looked.endpoint;
  }
  const base: PacketHeaders = {
    src: sourceIp(t, from),
    dst: dstIp ?? '0.0.0.0',
    proto,
    ...(proto === 'icmp' ? {} : { sport: rng.int(EPHEMERAL_PORTS[0], EPHEMERAL_PORTS[1]), dport: port }),
    ttl: 64,
    ...(dest.http ? { http: dest.http } : {}),
  };
  if (!dstIp) {
    return {
      verdict: 'dropped',
      reason: { code: 'unknown-destination', msg: dest.error ?? dropReasonMessage('unknown-destination'), at: from.id },
      hops: [],
      seed,
    };
  }
  let upstream: UpstreamLeg | undefined;
  let http: HttpResponse | undefined;
  const ex = run(from, base, {
    onDelivered: (ctx, d) => {
      const l7 = proxyAtIngress(ctx, d, run);
      upstream = l7?.upstream;
      http = l7?.http;
      return upstream === undefined || upstream.request.verdict === 'delivered';
    },
  });
  const result: TraceResult = { ...ex.request, seed };
  if (dns) result.dns = dns;
  if (http) result.http = http;
  if (upstream) {
    result.upstream = upstream;
    if (upstream.request.verdict === 'dropped' && upstream.request.reason) {
      result.verdict = 'dropped';
      result.reason = upstream.request.reason;
    }
  }
  const endpoint = upstream?.endpoint ?? ex.endpoint ?? dnsEndpoint;
  if (endpoint) result.endpoint = endpoint;
  if (ex.reply) result.reply = ex.reply;
  const notes = policyNotes(t, from, result);
  if (notes.length > 0) result.notes = notes;
  return result;
}
