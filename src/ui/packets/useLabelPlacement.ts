/**
 * The selected marker's label placement, worked out when the packet reaches a hop (or the zoom or
 * the view changes enough), from the cards React Flow has around it (and the edges' labels) and the
 * way to the next hop:
 * the label keeps that side for the whole glide.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useStoreApi, useStore as useFlowStore, type ReactFlowState } from '@xyflow/react';
import { cameraStore, followTarget } from './camera';
import { useView } from '../view';
import { edgeLabelBoxes } from '../canvas/edgeLabels';
import { useT } from '../../i18n/useT';
import type { PacketRun } from '../../store/playback';
import { hopPoint, pointBetween, type FlowGeometry } from './geometry';
import { markerLabel } from './markerLabel';
import { labelSize, placeLabel, type Placement, type Rect } from './labelPlacement';
import { NODE_HEADER_H, SUBNET_BAR_H } from '../../layout/geometry';

const CARDS = new Set(['pod', 'service', 'router', 'client', 'loadBalancer', 'ingress']);

/** The view in flow units, rounded so a pan re-places the label now and then, not every frame. */
const viewKeyOf = (s: ReactFlowState) => {
  const [tx, ty, z] = s.transform;
  const r = (v: number) => Math.round(v / 40) * 40;
  return `${r(-tx / z)} ${r(-ty / z)} ${r(s.width / z)} ${r(s.height / z)} ${Math.round(z * 20)}`;
};

/** Where along the glide (fractions of the way) the label must also keep off the cards. */
const GLIDE_SAMPLES = [0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1];

export function useLabelPlacement(run: PacketRun | undefined, geometry: FlowGeometry): Placement {
  const flow = useStoreApi();
  const t = useT();
  // While the follow camera glides, the label is placed for the view the glide ends at (in view there), once,
  // not again every 40 units of the way.
  const glide = useStore(cameraStore, (s) => s.glide);
  const follow = useView((v) => v.follow);
  const liveKey = useFlowStore(viewKeyOf);
  const viewKey = glide ? `glide ${glide.x} ${glide.y} ${glide.zoom}` : liveKey;
  const cursor = run?.cursor;
  const steps = run?.steps;
  const reason = run?.result.reason?.code;
  return useMemo(() => {
    if (!steps || cursor === undefined) return 'right';
    // A packet that never left its sender (an unknown destination) has no hop to label.
    const from = steps[cursor];
    if (!from) return 'right';
    const prev = cursor > 0 && steps[cursor - 1]!.phase === from.phase ? steps[cursor - 1]!.hop : undefined;
    const at = hopPoint(geometry, from.hop);
    if (!at) return 'right';
    // Good for the whole glide to the next hop: where it starts, where the marker is along the link
    // (an elbow's corner is off the straight line between the hops) and where it ends.
    const to = steps[cursor + 1]?.hop;
    const points = [at];
    if (to) for (const f of GLIDE_SAMPLES) points.push(pointBetween(geometry, from.hop, to, f) ?? at);
    const label = markerLabel(from.hop, reason, prev);
    const first = label.dropped
      ? `✕ ${label.dropped}`
      : `${label.src.old ? `${label.src.old} ` : ''}${label.src.now} → ${label.dst.old ? `${label.dst.old} ` : ''}${label.dst.now}`;
    const lines = label.outer ? [`VXLAN ${label.outer}`, `  ${first}`] : [first];
    const live = flow.getState();
    const { nodeLookup, width, height } = live;
    // The view the label must stay in: where the follow camera is taking the view for this hop (worked out
    // as FollowCamera does, so the label is placed for it from the hop's first frame), or is gliding to.
    const going = (follow ? followTarget(at, live, glide?.zoom) : undefined) ?? glide;
    const transform: readonly [number, number, number] = going ? [going.x, going.y, going.zoom] : live.transform;
    const zoom = transform[2];
    // Labels keep their size on screen between these bounds (PacketMarkers' --label-scale).
    const scale = Math.min(4, Math.max(0.5, 1 / zoom));
    const size = labelSize(lines);
    const cards: Rect[] = [];
    for (const n of nodeLookup.values()) {
      if (n.hidden) continue;
      const { x, y } = n.internals.positionAbsolute;
      const w = n.measured.width ?? n.width ?? 0;
      const h = n.measured.height ?? n.height ?? 0;
      if (CARDS.has(n.type ?? '')) cards.push({ x, y, w, h });
      else if (n.type === 'clusterNode') {
        // Its header (name, eth0, pod CIDR) like a card; its body (cni0, the pods' column) less so.
        cards.push({ x, y, w, h: NODE_HEADER_H });
        cards.push({ x, y: y + NODE_HEADER_H, w, h: h - NODE_HEADER_H, weight: 0.25 });
      } else if (n.type === 'subnet') cards.push({ x, y, w, h: SUBNET_BAR_H });
    }
    // Edge labels too (a router interface's name and address, a burst's count), from the store as the edges draw them.
    // Thrice a card's weight: small and read whole, and often the interface the packet is crossing right then.
    for (const b of edgeLabelBoxes(flow.getState(), (f) => t('canvas.flowCount', { count: f.count, total: f.total }))) cards.push({ ...b, weight: 3 });
    // The view, less a margin, so a label does not end right at its edge.
    const m = 12 / zoom;
    const view = { x: -transform[0] / zoom + m, y: -transform[1] / zoom + m, w: width / zoom - 2 * m, h: height / zoom - 2 * m };
    return placeLabel(points, { w: size.w * scale * zoom, h: size.h * scale * zoom }, zoom, cards, view).placement;
    // viewKey: re-placed when the view moves or zooms enough (read through flow.getState()).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [steps, cursor, reason, geometry, flow, viewKey, glide, follow, t]);
}
