/**
 * What the canvas draws once a packet has been sent: the markers with their labels and drop badges,
 * the follow camera, and a burst's spread over the Service → endpoint lines. Nothing of it shows
 * before the first Send, so it is fetched with the tracer (usePacketLayer.tsx), not before the first paint.
 */
import type { StoreApi } from 'zustand';
import type { PacketSlice } from '../../store/packetStore';
import { PacketMarkers } from './PacketMarkers';
import { FollowCamera } from './FollowCamera';

export { burstFlows } from './burstFlows';

/** Put inside <ReactFlow>. */
export function PacketLayer({ store }: { store: StoreApi<PacketSlice> }) {
  return (
    <>
      <PacketMarkers store={store} />
      <FollowCamera store={store} />
    </>
  );
}
