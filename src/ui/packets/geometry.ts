/**
 * Where a hop is on the canvas, and the point a marker has reached between two hops: along the
 * canvas edge the packet crossed (the edge whose id is the hop's `link`, built by the sim's link-id
 * helpers), or on a straight line when the two hops are on one element.
 */
import type { Hop } from '../../sim/index';
import type { PathTrack, Point } from '../canvas/pathTrack';

export type { Point };

export interface FlowGeometry {
  /** Centre of an element (canvas node id) in flow coordinates, if it is on the canvas. */
  nodeCenter(id: string): Point | undefined;
  /** The box of an interface drawn inside an element (eth0, cni0, ...), if drawn. */
  ifaceBox(id: string, iface: string): { x: number; y: number; w: number; h: number } | undefined;
  /** The path of a canvas edge, once both its ends have been drawn. */
  edgePath(edgeId: string): PathTrack | undefined;
}

/** Gap between a dropped packet's badge and the interface it rests beside. */
const BESIDE = 13;

/**
 * Where a hop is: the middle of its interface, or of its element. A drop rests just left of the
 * interface instead, so its badge (the packet stays there) does not hide the interface's name.
 */
export function hopPoint(g: FlowGeometry, hop: Hop): Point | undefined {
  const box = hop.iface ? g.ifaceBox(hop.at, hop.iface) : undefined;
  if (!box) return g.nodeCenter(hop.at);
  if (hop.action === 'drop') return { x: box.x - BESIDE, y: box.y + box.h / 2 };
  return { x: box.x + box.w / 2, y: box.y + box.h / 2 };
}

function dist(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function lerp(a: Point, b: Point, t: number): Point {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

/** The marker's point at fraction `t` of the way from hop `from` to hop `to`. */
export function pointBetween(g: FlowGeometry, from: Hop, to: Hop | undefined, t: number): Point | undefined {
  const a = hopPoint(g, from);
  if (!to || t <= 0 || !a) return a;
  const b = hopPoint(g, to);
  if (!b) return a;
  const path = to.link ? g.edgePath(to.link) : undefined;
  if (!path) return lerp(a, b, t);
  const { start, end } = path;
  // Walk the edge in the direction of travel: from the end nearer the previous hop.
  const forward = dist(start, a) + dist(end, b) <= dist(end, a) + dist(start, b);
  const along = path.pointAt(forward ? t : 1 - t);
  // Ease in from the hop's own point to the edge, so the marker leaves the element where it was.
  const entry = forward ? start : end;
  if (t < 0.1) return lerp(a, entry, t / 0.1);
  return { x: along.x, y: along.y };
}
