/**
 * The follow camera's decisions, and its glide under way (the viewport it ends at), beside the
 * canvas: what depends on the view (the marker label's side, which must stay in view) is worked out
 * for the view the camera is going to, once, not on every frame of a glide.
 */
import { createStore } from 'zustand/vanilla';

/** A React Flow viewport: the flow origin's place on screen and the zoom. */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Card text is 14px or more: at this zoom it renders at 11px or more. */
export const READABLE_ZOOM = 0.8;
/**
 * How close (a fraction of the view, from each side) the current hop may come to the edge before
 * the camera moves; then it re-centres on the hop, so a walk across the canvas pans now and then,
 * not on every hop (a pan on a big canvas mounts and unmounts the elements that come and go).
 */
const MARGIN = 0.1;

export const cameraStore = createStore<{ glide: Viewport | undefined }>(() => ({ glide: undefined }));

/** On React Flow's root while the camera glides (packets-canvas.css). */
export const CAMERA_MOVING = 'camera-moving';

/**
 * Where the camera goes for a hop at `pt` (flow units), or nothing when the hop is well inside the
 * view at a readable zoom. `far`: the hop is more than half a view beyond the view (a cut, not a glide).
 * `endZoom`: the zoom a glide under way ends at, if any.
 */
export function followTarget(
  pt: { x: number; y: number },
  view: { width: number; height: number; transform: readonly [number, number, number] },
  endZoom?: number,
): (Viewport & { far: boolean }) | undefined {
  const { width, height } = view;
  const [tx, ty, now] = view.transform;
  const zoom = endZoom ?? now;
  const sx = pt.x * now + tx;
  const sy = pt.y * now + ty;
  const inside = sx > width * MARGIN && sx < width * (1 - MARGIN) && sy > height * MARGIN && sy < height * (1 - MARGIN);
  if (inside && zoom >= READABLE_ZOOM) return undefined;
  const z = Math.max(zoom, READABLE_ZOOM);
  const far = sx < -width * 0.5 || sx > width * 1.5 || sy < -height * 0.5 || sy > height * 1.5;
  return { x: width / 2 - pt.x * z, y: height / 2 - pt.y * z, zoom: z, far };
}
