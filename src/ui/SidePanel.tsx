/** The right-hand panel: the inspector and problems, or the packets (send, playback, hop inspector). */
import { useEffect, useState, type ReactNode } from 'react';
import { usePacketStore } from './packets/PacketsContext';
import { PacketPanel } from './packets/PacketPanel';
import { useT } from '../i18n/useT';

export type SideTab = 'inspect' | 'packets';

export function SidePanel({ inspect }: { inspect: ReactNode }) {
  const t = useT();
  const packets = usePacketStore();
  const [tab, setTab] = useState<SideTab>('inspect');
  // Sending a packet (from the form, the canvas or a lesson) brings its hops into view.
  useEffect(
    () =>
      packets.subscribe((s, prev) => {
        if (s.packets.length > prev.packets.length || (s.pick.mode !== 'off' && prev.pick.mode === 'off')) setTab('packets');
      }),
    [packets],
  );
  return (
    <div className="side">
      <div className="side-tabs" role="tablist" aria-label={t('side.label')}>
        <button type="button" role="tab" id="tab-inspect" aria-selected={tab === 'inspect'} aria-controls="panel-inspect" onClick={() => setTab('inspect')}>
          {t('panel.inspector')}
        </button>
        <button type="button" role="tab" id="tab-packets" aria-selected={tab === 'packets'} aria-controls="panel-packets" onClick={() => setTab('packets')}>
          {t('side.packets')}
        </button>
      </div>
      <div id="panel-inspect" role="tabpanel" aria-labelledby="tab-inspect" hidden={tab !== 'inspect'} className="side-panel">
        {inspect}
      </div>
      <div id="panel-packets" role="tabpanel" aria-labelledby="tab-packets" hidden={tab !== 'packets'} className="side-panel">
        <PacketPanel />
      </div>
    </div>
  );
}
