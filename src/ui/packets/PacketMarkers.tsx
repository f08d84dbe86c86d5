import { memo, useMemo } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { ViewportPortal, useReactFlow, type InternalNode } from '@xyflow/react';
import type { PacketSlice } from '../../store/packetStore';
import { markerAt, type PacketRun } from '../../store/playback';
import { hopPoint, pointBetween, type FlowGeometry } from './geometry';

const FLASH_ACTIONS = new Set(['dnat', 'snat', 'unnat', 'encapsulate', 'decapsulate', 'l7', 'lb', 'dns', 'drop']);

function center(n: InternalNode | undefined) {
  if (!n) return undefined;
  const { x, y } = n.internals.positionAbsolute;
  return { x: x + (n.measured.width ?? 0) / 2, y: y + (n.measured.height ?? 0) / 2 };
}

function useGeometry(): FlowGeometry {
  const rf = useReactFlow();
  return useMemo<FlowGeometry>(
    () => ({
      nodeCenter: (id) => center(rf.getInternalNode(id)),
      ifaceCenter: (id, iface) => {
        const el = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"] [data-iface="${CSS.escape(iface)}"]`);
        if (!el) return undefined;
        const r = el.getBoundingClientRect();
        return rf.screenToFlowPosition({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
      },
      edgePath: (edgeId) =>
        (document.querySelector(`.react-flow__edge[data-id="${CSS.escape(edgeId)}"] path.react-flow__edge-path`) as SVGPathElement | null) ?? undefined,
    }),
    [rf],
  );
}

function shortHeaders(run: PacketRun): string {
  const p = run.steps[run.cursor]?.hop.packet;
  if (!p) return '';
  const port = (n?: number) => (n === undefined ? '' : `:${n}`);
  return `${p.src}${port(p.sport)} → ${p.dst}${port(p.dport)}`;
}

const Marker = memo(function Marker({ run, reducedMotion, geometry, selected }: { run: PacketRun; reducedMotion: boolean; geometry: FlowGeometry; selected: boolean }) {
  const m = markerAt(run, reducedMotion);
  if (!m) return null;
  const pt = pointBetween(geometry, m.from.hop, m.to?.hop, m.t);
  if (!pt) return null;
  const here = hopPoint(geometry, m.from.hop);
  const flash = m.t < 0.5 && FLASH_ACTIONS.has(m.from.hop.action);
  const label = m.dropped ? `✕ ${run.result.reason?.code ?? 'dropped'}` : shortHeaders(run);
  return (
    <>
      {(flash || selected) && here && (
        <div className="hop-flash-at" style={{ transform: `translate(${here.x}px, ${here.y}px)` }} aria-hidden>
          <div className={`hop-flash flash-${m.from.hop.action}${selected && !flash ? ' hop-highlight' : ''}`} />
        </div>
      )}
      <div
        className={`packet-marker${m.encapsulated ? ' encapsulated' : ''}${m.dropped ? ' dropped' : ''}${m.from.phase === 'reply' ? ' reply' : ''}`}
        style={{ transform: `translate(${pt.x}px, ${pt.y}px)`, ['--packet-color' as string]: run.color }}
        data-testid="packet-marker"
        data-packet={run.id}
        data-hop={run.cursor}
        data-at={m.from.hop.at}
        aria-label={`Packet ${run.id} at ${m.from.hop.at}: ${label}`}
        role="img"
      >
        <span className="packet-dot" />
        <span className="packet-label">
          {m.encapsulated && <span className="outer-tag">VXLAN </span>}
          {label}
        </span>
      </div>
    </>
  );
});

/** Packet markers drawn in the canvas's own coordinates; put inside <ReactFlow>. */
export function PacketMarkers({ store }: { store: StoreApi<PacketSlice> }) {
  const packets = useStore(store, (s) => s.packets);
  const reducedMotion = useStore(store, (s) => s.reducedMotion);
  const selected = useStore(store, (s) => s.selectedPacket);
  const geometry = useGeometry();
  if (packets.length === 0) return null;
  return (
    <ViewportPortal>
      <div className="packet-layer">
        {packets.map((run) => (
          <Marker key={run.id} run={run} reducedMotion={reducedMotion} geometry={geometry} selected={run.id === selected} />
        ))}
      </div>
    </ViewportPortal>
  );
}
