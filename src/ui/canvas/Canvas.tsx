/**
 * The canvas: React Flow over the editor store. Nodes and edges are derived from the scenario by
 * an incremental builder; drags are drawn from the store's drag slice and committed once, on drop
 * (a pod dropped on another node is rescheduled there, a host dropped in another subnet rehomed).
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type DragEvent as ReactDragEvent, type ReactNode } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Node as FlowNode,
  type NodeChange,
} from '@xyflow/react';
import type { ElementKind } from '../../sim/model/schema';
import type { Position } from '../../sim/model/edit';
import { useEditor, useEditorStore } from '../state';
import { createFlowBuilder, type AppNode } from './flow';
import { nodeTypes } from './nodes';
import { edgeTypes } from './edges';
import { lodStore, useFar, useMid, ZoomWatcher } from './lod';
import { dropContext, nodeAt, subnetAt, subnetOrigin } from './dropTarget';
import { clampHost, useAddElement } from './useAddElement';
import { nodeSize, SIZES } from './geometry';

export const PALETTE_MIME = 'application/x-kube-playground-element';

const MINIMAP_COLORS: Record<string, string> = {
  subnet: '#e2e8f0',
  clusterNode: '#bfdbfe',
  router: '#334155',
  client: '#94a3b8',
  service: '#a78bfa',
  loadBalancer: '#fb923c',
  ingress: '#2dd4bf',
};

function minimapColor(n: FlowNode): string {
  if (n.type === 'pod') return (n.data as { color?: string }).color ?? '#64748b';
  return MINIMAP_COLORS[n.type ?? ''] ?? '#cbd5e1';
}

const ARIA_LABELS = {
  'controls.ariaLabel': 'Zoom controls',
  'controls.zoomIn.ariaLabel': 'Zoom in',
  'controls.zoomOut.ariaLabel': 'Zoom out',
  'controls.fitView.ariaLabel': 'Fit the whole scenario in view',
  'minimap.ariaLabel': 'Minimap of the canvas',
  'node.a11yDescription.default': 'Press enter or space to select. Delete removes the selected elements; arrow keys move them.',
  'node.a11yDescription.keyboardDisabled': 'Press enter or space to select. Delete removes the selected elements.',
};

const FIT_OPTIONS = { padding: 0.08 };
/** Above this many pods the canvas opens in the far level of detail (it will be fitted). */
const FAR_START_PODS = 300;
const PRO_OPTIONS = { hideAttribution: true };
const HOSTS = new Set(['clusterNode', 'client', 'loadBalancer']);

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
 * `zoom`: open at this zoom at the canvas origin instead of fitting everything (the benchmark's
 * viewports). `children` render inside React Flow (e.g. the packet marker layer).
 */
export interface CanvasProps {
  zoom?: number;
  children?: ReactNode;
  /** A click on an element (send mode picks sources and targets with it). */
  onElementClick?(id: string): void;
  /** Right-click on an element: the caller shows its context menu at the pointer. */
  onElementContextMenu?(id: string, at: { x: number; y: number }): void;
  className?: string;
}

export function Canvas({ zoom, children, onElementClick, onElementContextMenu, className }: CanvasProps) {
  const store = useEditorStore();
  const scenario = useEditor((s) => s.scenario);
  const selection = useEditor((s) => s.selection);
  const drag = useEditor((s) => s.drag);
  const dragActive = Object.keys(drag).length > 0;
  const rf = useReactFlow<AppNode>();
  const builder = useMemo(createFlowBuilder, []);
  const selected = useMemo(() => new Set(selection), [selection]);
  // A big scenario opens fitted, hence far out: start with tiles rather than mount every pod card first.
  useState(() => lodStore.setState({ far: zoom === undefined && scenario.pods.length > FAR_START_PODS }));
  const far = useFar();
  const mid = useMid();
  const nodes = useMemo(() => builder.nodes(scenario, selected, drag, far), [builder, scenario, selected, drag, far]);
  const allEdges = useMemo(() => builder.edges(scenario), [builder, scenario]);
  // Far out the pods are hidden: leave their veth and endpoint edges out altogether.
  const edges = useMemo(() => (far ? allEdges.filter((e) => e.type !== 'veth' && e.type !== 'endpoint') : allEdges), [allEdges, far]);
  const dragging = useRef(false);
  const addElement = useAddElement();

  // Stable handlers (React Flow re-renders every node when a handler prop changes identity); they
  // call whatever the parent passed last.
  const handlers = useRef({ onElementClick, onElementContextMenu });
  useLayoutEffect(() => {
    handlers.current = { onElementClick, onElementContextMenu };
  });
  const onNodeClick = useCallback((_e: unknown, n: AppNode) => handlers.current.onElementClick?.(n.id), []);
  const onNodeContextMenu = useCallback((e: { preventDefault(): void; clientX: number; clientY: number }, n: AppNode) => {
    if (!handlers.current.onElementContextMenu) return;
    e.preventDefault();
    handlers.current.onElementContextMenu(n.id, { x: e.clientX, y: e.clientY });
  }, []);

  const onNodesChange = useCallback(
    (changes: NodeChange<AppNode>[]) => {
      const st = store.getState();
      let sel: Set<string> | undefined;
      const moving: Record<string, Position> = {};
      const moved: Record<string, Position> = {};
      for (const c of changes) {
        if (c.type === 'select') {
          sel ??= new Set(st.selection);
          if (c.selected) sel.add(c.id);
          else sel.delete(c.id);
        } else if (c.type === 'position' && c.position) {
          if (c.dragging) {
            dragging.current = true;
            moving[c.id] = c.position;
          } else if (!dragging.current) moved[c.id] = c.position;
        }
      }
      if (sel) st.select([...sel]);
      if (Object.keys(moving).length) st.dragTo(moving);
      // Arrow keys move selected elements without a drag; pods keep their slot.
      const keyed = Object.fromEntries(Object.entries(moved).filter(([id]) => !st.scenario.pods.some((p) => p.id === id)));
      if (Object.keys(keyed).length) st.setPositions(keyed);
    },
    [store],
  );

  const onNodeDragStop = useCallback(
    (event: MouseEvent | TouchEvent, node: AppNode, dragged: AppNode[]) => {
      dragging.current = false;
      const st = store.getState();
      const s = st.scenario;
      const ctx = dropContext(s);
      const at = st.drag;
      if (node.type === 'pod' && dragged.length === 1) {
        const pointer = rf.screenToFlowPosition(clientPoint(event));
        const pod = s.pods.find((p) => p.id === node.id);
        const target = nodeAt(ctx, pointer);
        if (pod && target && target !== pod.node) {
          if (!st.movePod(pod.id, target).ok) st.endDrag();
        } else st.endDrag();
        return;
      }
      const positions: Record<string, Position> = {};
      for (const n of dragged) {
        if (n.type === 'pod') continue;
        const p = at[n.id] ?? n.position;
        if (HOSTS.has(n.type ?? '') && n.parentId) {
          const origin = subnetOrigin(ctx, n.parentId);
          const size = hostSize(n);
          if (origin && dragged.length === 1) {
            const centre = { x: origin.x + p.x + size.w / 2, y: origin.y + p.y + size.h / 2 };
            const target = subnetAt(ctx, centre);
            const to = target ? subnetOrigin(ctx, target) : undefined;
            if (target && to && target !== n.parentId) {
              if (!st.moveHost(n.id, target, clampHost({ x: centre.x - to.x - size.w / 2, y: centre.y - to.y - size.h / 2 })).ok) st.endDrag();
              return;
            }
          }
          positions[n.id] = clampHost(p);
        } else positions[n.id] = { x: Math.round(p.x), y: Math.round(p.y) };
      }
      if (Object.keys(positions).length) st.setPositions(positions);
      else st.endDrag();
    },
    [store, rf],
  );

  const onDragOver = useCallback((e: ReactDragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: ReactDragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME) as ElementKind;
      if (!kind) return;
      e.preventDefault();
      addElement(kind, rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [addElement, rf],
  );

  return (
    <div className={`canvas${mid ? ' lod-mid' : ''}${className ? ` ${className}` : ''}`} onDragOver={onDragOver} onDrop={onDrop} aria-label="Network canvas" role="region">
      <ReactFlow<AppNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={onElementClick ? onNodeClick : undefined}
        onNodeContextMenu={onElementContextMenu ? onNodeContextMenu : undefined}
        // Culling pays when zoomed in; far out nearly everything is in view and pods are hidden anyway.
        onlyRenderVisibleElements={!far}
        nodesConnectable={false}
        edgesFocusable={false}
        elementsSelectable
        deleteKeyCode={null}
        minZoom={0.04}
        maxZoom={2.5}
        fitView={zoom === undefined}
        fitViewOptions={FIT_OPTIONS}
        defaultViewport={zoom === undefined ? undefined : { x: 0, y: 0, zoom }}
        proOptions={PRO_OPTIONS}
        ariaLabelConfig={ARIA_LABELS}
      >
        {/* The dot grid repaints the whole screen on every pan frame: only drawn close in. */}
        {!far && !mid && <Background variant={BackgroundVariant.Dots} gap={24} size={1.2} color="#cbd5e1" />}
        {/* The minimap keeps a subscriber per node and re-lists every node on each store update: it
            sits out the frames of a drag and comes back, redrawn, when the drop lands. */}
        {!dragActive && <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} maskColor="rgba(241,245,249,0.7)" />}
        <Controls showInteractive={false} />
        <ZoomWatcher />
        {children}
      </ReactFlow>
    </div>
  );
}
