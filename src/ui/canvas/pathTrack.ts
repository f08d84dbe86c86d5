/**
 * A point at a fraction of the way along an edge's SVG path, worked out from the path's text, not
 * the DOM (no `getPointAtLength`, which needs the path element drawn and makes the browser lay out
 * the page first). Understands the absolute commands the canvas's edges are drawn with: M, L, Q
 * (a smooth-step edge's rounded corners) and C (a bezier edge); curves are followed as short chords.
 */
export interface Point {
  x: number;
  y: number;
}

export interface PathTrack {
  start: Point;
  end: Point;
  length: number;
  /** The point at `t` (0..1) of the path's length from its start. */
  pointAt(t: number): Point;
}

/** Chords per curve: a marker's place on a 10 px corner or a 300 px bezier is off by well under a pixel. */
const CHORDS = 16;

function quad(a: Point, c: Point, b: Point, t: number): Point {
  const u = 1 - t;
  return { x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y };
}

function cubic(a: Point, c1: Point, c2: Point, b: Point, t: number): Point {
  const u = 1 - t;
  const k0 = u * u * u;
  const k1 = 3 * u * u * t;
  const k2 = 3 * u * t * t;
  const k3 = t * t * t;
  return { x: k0 * a.x + k1 * c1.x + k2 * c2.x + k3 * b.x, y: k0 * a.y + k1 * c1.y + k2 * c2.y + k3 * b.y };
}

/** The path's corner points (curves as chords), or undefined for a path this does not read. */
export function pathPoints(d: string): Point[] | undefined {
  const points: Point[] = [];
  for (const [, cmd, args] of d.matchAll(/([MLQC])([^MLQC]*)/gi)) {
    const n = (args ?? '')
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (n.some((v) => !Number.isFinite(v))) return undefined;
    const at = (i: number): Point => ({ x: n[i]!, y: n[i + 1]! });
    const last = points[points.length - 1];
    switch (cmd) {
      case 'M':
      case 'L':
        if (n.length % 2 !== 0 || (cmd === 'M' && points.length > 0)) return undefined;
        for (let i = 0; i < n.length; i += 2) points.push(at(i));
        break;
      case 'Q':
        if (!last || n.length !== 4) return undefined;
        for (let k = 1; k <= CHORDS; k++) points.push(quad(last, at(0), at(2), k / CHORDS));
        break;
      case 'C':
        if (!last || n.length !== 6) return undefined;
        for (let k = 1; k <= CHORDS; k++) points.push(cubic(last, at(0), at(2), at(4), k / CHORDS));
        break;
      default:
        return undefined;
    }
  }
  return points.length > 0 ? points : undefined;
}

export function pathTrack(d: string): PathTrack | undefined {
  const points = pathPoints(d);
  if (!points) return undefined;
  const cumulative = [0];
  for (let i = 1; i < points.length; i++) cumulative.push(cumulative[i - 1]! + Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y));
  const length = cumulative[cumulative.length - 1]!;
  return {
    start: points[0]!,
    end: points[points.length - 1]!,
    length,
    pointAt(t) {
      const want = Math.min(1, Math.max(0, t)) * length;
      // Binary search for the chord holding `want`.
      let lo = 0;
      let hi = cumulative.length - 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! <= want) lo = mid;
        else hi = mid;
      }
      const a = points[lo]!;
      const b = points[hi] ?? a;
      const span = cumulative[hi]! - cumulative[lo]!;
      const f = span > 0 ? (want - cumulative[lo]!) / span : 0;
      return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
    },
  };
}
