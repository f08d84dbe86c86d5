/**
 * Where hops are on the canvas, read from React Flow (see geometry.ts for what a hop's point is). An
 * interface's place inside its element is measured once, from the element its component handed over
 * (ifaces.ts), and kept as an offset from the element (valid while the element keeps its size). An
 * edge's path is worked out from React Flow's store as the edge draws it (edgePaths.ts), and followed
 * without the DOM: a playing burst asks for paths 20 times a frame, and each DOM read would make the
 * browser lay out the page again. A path is kept while its text stays the same.
 *
 * Loaded with the packet layer (packetLayer.ts) or the picture export, not before the first paint.
 */
import { useMemo } from 'react';
import { useReactFlow, useStoreApi, type InternalNode, type ReactFlowInstance, type ReactFlowState } from '@xyflow/react';
import type { StoreApi } from 'zustand';
import type { FlowGeometry } from './geometry';
import { edgePathOf } from '../canvas/edgePaths';
import { ifaceElement } from '../canvas/ifaces';
import { pathTrack, type PathTrack } from '../canvas/pathTrack';

function center(n: InternalNode | undefined) {
  if (!n) return undefined;
  const { x, y } = n.internals.positionAbsolute;
  return { x: x + (n.measured.width ?? 0) / 2, y: y + (n.measured.height ?? 0) / 2 };
}

/** The geometry of the canvas `rf` draws, with React Flow's store `flow`; its caches live as long as it does. */
export function flowGeometry(
  rf: Pick<ReactFlowInstance, 'getInternalNode' | 'screenToFlowPosition'>,
  flow: Pick<StoreApi<ReactFlowState>, 'getState'>,
): FlowGeometry {
  const ifaces = new Map<string, { dx: number; dy: number; w: number; h: number } | null>();
  const paths = new Map<string, { d: string; track: PathTrack | undefined }>();
  return {
    nodeCenter: (id) => center(rf.getInternalNode(id)),
    ifaceBox: (id, iface) => {
      const n = rf.getInternalNode(id);
      if (!n) return undefined;
      const { x, y } = n.internals.positionAbsolute;
      const key = `${id}|${iface}|${n.measured.width ?? 0}x${n.measured.height ?? 0}`;
      let off = ifaces.get(key);
      if (off === undefined) {
        const el = ifaceElement(id, iface);
        if (!el) return undefined;
        const r = el.getBoundingClientRect();
        const p = rf.screenToFlowPosition({ x: r.x, y: r.y });
        const q = rf.screenToFlowPosition({ x: r.right, y: r.bottom });
        off = { dx: p.x - x, dy: p.y - y, w: q.x - p.x, h: q.y - p.y };
        ifaces.set(key, off);
      }
      return off ? { x: x + off.dx, y: y + off.dy, w: off.w, h: off.h } : undefined;
    },
    edgePath: (edgeId) => {
      const d = edgePathOf(flow.getState(), edgeId);
      if (d === undefined) return undefined;
      const kept = paths.get(edgeId);
      if (kept?.d === d) return kept.track;
      const track = pathTrack(d);
      paths.set(edgeId, { d, track });
      return track;
    },
  };
}

/** The geometry of the canvas this component is inside (one per mounted component). */
export function useGeometry(): FlowGeometry {
  const rf = useReactFlow();
  const flow = useStoreApi();
  return useMemo(() => flowGeometry(rf, flow), [rf, flow]);
}
