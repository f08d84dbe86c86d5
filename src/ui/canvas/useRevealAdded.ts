/**
 * Each drop stays in view: an element added off-screen (placed beside the others, or a Service of an
 * add-on) is panned to, at the same zoom. A whole new scenario is fitted elsewhere.
 */
import { useEffect, useRef } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEditorStore } from '../state';
import type { AppNode } from './flow';

export function useRevealAdded(nodes: AppNode[], dragActive: boolean): void {
  const store = useEditorStore();
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
    const { nodeLookup, transform, width, height } = flowStore.getState();
    const [tx, ty, zoom] = transform;
    const offScreen = added.some((n) => {
      const p = nodeLookup.get(n.id)?.internals.positionAbsolute;
      if (!p) return false;
      const x = p.x * zoom + tx;
      const y = p.y * zoom + ty;
      const w = (n.width ?? 0) * zoom;
      const h = (n.height ?? 0) * zoom;
      return x < 0 || y < 0 || x + w > width || y + h > height;
    });
    if (!offScreen) return;
    // The one the add selected (the new element itself), else the first.
    const target = added.find((n) => store.getState().selection.includes(n.id)) ?? added[0]!;
    const at = nodeLookup.get(target.id);
    if (!at) return;
    const c = at.internals.positionAbsolute;
    void rf.setCenter(c.x + (target.width ?? 0) / 2, c.y + (target.height ?? 0) / 2, { zoom, duration: 250 });
  }, [nodes, flowStore, rf, dragActive, store]);
}
