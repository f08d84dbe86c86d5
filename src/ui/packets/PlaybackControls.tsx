import { useStore, type StoreApi } from 'zustand';
import type { PacketSlice } from '../../store/packetStore';
import { SPEEDS } from '../../store/playback';
import { useT } from '../../i18n/useT';

/** Play/pause, step back/forward, speed, replay, clear, and a timeline of the selected packet's hops. */
export function PlaybackControls({ store }: { store: StoreApi<PacketSlice> }) {
  const t = useT();
  const playing = useStore(store, (s) => s.playing);
  const speed = useStore(store, (s) => s.speed);
  const count = useStore(store, (s) => s.packets.length);
  const a = store.getState();
  const disabled = count === 0;
  const cursor = useStore(store, (s) => s.packets.find((p) => p.id === s.selectedPacket)?.cursor ?? -1);
  const last = useStore(store, (s) => (s.packets.find((p) => p.id === s.selectedPacket)?.steps.length ?? 0) - 1);
  return (
    <div className="playback" role="toolbar" aria-label={t('playback.label')}>
      <button
        type="button"
        onClick={() => (playing ? a.pause() : a.play())}
        disabled={disabled}
        aria-label={playing ? t('playback.pause') : t('playback.play')}
      >
        {playing ? t('playback.pause') : `▶ ${t('playback.play')}`}
      </button>
      <button type="button" onClick={a.stepBack} disabled={disabled} aria-label={t('playback.stepBack')}>
        ◀ {t('playback.back')}
      </button>
      <button type="button" onClick={a.stepForward} disabled={disabled} aria-label={t('playback.stepForward')}>
        {t('playback.next')} ▶
      </button>
      <label>
        {t('playback.speed')}{' '}
        <select aria-label={t('playback.speed')} value={speed} onChange={(e) => a.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}x
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={a.replay} disabled={disabled} aria-label={t('playback.replay')}>
        ↺ {t('playback.replay')}
      </button>
      <button type="button" onClick={a.clear} disabled={disabled} aria-label={t('playback.clearPackets')}>
        ✕ {t('playback.clear')}
      </button>
      {cursor >= 0 && last > 0 && (
        <label className="scrubber" title={t('playback.keysHint')}>
          <input
            type="range"
            min={0}
            max={last}
            step={1}
            value={cursor}
            data-testid="scrubber"
            aria-label={t('playback.timeline', { n: cursor + 1, total: last + 1 })}
            aria-valuetext={t('playback.timeline', { n: cursor + 1, total: last + 1 })}
            onChange={(e) => a.seek(Number(e.target.value))}
          />
          <span className="scrubber-pos">
            {cursor + 1}/{last + 1}
          </span>
        </label>
      )}
    </div>
  );
}
