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
  /** Centre of an interface drawn inside an element (`data-iface` inside the node), if drawn. */
  ifaceCenter(id: string, iface: string): Point | undefined;
  /** The path of a canvas edge, once both its ends have been drawn. */
  edgePath(edgeId: string): PathTrack | undefined;
}

export function hopPoint(g: FlowGeometry, hop: Hop): Point | undefined {
  return (hop.iface ? g.ifaceCenter(hop.at, hop.iface) : undefined) ?? g.nodeCenter(hop.at);
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
