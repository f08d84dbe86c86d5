/** The flow builder's caches: a node object is reused while the inputs it was made from are the same. */
import type { Position } from '../../sim/index';
import type { AppNode } from './flowTypes';

export function same(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function createNodeCache() {
  const cache = new Map<string, { deps: unknown[]; node: AppNode }>();
  const positions = new Map<string, Position>();

  /** The same position object while the coordinates are the same. */
  function pos(id: string, x: number, y: number): Position {
    const p = positions.get(id);
    if (p && p.x === x && p.y === y) return p;
    const next = { x, y };
    positions.set(id, next);
    return next;
  }

  function cached<N extends AppNode>(id: string, deps: unknown[], make: () => N): N {
    const hit = cache.get(id);
    if (hit && same(hit.deps, deps)) return hit.node as N;
    const node = make();
    // Sized here, so say so: a flow node without `measured` makes React Flow drop its handle bounds
    // and measure it again (a ResizeObserver round, a forced layout and an extra store update and
    // commit) every time the object changes, i.e. on every frame of a drag.
    if (node.width !== undefined && node.height !== undefined) node.measured = { width: node.width, height: node.height };
    cache.set(id, { deps, node });
    return node;
  }

  /** Forget nodes no longer built (after a build of `live`), once the cache has grown well past them. */
  function prune(live: readonly AppNode[]): void {
    if (cache.size <= live.length * 2 + 64) return;
    const ids = new Set(live.map((n) => n.id));
    for (const id of cache.keys()) if (!ids.has(id)) cache.delete(id);
  }

  return { pos, cached, prune };
}
