/**
 * Each drop stays in view: elements added off-screen (placed beside the others, or the pod, Service
 * and load balancer of an add-on) are brought into view, all of them, by the smallest pan, at the
 * same zoom unless they need a farther one to fit. A whole new scenario (many elements at once) is fitted elsewhere.
 */
import { useEffect, useRef } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { AppNode } from './flow';

/** Room kept around new elements brought into view (the canvas's corner controls sit there). */
const IN_VIEW_PAD = 70;

export function useRevealAdded(nodes: AppNode[], dragActive: boolean): void {
  const rf = useReactFlow<AppNode>();
  const flowStore = useStoreApi<AppNode>();
  const knownIds = useRef<Set<string> | null>(null);
  useEffect(() => {
    const ids = new Set(nodes.map((n) => n.id));
    const before = knownIds.current;
    knownIds.current = ids;
    if (!before || dragActive) return;
    const added = nodes.filter((n) => !before.has(n.id) && !n.hidden);
    if (added.length === 0 || added.length > 6 || before.size === 0) return;
    // Positions from the build itself (React Flow takes the new nodes in on its next pass): each
    // relative to its parent (a pod's node, a host's subnet).
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const boxes = added.map((n) => {
      let x = n.position.x;
      let y = n.position.y;
      for (let p = n.parentId ? byId.get(n.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) {
        x += p.position.x;
        y += p.position.y;
      }
      return { x0: x, y0: y, x1: x + (n.width ?? 0), y1: y + (n.height ?? 0) };
    });
    const { transform, width, height } = flowStore.getState();
    const [tx, ty, zoom] = transform;
    const offScreen = boxes.some((b) => b.x0 * zoom + tx < 0 || b.y0 * zoom + ty < 0 || b.x1 * zoom + tx > width || b.y1 * zoom + ty > height);
    if (!offScreen) return;
    // All of them (an add-on adds a pod, a Service and a load balancer), moving the view no more than
    // needed, so what was in view stays there as far as it can; zoomed out only if they do not fit.
    const x0 = Math.min(...boxes.map((b) => b.x0));
    const y0 = Math.min(...boxes.map((b) => b.y0));
    const x1 = Math.max(...boxes.map((b) => b.x1));
    const y1 = Math.max(...boxes.map((b) => b.y1));
    const z = Math.max(0.2, Math.min(zoom, (width - 2 * IN_VIEW_PAD) / Math.max(1, x1 - x0), (height - 2 * IN_VIEW_PAD) / Math.max(1, y1 - y0)));
    // The view's origin at zoom z keeping the current centre, then shifted just enough on each axis.
    const cx = (width / 2 - tx) / zoom;
    const cy = (height / 2 - ty) / zoom;
    let nx = width / 2 - cx * z;
    let ny = height / 2 - cy * z;
    const shift = (lo: number, hi: number, origin: number, size: number) => {
      const a = lo * z + origin;
      const b = hi * z + origin;
      if (a < IN_VIEW_PAD) return IN_VIEW_PAD - a;
      if (b > size - IN_VIEW_PAD) return Math.max(size - IN_VIEW_PAD - b, IN_VIEW_PAD - a);
      return 0;
    };
    nx += shift(x0, x1, nx, width);
    ny += shift(y0, y1, ny, height);
    void rf.setViewport({ x: nx, y: ny, zoom: z }, { duration: 250 });
  }, [nodes, flowStore, rf, dragActive]);
}
