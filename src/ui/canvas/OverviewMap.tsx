/**
 * The minimap: every visible element as a rectangle of its colour, and the part of the canvas in
 * view. Drawn as one SVG path per colour from React Flow's own node lookup, by one store
 * subscriber: React Flow's <MiniMap> keeps a subscriber and an SVG element per node (1,100 on
 * the stress page), all asked on every store update, which costs a drag or an auto-pan several
 * frames a second. The rectangles are redrawn at most every REDRAW_MS while the nodes keep
 * changing (a drag), the view's rectangle on every frame. Panning (drag) and zooming (wheel) on the
 * map move the canvas, with React Flow's own XYMinimap handler, as <MiniMap pannable zoomable> does.
 */
import { memo, useEffect, useMemo, useRef, useSyncExternalStore, type CSSProperties } from 'react';
import { Panel, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { getBoundsOfRects, XYMinimap, type XYMinimapInstance } from '@xyflow/system';
import { shallow } from 'zustand/shallow';
import { minimapPaths, type MapRect } from './overview';
import type { AppNode } from './flow';

const WIDTH = 160;
const HEIGHT = 110;
/** Margin around the drawn area, in minimap pixels. */
const OFFSET = 5;
/** While nodes keep moving, the map's rectangles follow this often (ms); a map needs no more. */
const REDRAW_MS = 100;

export interface OverviewMapProps {
  color(node: AppNode): string;
  maskColor: string;
  ariaLabel: string;
}

interface Slice {
  transform: [number, number, number];
  width: number;
  height: number;
  panZoom: ReactFlowState['panZoom'];
  translateExtent: ReactFlowState['translateExtent'];
}

const slice = (s: ReactFlowState): Slice => ({
  transform: s.transform,
  width: s.width,
  height: s.height,
  panZoom: s.panZoom,
  translateExtent: s.translateExtent,
});

function OverviewMapInner({ color, maskColor, ariaLabel }: OverviewMapProps) {
  const store = useStoreApi<AppNode>();
  const { transform, width, height, panZoom, translateExtent } = useStore(slice, shallow);
  const svg = useRef<SVGSVGElement>(null);
  const map = useRef<XYMinimapInstance | undefined>(undefined);

  // Redraw the rectangles when React Flow's nodes change (an edit, a drag frame), at most every
  // REDRAW_MS: not on every frame of a drag, and not when only the view moves.
  const throttled = useMemo(() => throttledNodes(store), [store]);
  const nodes = useSyncExternalStore(throttled.subscribe, throttled.get);

  const drawn = useMemo(() => {
    const rects: MapRect[] = [];
    const lookup = store.getState().nodeLookup;
    for (const node of nodes) {
      const n = lookup.get(node.id);
      if (!n || n.hidden) continue;
      const w = n.measured.width ?? n.width ?? 0;
      const h = n.measured.height ?? n.height ?? 0;
      if (!w || !h) continue;
      rects.push({ x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, w, h, color: color(n.internals.userNode) });
    }
    return minimapPaths(rects);
  }, [nodes, store, color]);

  const view = { x: -transform[0] / transform[2], y: -transform[1] / transform[2], width: width / transform[2], height: height / transform[2] };
  const box = drawn.bounds ? getBoundsOfRects(drawn.bounds, view) : view;
  const scale = Math.max(box.width / WIDTH, box.height / HEIGHT) || 1;
  const vw = scale * WIDTH;
  const vh = scale * HEIGHT;
  const offset = OFFSET * scale;
  const x = box.x - (vw - box.width) / 2 - offset;
  const y = box.y - (vh - box.height) / 2 - offset;
  const w = vw + offset * 2;
  const h = vh + offset * 2;
  const viewScale = useRef(scale);
  useEffect(() => {
    viewScale.current = scale;
  }, [scale]);

  useEffect(() => {
    if (!svg.current || !panZoom) return;
    const instance = XYMinimap({ domNode: svg.current, panZoom, getTransform: () => store.getState().transform, getViewScale: () => viewScale.current });
    map.current = instance;
    return () => {
      instance.destroy();
      map.current = undefined;
    };
  }, [panZoom, store]);
  useEffect(() => {
    map.current?.update({ translateExtent, width, height, pannable: true, zoomable: true });
  }, [panZoom, translateExtent, width, height]);

  return (
    <Panel
      position="bottom-right"
      className="react-flow__minimap kp-overview"
      data-testid="overview-map"
      style={{ '--xy-minimap-mask-background-color-props': maskColor } as CSSProperties}
    >
      <svg width={WIDTH} height={HEIGHT} viewBox={`${x} ${y} ${w} ${h}`} role="img" aria-label={ariaLabel} ref={svg} className="react-flow__minimap-svg">
        {drawn.paths.map((p) => (
          <path key={p.color} d={p.d} fill={p.color} />
        ))}
        <path
          className="react-flow__minimap-mask"
          d={`M${x - offset},${y - offset}h${w + offset * 2}v${h + offset * 2}h${-w - offset * 2}z M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
}

export const OverviewMap = memo(OverviewMapInner);

/**
 * React Flow's node list as an external store that reports a change at most every REDRAW_MS. Its
 * snapshot is the list as of the last report; subscribing takes the current list, so nodes React
 * Flow took between the first render and the subscription are drawn.
 */
function throttledNodes(store: ReturnType<typeof useStoreApi<AppNode>>) {
  let seen = store.getState().nodes;
  return {
    get: () => seen,
    subscribe(onChange: () => void) {
      seen = store.getState().nodes;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const unsubscribe = store.subscribe((s) => {
        if (s.nodes === seen || timer !== undefined) return;
        timer = setTimeout(() => {
          timer = undefined;
          seen = store.getState().nodes;
          onChange();
        }, REDRAW_MS);
      });
      return () => {
        unsubscribe();
        if (timer !== undefined) clearTimeout(timer);
      };
    },
  };
}
