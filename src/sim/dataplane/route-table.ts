/**
 * A route table as `ip route` lists it, and longest-prefix lookup: a scan for short tables, an index
 * by prefix length for long ones, and a per-table lookup for tables built lazily (see routing.ts).
 */
import { cidrContainsInt, ipToInt, maskOf, parseCidr, type Cidr } from '../net/cidr';
import type { Topology } from '../model/topology';
import type { Message } from '../messages/index';

export interface Route {
  cidr: Cidr;
  dev: string;
  via?: string;
  /** Preferred source address for locally generated packets. */
  src?: string;
  onlink?: boolean;
  /** For flannel and Calico routes: the node that owns the destination pod CIDR or block. */
  remoteNode?: string;
  /** A blackhole route (Calico's own IPAM blocks): matching packets are discarded. */
  blackhole?: boolean;
  /** Calico's /32 route to a local pod's cali interface. */
  pod?: string;
  /** The route as `ip route` prints it. */
  text: string;
}

/** A route flannel wanted but the kernel refused, kept so the tracer can explain the failure. */
export interface MissingRoute {
  cidr: Cidr;
  remoteNode: string;
  wanted: string;
  why: Message;
}

export interface RouteTable {
  /** Most specific first. */
  routes: Route[];
  missing: MissingRoute[];
}

export function table(routes: Route[], missing: MissingRoute[] = []): RouteTable {
  routes.sort((a, b) => b.cidr.prefix - a.cidr.prefix);
  return { routes, missing };
}

/**
 * Tables longer than this are looked up through an index by prefix length (a node of a 1,000-node
 * flannel cluster has a route per other node): at most 33 map lookups instead of a scan.
 */
const INDEX_FROM = 32;

interface RouteIndex {
  /** Prefix lengths present, longest first, each with its routes by network address (first route wins, as in the scan). */
  byPrefix: [number, Map<number, Route>][];
}
const routeIndexes = new WeakMap<RouteTable, RouteIndex>();

function routeIndex(t: RouteTable): RouteIndex {
  let idx = routeIndexes.get(t);
  if (idx) return idx;
  const groups = new Map<number, Map<number, Route>>();
  for (const r of t.routes) {
    let g = groups.get(r.cidr.prefix);
    if (!g) groups.set(r.cidr.prefix, (g = new Map()));
    if (!g.has(r.cidr.network)) g.set(r.cidr.network, r);
  }
  idx = { byPrefix: [...groups.entries()].sort((a, b) => b[0] - a[0]) };
  routeIndexes.set(t, idx);
  return idx;
}

export function lookupRoute(t: RouteTable, ip: string): Route | undefined {
  const n = ipToInt(ip);
  const lazy = lazyLookups.get(t);
  if (lazy) return lazy.lookup(n);
  if (t.routes.length > INDEX_FROM) {
    for (const [prefix, routes] of routeIndex(t).byPrefix) {
      const r = routes.get((n & maskOf(prefix)) >>> 0);
      if (r) return r;
    }
    return undefined;
  }
  for (const r of t.routes) if (cidrContainsInt(r.cidr, n)) return r;
  return undefined;
}

export function findMissingRoute(t: RouteTable, ip: string): MissingRoute | undefined {
  const n = ipToInt(ip);
  const lazy = lazyLookups.get(t);
  if (lazy) return lazy.findMissing(n);
  return t.missing.find((m) => cidrContainsInt(m.cidr, n));
}

export function connected(cidrText: string, dev: string, src: string): Route {
  const cidr = parseCidr(cidrText);
  return { cidr, dev, src, text: `${cidr.text} dev ${dev} proto kernel scope link src ${src}` };
}

export function defaultVia(gateway: string, dev: string): Route {
  return { cidr: parseCidr('0.0.0.0/0'), dev, via: gateway, text: `default via ${gateway} dev ${dev}` };
}

const caches = new WeakMap<Topology, Map<string, RouteTable>>();
export function cached(t: Topology, key: string, build: () => RouteTable): RouteTable {
  let m = caches.get(t);
  if (!m) caches.set(t, (m = new Map()));
  let r = m.get(key);
  if (!r) m.set(key, (r = build()));
  return r;
}

export interface LazyLookup {
  lookup(n: number): Route | undefined;
  findMissing(n: number): MissingRoute | undefined;
}

/** Lookups of node tables that do not hold every route in a list (see nodeRouteTable). */
export const lazyLookups = new WeakMap<RouteTable, LazyLookup>();

/**
 * A table that looks routes up through `lookup` (which must find what a scan of the whole list
 * finds) and builds the whole list, with `whole`, only when something reads `routes` or `missing`.
 */
export function lazyTable(whole: () => RouteTable, lookup: LazyLookup): RouteTable {
  let full: RouteTable | undefined;
  const t: RouteTable = {
    get routes() {
      return (full ??= whole()).routes;
    },
    get missing() {
      return (full ??= whole()).missing;
    },
  };
  lazyLookups.set(t, lookup);
  return t;
}

/** The most specific of a short list of routes containing n; the first of equals (table order). */
export function bestOwn(routes: Route[], n: number): Route | undefined {
  let best: Route | undefined;
  for (const r of routes) if (cidrContainsInt(r.cidr, n) && (!best || r.cidr.prefix > best.cidr.prefix)) best = r;
  return best;
}

/** `ip route show table local` lines for an address the netns owns. */
export function localRouteText(ip: string, dev: string): string {
  return `local ${ip} dev ${dev} proto kernel scope host src ${ip}`;
}
