/**
 * The SVG path of each kind of edge, from its two ends: drawn by the edge components (edges.tsx)
 * and followed by the packet markers, which work the ends out from React Flow's store the way
 * React Flow does for its edges, so a marker finds its edge without looking in the page.
 */
import { getBezierPath, getSmoothStepPath, Position, type InternalNode, type ReactFlowState } from '@xyflow/react';

export interface EdgeEnds {
  sourceX: number;
  sourceY: number;
  targetX: number;
  targetY: number;
  sourcePosition: Position;
  targetPosition: Position;
}

const straight = ({ sourceX, sourceY, targetX, targetY }: EdgeEnds) => `M ${sourceX} ${sourceY} L ${targetX} ${targetY}`;
const bezier = (e: EdgeEnds) => getBezierPath(e)[0];

/** A router interface's elbow, and where its label sits (above the middle of the path). */
export function linkPath(e: EdgeEnds): { path: string; labelX: number; labelY: number } {
  const [path, labelX, labelY] = getSmoothStepPath({ ...e, borderRadius: 10 });
  return { path, labelX, labelY: labelY - 13 };
}

/** The path of an edge of each type (the keys of edges.tsx's edgeTypes). */
export const EDGE_PATHS: Record<string, (e: EdgeEnds) => string> = {
  // A veth pair: a short horizontal line from the pod to the cni0 bar.
  veth: ({ sourceX, sourceY, targetX }) => `M ${sourceX} ${sourceY} L ${targetX} ${sourceY}`,
  // A host's eth0: straight down from its subnet's bar.
  uplink: ({ sourceX, sourceY, targetY }) => `M ${sourceX} ${sourceY} L ${sourceX} ${targetY}`,
  link: (e) => linkPath(e).path,
  endpoint: straight,
  lbLink: bezier,
  ingressLink: bezier,
};

type Handle = NonNullable<InternalNode['internals']['handleBounds']>['source'] extends (infer H)[] | null | undefined ? H : never;

/** A handle's attachment point: the middle of the handle's side that faces out (React Flow's getHandlePosition). */
function handlePoint(n: InternalNode, h: Handle): { x: number; y: number } {
  const x = n.internals.positionAbsolute.x + h.x;
  const y = n.internals.positionAbsolute.y + h.y;
  switch (h.position) {
    case Position.Top:
      return { x: x + h.width / 2, y };
    case Position.Right:
      return { x: x + h.width, y: y + h.height / 2 };
    case Position.Bottom:
      return { x: x + h.width / 2, y: y + h.height };
    default:
      return { x, y: y + h.height / 2 };
  }
}

/**
 * An edge's two ends as React Flow places them (its getEdgePosition, strict connection mode): the
 * source handle named by the edge (or the node's first) among its source handles, the target among
 * its target handles. Undefined until both nodes have been drawn and measured once.
 */
export function edgeEnds(s: Pick<ReactFlowState, 'edgeLookup' | 'nodeLookup'>, edgeId: string): { type: string; ends: EdgeEnds } | undefined {
  const edge = s.edgeLookup.get(edgeId);
  if (!edge) return undefined;
  const a = s.nodeLookup.get(edge.source);
  const b = s.nodeLookup.get(edge.target);
  const from = a?.internals.handleBounds?.source;
  const to = b?.internals.handleBounds?.target;
  if (!a || !b || !from || !to) return undefined;
  const hs = edge.sourceHandle ? from.find((h) => h.id === edge.sourceHandle) : from[0];
  const ht = edge.targetHandle ? to.find((h) => h.id === edge.targetHandle) : to[0];
  if (!hs || !ht) return undefined;
  const p = handlePoint(a, hs);
  const q = handlePoint(b, ht);
  return {
    type: edge.type ?? 'default',
    ends: { sourceX: p.x, sourceY: p.y, targetX: q.x, targetY: q.y, sourcePosition: hs.position, targetPosition: ht.position },
  };
}

/** The SVG path an edge is drawn with, from the store alone. */
export function edgePathOf(s: Pick<ReactFlowState, 'edgeLookup' | 'nodeLookup'>, edgeId: string): string | undefined {
  const e = edgeEnds(s, edgeId);
  const draw = e ? EDGE_PATHS[e.type] : undefined;
  return e && draw ? draw(e.ends) : undefined;
}
