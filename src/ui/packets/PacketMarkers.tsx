/**
 * Packet markers drawn in the canvas's own coordinates. One packet is in focus: the selected one is
 * drawn large with its label (the headers as they are where it is); the others on the canvas are
 * small dots (a burst) or faded when finished; a new send takes the earlier ones off the canvas.
 */
import { memo } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { ViewportPortal, useStore as useFlowStore, type ReactFlowState } from '@xyflow/react';
import type { PacketSlice } from '../../store/packetStore';
import { isFinished, markerAt, type PacketRun } from '../../store/playback';
import { hopPoint, pointBetween, type FlowGeometry } from './geometry';
import { markerLabel, type LabelEnd } from './markerLabel';
import { cssOffset, type Placement } from './labelPlacement';
import { useLabelPlacement } from './useLabelPlacement';
import { useT } from '../../i18n/useT';
import { useGeometry } from './flowGeometry';

const FLASH_ACTIONS = new Set(['dnat', 'snat', 'unnat', 'encapsulate', 'decapsulate', 'l7', 'lb', 'dns', 'drop']);

/** One end of the label's packet; at a NAT the old address:port struck through, then the new one (animated, packets-canvas.css). */
function End({ end }: { end: LabelEnd }) {
  if (end.old === undefined) return <>{end.now}</>;
  return (
    <span className="label-nat">
      <del className="label-old">{end.old}</del> <span className="label-new">{end.now}</span>
    </span>
  );
}

/** A label set further out is joined to its marker by a short line, at this angle. */
const LEADER: Partial<Record<Placement, number>> = { 'far-right': 0, 'far-below': 90, 'far-left': 180, 'far-above': 270 };

interface MarkerProps {
  run: PacketRun;
  reducedMotion: boolean;
  geometry: FlowGeometry;
  selected: boolean;
  placement: Placement;
}

const Marker = memo(function Marker({ run, reducedMotion, geometry, selected, placement }: MarkerProps) {
  const t = useT();
  const m = markerAt(run, reducedMotion);
  if (!m) return null;
  const pt = pointBetween(geometry, m.from.hop, m.to?.hop, m.t);
  if (!pt) return null;
  const here = hopPoint(geometry, m.from.hop);
  // The edge it is travelling along (past the first tenth, where it eases in from the hop's own point).
  const link = m.to?.hop.link;
  const onEdge = link && m.t >= 0.1 && geometry.edgePath(link) ? link : undefined;
  const flash = selected && m.t < 0.5 && FLASH_ACTIONS.has(m.from.hop.action);
  const prev = run.cursor > 0 && run.steps[run.cursor - 1]!.phase === m.from.phase ? run.steps[run.cursor - 1]!.hop : undefined;
  const label = markerLabel(m.from.hop, run.result.reason?.code, prev);
  const finished = isFinished(run);
  const cls = [
    'packet-marker',
    m.encapsulated ? 'encapsulated' : '',
    m.dropped ? 'dropped' : '',
    m.from.phase.endsWith('reply') ? 'reply' : '',
    selected ? 'focus' : run.burst ? 'burst-dot' : 'background',
    finished && !selected ? 'finished' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const text = label.dropped ? `✕ ${label.dropped}` : label.outer ? `${label.outer} [${label.inner}]` : label.inner;
  return (
    <>
      {(flash || selected) && here && (
        <div className="hop-flash-at" style={{ transform: `translate(${here.x}px, ${here.y}px)` }} aria-hidden>
          <div className={`hop-flash flash-${m.from.hop.action}${selected && !flash ? ' hop-highlight' : ''}`} />
        </div>
      )}
      <div
        className={cls}
        style={{ transform: `translate(${pt.x}px, ${pt.y}px)`, ['--packet-color' as string]: run.color }}
        data-testid="packet-marker"
        data-packet={run.id}
        data-hop={run.cursor}
        data-at={m.from.hop.at}
        data-edge={onEdge}
        aria-label={t('marker.aria', { id: run.id, at: m.from.hop.at, text })}
        role="img"
      >
        <span className="packet-dot">{m.dropped && !selected ? '✕' : null}</span>
        {selected && LEADER[placement] !== undefined && (
          <span className="label-leader" style={{ ['--leader-angle' as string]: `${LEADER[placement]}deg` }} aria-hidden />
        )}
        {selected && (
          // Keyed by the hop: a NAT's old → new plays again at each hop. Placed off the cards around it (useLabelPlacement).
          <span
            key={run.cursor}
            className="packet-label"
            data-testid="packet-label"
            data-placement={placement}
            style={{ ['--label-offset' as string]: cssOffset(placement) }}
          >
            {label.dropped ? (
              <span className="label-drop">✕ {label.dropped}</span>
            ) : label.outer ? (
              <>
                <span className="label-outer">
                  <span className="outer-tag">{m.from.hop.packet.outer?.proto === 'ipip' ? 'IPIP' : 'VXLAN'}</span> {label.outer}
                </span>
                <span className="label-inner dim">
                  <End end={label.src} /> → <End end={label.dst} />
                </span>
              </>
            ) : (
              <span className="label-inner">
                <End end={label.src} /> → <End end={label.dst} />
              </span>
            )}
          </span>
        )}
      </div>
    </>
  );
});

/** The label keeps its size on screen: the inverse of the zoom (in steps, so a zoom does not re-render every frame). */
const labelScaleOf = (s: ReactFlowState) => Math.min(4, Math.max(0.5, Math.round((1 / s.transform[2]) * 10) / 10));

/** Put inside <ReactFlow>. */
export function PacketMarkers({ store }: { store: StoreApi<PacketSlice> }) {
  const packets = useStore(store, (s) => s.packets);
  const reducedMotion = useStore(store, (s) => s.reducedMotion);
  const selected = useStore(store, (s) => s.selectedPacket);
  const geometry = useGeometry();
  const labelScale = useFlowStore(labelScaleOf);
  const shown = packets.filter((p) => p.onCanvas);
  const placement = useLabelPlacement(
    shown.find((p) => p.id === selected),
    geometry,
  );
  if (shown.length === 0) return null;
  // The packet in focus is drawn last, over the others.
  const ordered = [...shown.filter((p) => p.id !== selected), ...shown.filter((p) => p.id === selected)];
  return (
    <ViewportPortal>
      <div className="packet-layer" style={{ ['--label-scale' as string]: labelScale }}>
        {ordered.map((run) => (
          <Marker key={run.id} run={run} reducedMotion={reducedMotion} geometry={geometry} selected={run.id === selected} placement={placement} />
        ))}
      </div>
    </ViewportPortal>
  );
}
