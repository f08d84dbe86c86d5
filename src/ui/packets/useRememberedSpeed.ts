import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import type { PacketSlice } from '../../store/packetStore';
import { setView, viewStore } from '../view';

/** Playback speed survives a reload: start at the remembered speed, remember each change. */
export function useRememberedSpeed(store: StoreApi<PacketSlice>): void {
  useEffect(() => {
    store.getState().setSpeed(viewStore.getState().speed);
    return store.subscribe((s, prev) => {
      if (s.speed !== prev.speed) setView({ speed: s.speed });
    });
  }, [store]);
}
