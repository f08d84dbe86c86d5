/**
 * The canvas: React Flow over the editor store. Nodes and edges are derived from the scenario by
 * an incremental builder and handed to React Flow, which owns the positions while a drag lasts
 * (its uncontrolled mode: a drag frame touches React Flow's own store and the dragged node, not
 * the editor store, the canvas or the other 1,000 nodes). The drop is committed once, as one
 * edit: a pod dropped on another node is rescheduled there, a host dropped in another subnet
 * rehomed; a refused drop puts the element back.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState, type DragEvent as ReactDragEvent, type ReactNode } from 'react';
import {
  Controls,
  Panel,
  ReactFlow,
  useReactFlow,
  useStoreApi,
  type NodeChange,
} from '@xyflow/react';
import { type Position, isSystemPod } from '../../sim/index';
import { useEditor, useEditorStore } from '../state';
import { createFlowBuilder, type AppNode } from './flow';
import { nodeTypes } from './nodes';
import { edgeTypes } from './edges';
import { lodStore, useFar, useMid, ZoomWatcher, DENSE_PODS } from './lod';
import { dropContext, nodeAt, subnetAt, subnetOrigin } from './dropTarget';
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { getLesson } from '../../lessons/index';
import { useOptionalSession } from '../session/SessionContext';
import { setSystemPodsMode, systemPodsShown, systemPodsStore, useSystemPodsMode, withoutSystemPods } from './systemPods';
import { clampHost, useAddElement, type PaletteKind } from './useAddElement';
import { nodeSize, SIZES, subnetSize } from './geometry';
import { OverviewMap } from './OverviewMap';
import './readable.css';
import { useView } from '../view';
import { useT } from '../../i18n/useT';
import type { Translator } from '../../i18n';

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

function minimapColor(n: AppNode): string {
  if (n.type === 'pod') return (n.data as { color?: string }).color ?? '#64748b';
  return MINIMAP_COLORS[n.type ?? ''] ?? '#cbd5e1';
}

/** React Flow's own accessible names (controls, minimap, the keyboard help of a node), in the interface language. */
function ariaLabels(t: Translator) {
  return {
    'controls.ariaLabel': t('canvas.zoomControls'),
    'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
    'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
    'controls.fitView.ariaLabel': t('canvas.fitView'),
    'minimap.ariaLabel': t('canvas.minimap'),
    'node.a11yDescription.default': t('canvas.nodeHelp'),
    'node.a11yDescription.keyboardDisabled': t('canvas.nodeHelpNoKeys'),
  };
}

const FIT_OPTIONS = { padding: 0.08 };
const PRO_OPTIONS = { hideAttribution: true };
const HOSTS = new Set(['clusterNode', 'client', 'loadBalancer']);
const NOT_DRAGGING: ReadonlySet<string> = new Set();

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
  /** Elements whose names stay on the canvas at every level of detail (those a packet visits). */
  keepVisible?: ReadonlySet<string>;
}

const NO_SESSION = createStore<{ lesson?: string }>(() => ({}));

export function Canvas({ zoom, children, onElementClick, onElementContextMenu, className, keepVisible = NOT_DRAGGING }: CanvasProps) {
  const store = useEditorStore();
  const fullScenario = useEditor((s) => s.scenario);
  // System pods (kube-system) drawn or collapsed to a chip per node; the store keeps them either way.
  const session = useOptionalSession();
  const lessonId = useStore(session?.state ?? NO_SESSION, (s) => s.lesson);
  const systemMode = useSystemPodsMode();
  const visitsSystem = useMemo(() => fullScenario.pods.some((p) => isSystemPod(p) && keepVisible.has(p.id)), [fullScenario, keepVisible]);
  const showSystem = systemPodsShown(systemMode, getLesson(lessonId ?? '')?.systemPods === 'shown', visitsSystem);
  const scenario = showSystem ? fullScenario : withoutSystemPods(fullScenario);
  useEffect(() => systemPodsStore.setState({ collapsed: !showSystem }), [showSystem]);
  const selection = useEditor((s) => s.selection);
  const rf = useReactFlow<AppNode>();
  const flowStore = useStoreApi<AppNode>();
  const t = useT();
  const builder = useMemo(() => createFlowBuilder(t), [t]);
  const aria = useMemo(() => ariaLabels(t), [t]);
  const selected = useMemo(() => new Set(selection), [selection]);
  // What is being dragged (set when a drag starts, cleared on drop): those elements get their own
  // compositing layer, and so does the viewport (an auto-pan moves it).
  const [dragging, setDragging] = useState(NOT_DRAGGING);
  const dragActive = dragging.size > 0;
  // A big scenario opens fitted, hence far out: start with tiles rather than mount every pod card first.
  useState(() => lodStore.setState({ far: zoom === undefined && scenario.pods.length > DENSE_PODS }));
  const far = useFar();
  const mid = useMid();
  const minimap = useView((v) => v.minimap);
  const nodes = useMemo(() => builder.nodes(scenario, selected, dragging, far, keepVisible), [builder, scenario, selected, dragging, far, keepVisible]);
  const [initialNodes] = useState(nodes);
  const allEdges = useMemo(() => builder.edges(scenario), [builder, scenario]);
  // Far out the pods are hidden: leave their veth and endpoint edges out altogether.
  const edges = useMemo(() => (far ? allEdges.filter((e) => e.type !== 'veth' && e.type !== 'endpoint') : allEdges), [allEdges, far]);
  // The same set, for handlers that run before the next render (React Flow's changes in the drag).
  const dragged = useRef<ReadonlySet<string>>(NOT_DRAGGING);
  const addElement = useAddElement();

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
        const size = subnetSize([...children.values()].map((c) => ({ x: c.position.x, y: c.position.y, w: c.width ?? c.measured.width ?? 0, h: c.height ?? c.measured.height ?? 0 })));
        if (size.w !== sub.width || size.h !== sub.height) rf.updateNode(id, { width: size.w, height: size.h, measured: { width: size.w, height: size.h } });
      }
    },
    [flowStore, rf],
  );

  // Hand each new build to React Flow. While a drag lasts, the dragged elements keep the positions
  // React Flow has given them (a build in the middle of a drag, e.g. the selection it makes, must
  // not pull them back), and their subnets keep the size the drag gave them.
  const [resyncs, resync] = useReducer((x: number) => x + 1, 0);
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
  }, [nodes, resyncs, rf, flowStore, growSubnets]);

  // Each drop stays in view: an element added off-screen (placed beside the others, or a Service
  // of an add-on) is panned to, at the same zoom. A whole new scenario is fitted elsewhere.
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
        if (pod && target && target !== pod.node) st.movePod(pod.id, target);
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
              st.moveHost(n.id, target, clampHost({ x: centre.x - to.x - size.w / 2, y: centre.y - to.y - size.h / 2 }));
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

  const onDragOver = useCallback((e: ReactDragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: ReactDragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME) as PaletteKind;
      if (!kind) return;
      e.preventDefault();
      addElement(kind, rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [addElement, rf],
  );

  return (
    <div className={`canvas${mid ? ' lod-mid' : far ? '' : ' dots'}${scenario.pods.length > DENSE_PODS ? ' dense' : ''}${dragActive ? ' is-dragging' : ''}${className ? ` ${className}` : ''}`} onDragOver={onDragOver} onDrop={onDrop} aria-label={t('canvas.region')} role="region">
      <ReactFlow<AppNode>
        defaultNodes={initialNodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStart={onNodeDragStart}
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
        ariaLabelConfig={aria}
      >
        {minimap && <OverviewMap color={minimapColor} maskColor="rgba(241,245,249,0.7)" ariaLabel={aria['minimap.ariaLabel']} />}
        <Controls showInteractive={false} />
        <ZoomWatcher />
        {fullScenario.subnets.length === 0 && fullScenario.nodes.length === 0 && (
          // File → New: say what to do first (it lets drops through to the canvas).
          <div className="canvas-empty" data-testid="canvas-empty">
            <strong>{t('canvas.emptyTitle')}</strong>
            <p>{t('canvas.emptyHint')}</p>
          </div>
        )}
        <Panel position="top-left">
          <button
            type="button"
            className={`btn small sys-toggle${showSystem ? ' on' : ''}`}
            aria-pressed={showSystem}
            title={t('canvas.systemPodsTitle')}
            onClick={() => setSystemPodsMode(showSystem ? 'hidden' : 'shown')}
          >
            {t(showSystem ? 'canvas.systemPodsShown' : 'canvas.systemPodsCollapsed')}
          </button>
        </Panel>
        {children}
      </ReactFlow>
    </div>
  );
}
