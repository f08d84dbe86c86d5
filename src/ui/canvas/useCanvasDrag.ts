/**
 * Dragging on the canvas. React Flow owns the positions while a drag lasts (its uncontrolled mode: a
 * drag frame touches React Flow's own store and the dragged node, not the editor store, the canvas
 * or the other 1,000 nodes). The drop is committed once, as one edit: a pod dropped on another node
 * is rescheduled there, a host dropped in another subnet rehomed; a refused drop puts the element back.
 */
import { useCallback, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { useReactFlow, useStoreApi, type NodeChange } from '@xyflow/react';
import type { Position } from '../../sim/index';
import { useEditorStore } from '../state';
import type { AppNode } from './flow';
import { dropContext, nodeAt, subnetAt, subnetOrigin } from './dropTarget';
import { clampHost } from './useAddElement';
import { nodeSize, SIZES, subnetSize } from '../../layout/geometry';
import { withEditing } from '../../store/editing';

const HOSTS = new Set(['clusterNode', 'client', 'loadBalancer']);
export const NOT_DRAGGING: ReadonlySet<string> = new Set();

function clientPoint(e: MouseEvent | TouchEvent): { x: number; y: number } {
  if ('changedTouches' in e) {
    const t = e.changedTouches[0];
    return { x: t?.clientX ?? 0, y: t?.clientY ?? 0 };
  }
  return { x: e.clientX, y: e.clientY };
}

function hostSize(n: AppNode): { w: number; h: number } {
  if (n.type === 'client') return SIZES.client;
  if (n.type === 'loadBalancer') return SIZES.loadBalancer;
  return { w: n.width ?? nodeSize(0).w, h: n.height ?? nodeSize(0).h };
}

/**
 * What is being dragged (those elements get their own compositing layer) and React Flow's change and
 * drag handlers; `usePushBuilds` hands each build to React Flow with it.
 */
export function useCanvasDrag() {
  const store = useEditorStore();
  const rf = useReactFlow<AppNode>();
  const flowStore = useStoreApi<AppNode>();
  // What is being dragged (set when a drag starts, cleared on drop): those elements get their own
  // compositing layer, and so does the viewport (an auto-pan moves it).
  const [dragging, setDragging] = useState(NOT_DRAGGING);
  // The same set, for handlers that run before the next render (React Flow's changes in the drag).
  const dragged = useRef<ReadonlySet<string>>(NOT_DRAGGING);

  /**
   * Grow the subnets around hosts being dragged, as the drop will: React Flow already holds the
   * hosts' new positions, so each subnet is sized from its children there. Touches React Flow only
   * when a size changes.
   */
  const growSubnets = useCallback(
    (ids: Iterable<string>) => {
      const { nodeLookup, parentLookup } = flowStore.getState();
      const subnets = new Set<string>();
      for (const id of ids) {
        const n = nodeLookup.get(id);
        if (n?.parentId && HOSTS.has(n.type ?? '')) subnets.add(n.parentId);
      }
      for (const id of subnets) {
        const sub = nodeLookup.get(id);
        const children = parentLookup.get(id);
        if (!sub || !children) continue;
        const size = subnetSize(
          [...children.values()].map((c) => ({ x: c.position.x, y: c.position.y, w: c.width ?? c.measured.width ?? 0, h: c.height ?? c.measured.height ?? 0 })),
        );
        if (size.w !== sub.width || size.h !== sub.height) rf.updateNode(id, { width: size.w, height: size.h, measured: { width: size.w, height: size.h } });
      }
    },
    [flowStore, rf],
  );

  const [resyncs, resync] = useReducer((x: number) => x + 1, 0);

  // React Flow has applied these changes to its own nodes already; the editor store learns of
  // selections, and of moves that are not part of a drag (arrow keys), which are committed at once.
  const onNodesChange = useCallback(
    (changes: NodeChange<AppNode>[]) => {
      const st = store.getState();
      let sel: Set<string> | undefined;
      const moved: Record<string, Position> = {};
      let dragFrame: string[] | undefined;
      for (const c of changes) {
        if (c.type === 'select') {
          sel ??= new Set(st.selection);
          if (c.selected) sel.add(c.id);
          else sel.delete(c.id);
        } else if (c.type === 'position' && c.position) {
          if (c.dragging) (dragFrame ??= []).push(c.id);
          else if (dragged.current.size === 0) moved[c.id] = c.position;
        }
      }
      if (sel) st.select([...sel]);
      if (dragFrame) growSubnets(dragFrame);
      // Arrow keys move selected elements without a drag; pods keep their slot.
      const { nodeLookup } = flowStore.getState();
      const isPod = (id: string) => nodeLookup.get(id)?.type === 'pod';
      const keyed = Object.fromEntries(Object.entries(moved).filter(([id]) => !isPod(id)));
      if (Object.keys(keyed).length) st.setPositions(keyed);
      if (Object.keys(moved).some(isPod)) resync();
    },
    [store, flowStore, growSubnets],
  );

  const onNodeDragStart = useCallback((_e: unknown, _node: AppNode, nodes: AppNode[]) => {
    const ids = new Set(nodes.map((n) => n.id));
    dragged.current = ids;
    setDragging(ids);
  }, []);

  const onNodeDragStop = useCallback(
    (event: MouseEvent | TouchEvent, node: AppNode, nodes: AppNode[]) => {
      dragged.current = NOT_DRAGGING;
      setDragging(NOT_DRAGGING);
      // Whatever the drop commits (or nothing, when it is refused), the canvas is rebuilt from the
      // scenario: a refused drop puts the element back where it was.
      resync();
      const st = store.getState();
      const s = st.scenario;
      const ctx = dropContext(s);
      if (node.type === 'pod' && nodes.length === 1) {
        const pointer = rf.screenToFlowPosition(clientPoint(event));
        const pod = s.pods.find((p) => p.id === node.id);
        const target = nodeAt(ctx, pointer);
        if (pod && target && target !== pod.node) withEditing(() => store.getState().movePod(pod.id, target));
        return;
      }
      const positions: Record<string, Position> = {};
      for (const n of nodes) {
        if (n.type === 'pod') continue;
        const p = n.position;
        if (HOSTS.has(n.type ?? '') && n.parentId) {
          const origin = subnetOrigin(ctx, n.parentId);
          const size = hostSize(n);
          if (origin && nodes.length === 1) {
            const centre = { x: origin.x + p.x + size.w / 2, y: origin.y + p.y + size.h / 2 };
            const target = subnetAt(ctx, centre);
            const to = target ? subnetOrigin(ctx, target) : undefined;
            if (target && to && target !== n.parentId) {
              const at = clampHost({ x: centre.x - to.x - size.w / 2, y: centre.y - to.y - size.h / 2 });
              withEditing(() => store.getState().moveHost(n.id, target, at));
              return;
            }
          }
          positions[n.id] = clampHost(p);
        } else positions[n.id] = { x: Math.round(p.x), y: Math.round(p.y) };
      }
      if (Object.keys(positions).length) st.setPositions(positions);
    },
    [store, rf],
  );

  return { dragging, dragged, growSubnets, resyncs, onNodesChange, onNodeDragStart, onNodeDragStop };
}

/** `nodes`: the latest build; `initialNodes`: the one React Flow was opened with. */
export function usePushBuilds(
  nodes: AppNode[],
  initialNodes: AppNode[],
  drag: Pick<ReturnType<typeof useCanvasDrag>, 'dragged' | 'growSubnets' | 'resyncs'>,
): void {
  const rf = useReactFlow<AppNode>();
  const flowStore = useStoreApi<AppNode>();
  const { dragged, growSubnets, resyncs } = drag;
  // Hand each new build to React Flow. While a drag lasts, the dragged elements keep the positions
  // React Flow has given them (a build in the middle of a drag, e.g. the selection it makes, must
  // not pull them back), and their subnets keep the size the drag gave them.
  const pushed = useRef({ nodes: initialNodes, resyncs: 0 });
  useLayoutEffect(() => {
    if (pushed.current.nodes === nodes && pushed.current.resyncs === resyncs) return;
    pushed.current = { nodes, resyncs };
    const moving = dragged.current;
    if (moving.size === 0) {
      rf.setNodes(nodes);
      return;
    }
    const { nodeLookup } = flowStore.getState();
    rf.setNodes(nodes.map((n) => (moving.has(n.id) ? { ...n, position: nodeLookup.get(n.id)?.position ?? n.position } : n)));
    growSubnets(moving);
  }, [nodes, resyncs, rf, flowStore, growSubnets, dragged]);
}
