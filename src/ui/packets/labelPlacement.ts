/**
 * Where a packet marker's label goes: beside the marker, on the side where it covers the least of the
 * cards around it (pods, Services, routers, hosts, node and subnet headers) and stays in view. The
 * label keeps its size on screen, so its size in flow units is its screen size over the zoom.
 */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
  /** How much covering it matters (1 by default): a card's text 1, the body of a node around cards less. */
  weight?: number;
}

export type Placement =
  'right' | 'left' | 'above' | 'below' | 'above-right' | 'below-right' | 'above-left' | 'below-left' | 'far-right' | 'far-left' | 'far-above' | 'far-below';

/** In order of preference when they cover as much: beside first, then above and below, then further out. */
export const PLACEMENTS: readonly Placement[] = [
  'right',
  'left',
  'above-right',
  'below-right',
  'above',
  'below',
  'above-left',
  'below-left',
  'far-right',
  'far-left',
  'far-above',
  'far-below',
];

const GAP = 15;
const FAR = 70;

/** The label's top-left corner relative to the marker's centre, in screen pixels, for a label `w` × `h`. */
export function offsetOf(p: Placement, w: number, h: number): { x: number; y: number } {
  switch (p) {
    case 'right':
      return { x: GAP, y: -h / 2 };
    case 'left':
      return { x: -GAP - w, y: -h / 2 };
    case 'above':
      return { x: -w / 2, y: -GAP - h };
    case 'below':
      return { x: -w / 2, y: GAP };
    case 'above-right':
      return { x: GAP / 2, y: -GAP - h };
    case 'below-right':
      return { x: GAP / 2, y: GAP };
    case 'above-left':
      return { x: -GAP / 2 - w, y: -GAP - h };
    case 'below-left':
      return { x: -GAP / 2 - w, y: GAP };
    case 'far-right':
      return { x: FAR, y: -h / 2 };
    case 'far-left':
      return { x: -FAR - w, y: -h / 2 };
    case 'far-above':
      return { x: -w / 2, y: -FAR - h };
    case 'far-below':
      return { x: -w / 2, y: FAR };
  }
}

/** The same offset as CSS (percentages of the label's own size, so it fits whatever its real size). */
export function cssOffset(p: Placement): string {
  const x = {
    right: `${GAP}px`,
    left: `calc(-100% - ${GAP}px)`,
    above: '-50%',
    below: '-50%',
    'above-right': `${GAP / 2}px`,
    'below-right': `${GAP / 2}px`,
    'above-left': `calc(-100% - ${GAP / 2}px)`,
    'below-left': `calc(-100% - ${GAP / 2}px)`,
    'far-right': `${FAR}px`,
    'far-left': `calc(-100% - ${FAR}px)`,
    'far-above': '-50%',
    'far-below': '-50%',
  }[p];
  const y = {
    right: '-50%',
    left: '-50%',
    above: `calc(-100% - ${GAP}px)`,
    below: `${GAP}px`,
    'above-right': `calc(-100% - ${GAP}px)`,
    'below-right': `${GAP}px`,
    'above-left': `calc(-100% - ${GAP}px)`,
    'below-left': `${GAP}px`,
    'far-right': '-50%',
    'far-left': '-50%',
    'far-above': `calc(-100% - ${FAR}px)`,
    'far-below': `${FAR}px`,
  }[p];
  return `translate(${x}, ${y})`;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * The placement whose label box covers the least card area (weighted), counting what falls outside
 * `view` as covered ten times over (a label cut off is worse than one over a card). `at`: the points
 * the label must do for, e.g. where the marker is and where it glides to, so the label keeps its side
 * for the whole glide. All in flow units except `size`, the label's size on screen, and `zoom`.
 */
type Point = { x: number; y: number };

export function placeLabel(
  at: Point | readonly Point[],
  size: { w: number; h: number },
  zoom: number,
  cards: readonly Rect[],
  view?: Rect,
): { placement: Placement; covered: number } {
  const points: readonly Point[] = Array.isArray(at) ? at : [at as Point];
  let best: { placement: Placement; covered: number } | undefined;
  for (const placement of PLACEMENTS) {
    const o = offsetOf(placement, size.w, size.h);
    let covered = 0;
    for (const pt of points) {
      const box = { x: pt.x + o.x / zoom, y: pt.y + o.y / zoom, w: size.w / zoom, h: size.h / zoom };
      for (const c of cards) covered += overlap(box, c) * (c.weight ?? 1);
      if (view) covered += 10 * (box.w * box.h - overlap(box, view));
    }
    if (!best || covered < best.covered - 1e-6) best = { placement, covered };
    if (best.covered === 0) break;
  }
  return best!;
}

/** A label's size on screen from its lines of text (12 px monospace, 1.35 line height, padded). */
export function labelSize(lines: readonly string[]): { w: number; h: number } {
  const chars = Math.max(0, ...lines.map((l) => l.length));
  return { w: chars * 7.5 + 16, h: lines.length * 16.5 + 7 };
}
