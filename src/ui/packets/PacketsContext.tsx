/** React access to the packets store (one per app, created over the editor store's scenario). */
import type { ReactNode } from 'react';
import type { StoreApi } from 'zustand';
import type { PacketSlice } from '../../store/packetStore';
import { createStoreContext } from '../storeContext';

const packets = createStoreContext<StoreApi<PacketSlice>>('PacketStore');

export function PacketsProvider({ store, children }: { store: StoreApi<PacketSlice>; children: ReactNode }) {
  return <packets.Provider value={store}>{children}</packets.Provider>;
}

export const usePacketStore: () => StoreApi<PacketSlice> = packets.useRequired;

/** The packets store when there is one (the inspector also renders without it in some tests). */
export const useOptionalPacketStore: () => StoreApi<PacketSlice> | null = packets.useOptional;
