import { useCallback, useId, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore, type StoreApi } from 'zustand';
import type { PacketSlice } from '../../store/packetStore';
import type { PacketRun, Phase } from '../../store/playback';
import { HopRow } from './HopRow';
import { PolicyVerdict } from '../policy/PolicyVerdict';
import { groupSteps, groupSummary } from './hopGroups';
import { MatchLinks } from '../inside/MatchLinks';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/index';
import { hasClusterDns } from '../../sim/index';
import { useEditor } from '../state';
import { AddClusterDnsButton } from '../problems/ProblemsPanel';
import { SimText } from '../SimText';
// This panel shows trace sentences and may open before the tracer has loaded them.
import '../../i18n/sim/trace-messages';
import '../../i18n/parts/hops';

const PHASE_TITLE: Record<Phase, MessageKey> = {
  dns: 'hops.dns',
  'dns-reply': 'hops.dnsReply',
  request: 'packet.request',
  upstream: 'hops.upstream',
  'upstream-reply': 'hops.upstreamReply',
  reply: 'packet.reply',
};

/**
 * A packet as the list shows it: its number, then the sender and destination by their current names
 * (`#2 curl → web:80`), not by element ids, so renames show up.
 */
export function packetLabel(p: Pick<PacketRun, 'id' | 'spec'>, nameOf: (id: string) => string): string {
  const n = /(\d+)$/.exec(p.id)?.[1];
  return `${n ? `#${n} ` : ''}${nameOf(p.spec.from)} → ${nameOf(p.spec.to)}${p.spec.port ? `:${p.spec.port}` : ''}`;
}

function selectedRun(s: PacketSlice): PacketRun | undefined {
  return s.packets.find((p) => p.id === s.selectedPacket);
}

/**
 * The selected packet without its moving parts (cursor, progress, delay): every field is the same
 * object from one animation frame to the next, so with a shallow compare the hop list renders when
 * the packet changes or reaches another hop, not on every frame of its glide.
 */
function selectedShape(s: PacketSlice): Pick<PacketRun, 'id' | 'color' | 'spec' | 'result' | 'steps'> | undefined {
  const p = selectedRun(s);
  return p && { id: p.id, color: p.color, spec: p.spec, result: p.result, steps: p.steps };
}

/** The selected packet's hops, grouped by phase and by the element they happen on, with the current hop open. */
export function HopInspector({ store, nameOf }: { store: StoreApi<PacketSlice>; nameOf(id: string): string }) {
  const t = useT();
  const run = useStore(store, useShallow(selectedShape));
  const cursor = useStore(store, (s) => selectedRun(s)?.cursor ?? -1);
  const packetIds = useStore(
    store,
    useShallow((s) => s.packets.map((p) => p.id)),
  );
  const specs = useStore(
    store,
    useShallow((s) => s.packets.map((p) => p.spec)),
  );
  const select = useStore(store, (s) => s.select);
  const seek = useStore(store, (s) => s.seek);
  const resend = useStore(store, (s) => s.send);
  const onSelect = useCallback((i: number) => seek(i), [seek]);
  const dnsPresent = useEditor((s) => hasClusterDns(s.scenario));
  const headingId = useId();
  const scenario = useEditor((s) => s.scenario);
  const results = useStore(
    store,
    useShallow((s) => s.packets.map((p) => p.result)),
  );
  const steps = run?.steps;
  const groups = useMemo(() => (steps ? groupSteps(steps) : []), [steps]);
  if (!run) return <p className="muted">{t('panel.noHops')}</p>;
  const r = run.result;
  return (
    <section className="hop-inspector" aria-labelledby={`${headingId}`}>
      <h2 className="hops-title" id={headingId}>
        {t('hops.label')}
      </h2>
      {packetIds.length > 1 && (
        <label className="packet-picker">
          {t('hops.packet')}{' '}
          <select value={run.id} onChange={(e) => select(e.target.value)}>
            {packetIds.map((id, i) => (
              <option key={id} value={id}>
                {packetLabel({ id, spec: specs[i]! }, nameOf)}
              </option>
            ))}
          </select>
        </label>
      )}
      <p className={`verdict verdict-${r.verdict}`} role="status" data-testid="verdict">
        <span className="swatch" style={{ background: run.color }} aria-hidden />
        {r.verdict === 'delivered' ? t('packet.delivered') : `${t('packet.dropped')} (${r.reason?.code})`}
        {r.http && (
          <span className="http-status" data-testid="http-status">
            {' · '}
            {t('packet.httpStatus', { status: `${r.http.status} ${r.http.text}` })}
          </span>
        )}
        {r.verdict === 'dropped' && r.reason && <SimText className="reason" msg={r.reason.msg} />}
        {r.verdict === 'dropped' && r.reason?.code === 'dns-unavailable' && !dnsPresent && <AddClusterDnsButton />}
        {r.reply && <span className="muted"> · {t(r.reply.verdict === 'delivered' ? 'hops.replyDelivered' : 'hops.replyDropped')}</span>}
      </p>
      <PolicyVerdict result={r} spec={run.spec} resend={resend} />
      {groups.map(({ phase, groups: byPlace }, k) => (
        <div key={`${phase}-${k}`} className={`phase phase-${phase}`}>
          <h3>{t(PHASE_TITLE[phase])}</h3>
          {byPlace.map((g) => (
            <section key={g.steps[0]} className={`hop-group${g.steps.includes(cursor) ? ' has-current' : ''}`} aria-label={nameOf(g.at)}>
              <h4 className="hop-group-head">
                <span className="hop-group-place">{nameOf(g.at)}</span>
                <span className="hop-group-summary">{groupSummary(run, g, t)}</span>
              </h4>
              <ol className="hops">
                {g.steps.map((i) => {
                  const prev = i > 0 && run.steps[i - 1]!.phase === run.steps[i]!.phase ? run.steps[i - 1]!.hop : undefined;
                  return (
                    <HopRow
                      key={i}
                      hop={run.steps[i]!.hop}
                      {...(prev ? { prev } : {})}
                      index={i}
                      place={nameOf(g.at)}
                      current={i === cursor}
                      onSelect={onSelect}
                      extra={<MatchLinks scenario={scenario} hop={run.steps[i]!.hop} {...(prev ? { prev } : {})} results={results} nameOf={nameOf} />}
                    />
                  );
                })}
              </ol>
            </section>
          ))}
        </div>
      ))}
    </section>
  );
}
