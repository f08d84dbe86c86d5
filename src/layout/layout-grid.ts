/**
 * Rows and grids of cards for auto-layout: a row placed as near each card's wanted x as it can be
 * (`sweep`), and, at the scale of a real cluster (issue 15: 1,002 Services in one row made the
 * 1,000-node scenario unreadable at fit), hosts of a big subnet in a grid shaped to the whole row of
 * subnets and many Services in a grid grouped by namespace.
 */
import type { Position, Scenario, Service } from '../sim/index';
import { SIZES, type Size } from './geometry';

export const HOST_GAP = 36;
export const HOST_ROW_GAP = 56;
export const HOSTS_PER_ROW = 5;
export const CARD_GAP = 48;

type Layout = Record<string, Position>;

/** A subnet of more hosts than this is laid out as a grid. */
const BIG_SUBNET = 10;

/** A scenario with a big subnet or many Services: laid out with grids, once (no search over row widths). */
export function isBig(s: Scenario): boolean {
  if (s.services.length > SERVICE_GRID_FROM) return true;
  const hosts = new Map<string, number>();
  for (const h of [...s.nodes, ...s.clients, ...s.loadBalancers]) hosts.set(h.subnet, (hosts.get(h.subnet) ?? 0) + 1);
  return [...hosts.values()].some((n) => n > BIG_SUBNET);
}

/**
 * Hosts per row in a subnet: `small` (auto-layout's choice for small subnets), or for a subnet of
 * many hosts (a rack of a real cluster) enough columns that the row of all `subnets` subnets is
 * about half again as wide as it is tall, so the fitted view of a 1,000-node cluster is a block, not
 * a thin column per subnet.
 */
export function hostsPerRow(hosts: { size: Size }[], subnets: number, small = HOSTS_PER_ROW): number {
  if (hosts.length <= BIG_SUBNET) return small;
  const pitchH = hosts.reduce((a, h) => a + h.size.h, 0) / hosts.length + HOST_ROW_GAP;
  const pitchW = hosts.reduce((a, h) => a + h.size.w, 0) / hosts.length + HOST_GAP;
  return Math.max(HOSTS_PER_ROW, Math.ceil(Math.sqrt((1.5 * hosts.length * pitchH) / (Math.max(1, subnets) * pitchW))));
}

/** Above this many Services a row under the pods gets too wide to read: they go in a grid instead. */
export const SERVICE_GRID_FROM = 24;

/**
 * Services in a grid under the subnets, as wide as the subnets' row (at least 8 cards), grouped by
 * namespace (each namespace starts a row, in order of first appearance) and, within one, in the
 * left-to-right order of the pods they select. Returns the bottom of the grid.
 */
export function serviceGrid(services: readonly Service[], want: (id: string) => number | undefined, top: number, width: number, out: Layout): number {
  const pitchW = SIZES.service.w + CARD_GAP;
  const pitchH = SIZES.service.h + CARD_GAP;
  const perRow = Math.max(8, Math.floor((width + CARD_GAP) / pitchW));
  const groups = new Map<string, { id: string; want: number }[]>();
  for (const svc of services) {
    let g = groups.get(svc.namespace);
    if (!g) groups.set(svc.namespace, (g = []));
    g.push({ id: svc.id, want: want(svc.id) ?? Infinity });
  }
  let y = top;
  for (const g of groups.values()) {
    g.sort((a, b) => a.want - b.want || a.id.localeCompare(b.id));
    g.forEach((it, i) => {
      out[it.id] = { x: (i % perRow) * pitchW, y: y + Math.floor(i / perRow) * pitchH };
    });
    y += Math.ceil(g.length / perRow) * pitchH;
  }
  return y - CARD_GAP;
}

/** Place cards in a row at `y` as near their wanted x as possible without overlapping, keeping order. */
export function sweep(items: { id: string; want: number; w: number }[], y: number, minX: number, out: Layout) {
  items.sort((a, b) => a.want - b.want || a.id.localeCompare(b.id));
  let cursor = minX;
  for (const it of items) {
    const x = Math.max(cursor, Math.round(it.want - it.w / 2));
    out[it.id] = { x, y };
    cursor = x + it.w + CARD_GAP;
  }
}
