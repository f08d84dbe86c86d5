/** One connection's packets: the request's path and, when it was delivered, the reply's. */
import type { ElementKind } from '../model/schema';
import type { Delivered, TraceCtx } from './context';
import type { PacketHeaders, PathResult } from './types';

export interface Exchange {
  request: PathResult;
  reply?: PathResult;
  /** The endpoint a Service DNAT chose, if any. */
  endpoint?: string;
  delivered?: Delivered;
}

export interface ExchangeOptions {
  /** Trace the reply (defaults to the trace's reply option). */
  reply?: boolean;
  /**
   * Runs in the request's context once it is delivered, before the reply: an application step such as
   * a DNS answer or an HTTP proxy. It may push hops or end the path with drop(); returning false skips
   * the reply.
   */
  onDelivered?: (ctx: TraceCtx, delivered: Delivered) => boolean | void;
}

export type ExchangeRunner = (from: { id: string; kind: ElementKind }, pkt: PacketHeaders, options?: ExchangeOptions) => Exchange;
