import { useCallback } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { PacketSlice } from '../../store/packetStore';
import type { PacketRun, Phase } from '../../store/playback';
import { HopRow } from './HopRow';

const PHASE_TITLE: Record<Phase, string> = {
  dns: 'DNS query',
  'dns-reply': 'DNS answer',
  request: 'Request',
  upstream: 'Proxy to backend (new connection)',
  'upstream-reply': 'Backend reply to proxy',
  reply: 'Reply',
};
const PHASES = Object.keys(PHASE_TITLE) as Phase[];

function selectedRun(s: PacketSlice): PacketRun | undefined {
  return s.packets.find((p) => p.id === s.selectedPacket);
}

/** The selected packet's hops, grouped by phase, with the current hop marked. */
export function HopInspector({ store, nameOf }: { store: StoreApi<PacketSlice>; nameOf(id: string): string }) {
  const run = useStore(store, selectedRun);
  const packets = useStore(store, (s) => s.packets);
  const select = useStore(store, (s) => s.select);
  const seek = useStore(store, (s) => s.seek);
  const onSelect = useCallback((i: number) => seek(i), [seek]);
  if (!run) return <p className="muted">Send a packet to see its hops here.</p>;
  const r = run.result;
  const phases = PHASES.filter((ph) => run.steps.some((st) => st.phase === ph));
  return (
    <section className="hop-inspector" aria-label="Hop inspector">
      {packets.length > 1 && (
        <label className="packet-picker">
          Packet{' '}
          <select value={run.id} onChange={(e) => select(e.target.value)}>
            {packets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id} {p.spec.from} → {p.spec.to}
                {p.spec.port ? `:${p.spec.port}` : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      <p className={`verdict verdict-${r.verdict}`} role="status" data-testid="verdict">
        <span className="swatch" style={{ background: run.color }} aria-hidden />
        {r.verdict === 'delivered' ? 'Delivered' : `Dropped (${r.reason?.code})`}
        {r.verdict === 'dropped' && <span className="reason">{r.reason?.message}</span>}
        {r.reply && <span className="muted"> · reply {r.reply.verdict}</span>}
      </p>
      {phases.map((ph) => (
        <div key={ph} className="phase">
          <h3>{PHASE_TITLE[ph]}</h3>
          <ol className="hops">
            {run.steps.map((st, i) =>
              st.phase === ph ? <HopRow key={i} hop={st.hop} index={i} place={nameOf(st.hop.at)} current={i === run.cursor} onSelect={onSelect} /> : null,
            )}
          </ol>
        </div>
      ))}
    </section>
  );
}
