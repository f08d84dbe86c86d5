/** React access to the packets store (one per app, created over the editor store's scenario). */
import { createContext, useContext, type ReactNode } from 'react';
import type { StoreApi } from 'zustand';
import type { PacketSlice } from '../../store/packetStore';

const PacketsContext = createContext<StoreApi<PacketSlice> | null>(null);

export function PacketsProvider({ store, children }: { store: StoreApi<PacketSlice>; children: ReactNode }) {
  return <PacketsContext.Provider value={store}>{children}</PacketsContext.Provider>;
}

export function usePacketStore(): StoreApi<PacketSlice> {
  const store = useContext(PacketsContext);
  if (!store) throw new Error('usePacketStore outside <PacketsProvider>');
  return store;
}

/** The packets store when there is one (the inspector also renders without it in some tests). */
export function useOptionalPacketStore(): StoreApi<PacketSlice> | null {
  return useContext(PacketsContext);
}
