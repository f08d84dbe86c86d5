import { useEffect } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { PacketSlice } from '../../store/packetStore';

/** Drive playback from requestAnimationFrame while playing, and follow the user's reduced-motion setting. */
export function usePlaybackClock(store: StoreApi<PacketSlice>): void {
  const playing = useStore(store, (s) => s.playing);
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function loop(now) {
      // Cap a long gap (a background tab) so the marker does not teleport.
      store.getState().tick(Math.min(100, now - last));
      last = now;
      frame = requestAnimationFrame(loop);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, store]);

  useEffect(() => {
    const mq = window.matchMedia?.('(prefers-reduced-motion: reduce)');
    if (!mq) return;
    const apply = () => store.getState().setReducedMotion(mq.matches);
    apply();
    mq.addEventListener('change', apply);
    return () => mq.removeEventListener('change', apply);
  }, [store]);
}
