/**
 * The minimap's drawing, without React or the DOM: rectangles grouped into one SVG path per colour
 * (a handful of elements for the whole scene instead of one per node), and their bounds.
 */
import type { Rect } from '@xyflow/system';

export interface MapRect {
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
}

export interface MapDrawing {
  /** One path per colour, in the order colours first appear (earlier ones are drawn below). */
  paths: { color: string; d: string }[];
  /** The box around every rectangle; undefined when there are none. */
  bounds?: Rect;
}

const r1 = (v: number) => Math.round(v * 10) / 10;

export function minimapPaths(rects: readonly MapRect[]): MapDrawing {
  const parts = new Map<string, string[]>();
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of rects) {
    let list = parts.get(r.color);
    if (!list) parts.set(r.color, (list = []));
    list.push(`M${r1(r.x)} ${r1(r.y)}h${r1(r.w)}v${r1(r.h)}h${r1(-r.w)}z`);
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.w);
    y1 = Math.max(y1, r.y + r.h);
  }
  const paths = [...parts].map(([color, list]) => ({ color, d: list.join('') }));
  return rects.length ? { paths, bounds: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } } : { paths };
}
