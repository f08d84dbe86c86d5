/** The packets side panel: send form and send mode, playback controls, burst tally, hop inspector. */
import { useCallback, useMemo } from 'react';
import { lazyPanel } from '../LazyPanel';
import { useStore } from 'zustand';
import { topology, type Scenario } from '../../sim/index';
import { useEditor } from '../state';
import { usePacketStore } from './PacketsContext';
import { SendForm, type SenderOption } from './SendForm';
import { PlaybackControls } from './PlaybackControls';
import { TallyChart } from './TallyChart';
import './packets-canvas.css';
import './send-form.css';
import './hops.css';
import './packet-panel.css';
import './hop-story.css';
import './packets-flows.css';
import { useT } from '../../i18n/useT';
import type { Translator } from '../../i18n/index';

/** The hop list and headers exist only once a packet was sent, so they load with the tracer, not before the first paint. */
export const HopInspector = lazyPanel(() => import('./HopInspector').then((m) => m.HopInspector));

function senderOptions(s: Scenario, t: Translator): SenderOption[] {
  return [
    ...s.pods.map((p) => ({ id: p.id, label: t('send.senderPod', { name: `${p.namespace === 'default' ? '' : `${p.namespace}/`}${p.name}`, ip: p.ip }) })),
    ...s.nodes.map((n) => ({ id: n.id, label: t('send.senderNode', { name: n.name, ip: n.ip }) })),
    ...s.clients.map((c) => ({ id: c.id, label: `${c.name} (${c.ip})` })),
  ];
}

export function PacketPanel() {
  const t = useT();
  const store = usePacketStore();
  const scenario = useEditor((s) => s.scenario);
  const senders = useMemo(() => senderOptions(scenario, t), [scenario, t]);
  const names = topology(scenario).names;
  const nameOf = useCallback((id: string) => names.get(id) ?? id, [names]);
  const pick = useStore(store, (s) => s.pick);
  const pickFrom = pick.mode === 'to' ? pick.from : undefined;
  const sent = useStore(store, (s) => s.packets.length > 0);
  return (
    <section className="packet-panel" aria-label={t('side.packets')}>
      <div className="panel-head">
        <h2>{t('packet.sendMode')}</h2>
        {pick.mode === 'off' ? (
          <button type="button" className="btn" onClick={() => store.getState().startPick()} title={t('send.pickTitle')}>
            {t('send.pick')}
          </button>
        ) : (
          <button type="button" className="btn" onClick={() => store.getState().cancelPick()}>
            {t('send.cancelPick')}
          </button>
        )}
      </div>
      {pick.mode !== 'off' && (
        <p className="pick-hint" role="status" aria-live="polite">
          {pick.mode === 'from' ? t('send.pickSource') : t('send.pickTarget', { name: nameOf(pick.mode === 'to' ? pick.from : '') })}
        </p>
      )}
      <SendForm key={pickFrom ?? 'form'} store={store} senders={senders} {...(pickFrom ? { from: pickFrom } : {})} />
      <PlaybackControls store={store} />
      <TallyChart store={store} nameOf={nameOf} />
      {sent ? <HopInspector store={store} nameOf={nameOf} /> : <p className="muted">{t('panel.noHops')}</p>}
    </section>
  );
}
