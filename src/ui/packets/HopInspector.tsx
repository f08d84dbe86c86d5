import { useCallback } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { PacketSlice } from '../../store/packetStore';
import type { PacketRun, Phase } from '../../store/playback';
import { HopRow } from './HopRow';
import { PolicyVerdict } from '../policy/PolicyVerdict';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/index';

const PHASE_TITLE: Record<Phase, MessageKey> = {
  dns: 'hops.dns',
  'dns-reply': 'hops.dnsReply',
  request: 'packet.request',
  upstream: 'hops.upstream',
  'upstream-reply': 'hops.upstreamReply',
  reply: 'packet.reply',
};
const PHASES = Object.keys(PHASE_TITLE) as Phase[];

function selectedRun(s: PacketSlice): PacketRun | undefined {
  return s.packets.find((p) => p.id === s.selectedPacket);
}

/** The selected packet's hops, grouped by phase, with the current hop marked. */
export function HopInspector({ store, nameOf }: { store: StoreApi<PacketSlice>; nameOf(id: string): string }) {
  const t = useT();
  const run = useStore(store, selectedRun);
  const packets = useStore(store, (s) => s.packets);
  const select = useStore(store, (s) => s.select);
  const seek = useStore(store, (s) => s.seek);
  const resend = useStore(store, (s) => s.send);
  const onSelect = useCallback((i: number) => seek(i), [seek]);
  if (!run) return <p className="muted">{t('panel.noHops')}</p>;
  const r = run.result;
  const phases = PHASES.filter((ph) => run.steps.some((st) => st.phase === ph));
  return (
    <section className="hop-inspector" aria-label={t('hops.label')}>
      {packets.length > 1 && (
        <label className="packet-picker">
          {t('hops.packet')}{' '}
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
        {r.verdict === 'delivered' ? t('packet.delivered') : `${t('packet.dropped')} (${r.reason?.code})`}
        {r.verdict === 'dropped' && <span className="reason">{r.reason?.message}</span>}
        {r.reply && <span className="muted"> · {t(r.reply.verdict === 'delivered' ? 'hops.replyDelivered' : 'hops.replyDropped')}</span>}
      </p>
      <PolicyVerdict result={r} spec={run.spec} resend={resend} />
      {phases.map((ph) => (
        <div key={ph} className="phase">
          <h3>{t(PHASE_TITLE[ph])}</h3>
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
