/**
 * The canvas: React Flow over the editor store. Nodes and edges are derived from the scenario by
 * an incremental builder and handed to React Flow, which owns the positions while a drag lasts
 * (its uncontrolled mode: a drag frame touches React Flow's own store and the dragged node, not
 * the editor store, the canvas or the other 1,000 nodes). The drop is committed once, as one
 * edit: a pod dropped on another node is rescheduled there, a host dropped in another subnet
 * rehomed; a refused drop puts the element back.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent as ReactDragEvent, type ReactNode } from 'react';
import { Controls, Panel, ReactFlow, useReactFlow } from '@xyflow/react';
import { isSystemPod } from '../../sim/index';
import { useEditor } from '../state';
import { createFlowBuilder, type AppNode, type LinkEdgeData } from './flow';
import { nodeTypes } from './nodes';
import { edgeTypes } from './edges';
import { lodStore, useFar, useMid, ZoomWatcher, DENSE_PODS } from './lod';
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { useCaliNames } from './caliNames';
import { lessonInfo } from '../../lessons/catalog';
import { useOptionalSession } from '../session/SessionContext';
import { setSystemPodsMode, systemPodsShown, systemPodsStore, useSystemPodsMode } from './systemPods';
import { withSystemServicesClear } from '../../layout/asDrawn';
import { withoutSystemPods } from '../../layout/systemRow';
import { useAddElement, type PaletteKind } from './useAddElement';
import { OverviewMap } from './OverviewMap';
import { ariaLabels, minimapColor } from './canvasChrome';
import { NOT_DRAGGING, useCanvasDrag, usePushBuilds } from './useCanvasDrag';
import { useRevealAdded } from './useRevealAdded';
import './readable.css';
import { useView } from '../view';
import { useT } from '../../i18n/useT';
import { withEditing } from '../../store/editing';

export const PALETTE_MIME = 'application/x-kube-playground-element';

const FIT_OPTIONS = { padding: 0.08 };

/**
 * `zoom`: open at this zoom at the canvas origin instead of fitting everything (the benchmark's
 * viewports). `children` render inside React Flow (e.g. the packet marker layer).
 */
export interface CanvasProps {
  zoom?: number | undefined;
  children?: ReactNode;
  /** A click on an element (send mode picks sources and targets with it). */
  onElementClick?(id: string): void;
  /** Right-click on an element: the caller shows its context menu at the pointer. */
  onElementContextMenu?(id: string, at: { x: number; y: number }): void;
  className?: string;
  /** Elements whose names stay on the canvas at every level of detail (those a packet visits). */
  keepVisible?: ReadonlySet<string>;
  /** A burst's spread: requests per endpoint line (edge id), drawn as a count and a line weight. */
  flows?: ReadonlyMap<string, LinkEdgeData['flow'] & object>;
}

const NO_SESSION = createStore<{ lesson?: string }>(() => ({}));

export function Canvas({ zoom, children, onElementClick, onElementContextMenu, className, keepVisible = NOT_DRAGGING, flows }: CanvasProps) {
  const fullScenario = useEditor((s) => s.scenario);
  // System pods (kube-system) drawn or collapsed to a chip per node; the store keeps them either way.
  const session = useOptionalSession();
  const lessonId = useStore(session?.state ?? NO_SESSION, (s) => s.lesson);
  const systemMode = useSystemPodsMode();
  const visitsSystem = useMemo(() => fullScenario.pods.some((p) => isSystemPod(p) && keepVisible.has(p.id)), [fullScenario, keepVisible]);
  const showSystem = systemPodsShown(systemMode, lessonInfo(lessonId ?? '')?.systemPods === 'shown', visitsSystem);
  const scenario = showSystem ? withSystemServicesClear(fullScenario) : withoutSystemPods(fullScenario);
  useEffect(() => systemPodsStore.setState({ collapsed: !showSystem }), [showSystem]);
  const selection = useEditor((s) => s.selection);
  const rf = useReactFlow<AppNode>();
  const t = useT();
  const builder = useMemo(() => createFlowBuilder(t), [t]);
  const aria = useMemo(() => ariaLabels(t), [t]);
  const selected = useMemo(() => new Set(selection), [selection]);
  const drag = useCanvasDrag();
  const { dragging, onNodesChange, onNodeDragStart, onNodeDragStop } = drag;
  const dragActive = dragging.size > 0;
  // A big scenario opens fitted, hence far out: start with tiles rather than mount every pod card first.
  useState(() => lodStore.setState({ far: zoom === undefined && scenario.pods.length > DENSE_PODS }));
  const far = useFar();
  const mid = useMid();
  const minimap = useView((v) => v.minimap);
  const caliName = useCaliNames(scenario.cluster.cni === 'calico');
  const nodes = useMemo(
    () => builder.nodes(scenario, selected, dragging, far, keepVisible, caliName),
    [builder, scenario, selected, dragging, far, keepVisible, caliName],
  );
  const [initialNodes] = useState(nodes);
  const allEdges = useMemo(() => builder.edges(scenario), [builder, scenario]);
  // Far out the pods are hidden: leave their veth and endpoint edges out altogether.
  const shown = useMemo(() => (far ? allEdges.filter((e) => e.type !== 'veth' && e.type !== 'endpoint') : allEdges), [allEdges, far]);
  const edges = useMemo(
    () => (flows?.size ? shown.map((e) => (flows.has(e.id) ? { ...e, data: { ...e.data, flow: flows.get(e.id)! } } : e)) : shown),
    [shown, flows],
  );
  const addElement = useAddElement();
  usePushBuilds(nodes, initialNodes, drag);
  useRevealAdded(nodes, dragActive);

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
      const at = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      withEditing(() => addElement(kind, at));
    },
    [addElement, rf],
  );

  return (
    <div
      className={`canvas${mid ? ' lod-mid' : far ? '' : ' dots'}${scenario.pods.length > DENSE_PODS ? ' dense' : ''}${dragActive ? ' is-dragging' : ''}${className ? ` ${className}` : ''}`}
      onDragOver={onDragOver}
      onDrop={onDrop}
      aria-label={t('canvas.region')}
      role="region"
    >
      <ReactFlow<AppNode>
        defaultNodes={initialNodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        {...(onElementClick ? { onNodeClick } : {})}
        {...(onElementContextMenu ? { onNodeContextMenu } : {})}
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
        {...(zoom === undefined ? {} : { defaultViewport: { x: 0, y: 0, zoom } })}
        // React Flow's attribution stays (its authors ask it of projects without a Pro subscription), at the
        // bottom in the middle, clear of the controls (bottom left) and the minimap (bottom right).
        attributionPosition="bottom-center"
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
