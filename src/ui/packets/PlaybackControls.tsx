import { useStore, type StoreApi } from 'zustand';
import type { PacketSlice } from '../../store/packetStore';
import { SPEEDS } from '../../store/playback';

/** Play/pause, step back/forward, speed, replay, clear. */
export function PlaybackControls({ store }: { store: StoreApi<PacketSlice> }) {
  const playing = useStore(store, (s) => s.playing);
  const speed = useStore(store, (s) => s.speed);
  const count = useStore(store, (s) => s.packets.length);
  const a = store.getState();
  const disabled = count === 0;
  return (
    <div className="playback" role="toolbar" aria-label="Playback">
      <button type="button" onClick={() => (playing ? a.pause() : a.play())} disabled={disabled} aria-label={playing ? 'Pause' : 'Play'}>
        {playing ? 'Pause' : '▶ Play'}
      </button>
      <button type="button" onClick={a.stepBack} disabled={disabled} aria-label="Step back">
        ◀ Back
      </button>
      <button type="button" onClick={a.stepForward} disabled={disabled} aria-label="Step forward">
        Next ▶
      </button>
      <label>
        Speed{' '}
        <select aria-label="Speed" value={speed} onChange={(e) => a.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}x
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={a.replay} disabled={disabled} aria-label="Replay">
        ↺ Replay
      </button>
      <button type="button" onClick={a.clear} disabled={disabled} aria-label="Clear packets">
        ✕ Clear
      </button>
    </div>
  );
}
