/** The packets side panel: send form and send mode, playback controls, burst tally, hop inspector. */
import { useCallback, useMemo } from 'react';
import { useStore } from 'zustand';
import type { Scenario } from '../../sim/index';
import { useEditor } from '../state';
import { usePacketStore } from './PacketsContext';
import { SendForm, type SenderOption } from './SendForm';
import { PlaybackControls } from './PlaybackControls';
import { TallyChart } from './TallyChart';
import { HopInspector } from './HopInspector';
import './packets.css';

function senderOptions(s: Scenario): SenderOption[] {
  return [
    ...s.pods.map((p) => ({ id: p.id, label: `pod ${p.namespace === 'default' ? '' : `${p.namespace}/`}${p.name} (${p.ip})` })),
    ...s.nodes.map((n) => ({ id: n.id, label: `node ${n.name} (${n.ip})` })),
    ...s.clients.map((c) => ({ id: c.id, label: `${c.name} (${c.ip})` })),
  ];
}

function namesOf(s: Scenario): Map<string, string> {
  const m = new Map<string, string>();
  for (const list of [s.subnets, s.routers, s.nodes, s.pods, s.clients, s.services, s.loadBalancers, s.ingresses] as { id: string; name: string }[][]) {
    for (const e of list) m.set(e.id, e.name);
  }
  return m;
}

export function PacketPanel() {
  const store = usePacketStore();
  const scenario = useEditor((s) => s.scenario);
  const senders = useMemo(() => senderOptions(scenario), [scenario]);
  const names = useMemo(() => namesOf(scenario), [scenario]);
  const nameOf = useCallback((id: string) => names.get(id) ?? id, [names]);
  const pick = useStore(store, (s) => s.pick);
  const pickFrom = pick.mode === 'to' ? pick.from : undefined;
  return (
    <section className="packet-panel" aria-label="Packets">
      <div className="panel-head">
        <h2>Send a packet</h2>
        {pick.mode === 'off' ? (
          <button type="button" className="btn" onClick={() => store.getState().startPick()} title="Click a source on the canvas, then a target">
            Pick on canvas
          </button>
        ) : (
          <button type="button" className="btn" onClick={() => store.getState().cancelPick()}>
            Cancel picking
          </button>
        )}
      </div>
      {pick.mode !== 'off' && (
        <p className="pick-hint" role="status" aria-live="polite">
          {pick.mode === 'from' ? 'Click the source (a pod, node or outside client) on the canvas.' : `From ${nameOf(pick.mode === 'to' ? pick.from : '')}: now click the target.`}
        </p>
      )}
      <SendForm key={pickFrom ?? 'form'} store={store} senders={senders} {...(pickFrom ? { from: pickFrom } : {})} />
      <PlaybackControls store={store} />
      <TallyChart store={store} nameOf={nameOf} />
      <HopInspector store={store} nameOf={nameOf} />
    </section>
  );
}
