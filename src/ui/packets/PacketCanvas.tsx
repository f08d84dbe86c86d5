/** The canvas with packets on it: markers, send-mode clicks and the element context menu. */
import { useCallback, useMemo, useState } from 'react';
import type { PacketSlice } from '../../store/packetStore';
import { useStore } from 'zustand';
import { Canvas } from '../canvas/Canvas';
import { usePacketStore } from './PacketsContext';
import { PacketMarkers } from './PacketMarkers';
import { ElementMenu, type MenuAt } from './ElementMenu';

/** The ids of the elements visited by the packets on the canvas, as one string (a stable selector result). */
function visitedKeyOf(s: PacketSlice): string {
  const ids = new Set<string>();
  for (const p of s.packets) if (p.onCanvas) for (const st of p.steps) ids.add(st.hop.at);
  return [...ids].sort().join('\n');
}

export function PacketCanvas({ zoom }: { zoom?: number }) {
  const packets = usePacketStore();
  const picking = useStore(packets, (s) => s.pick.mode !== 'off');
  const [menu, setMenu] = useState<MenuAt | undefined>();
  // The elements the packets on the canvas visit keep their names at every level of detail.
  const visitedKey = useStore(packets, visitedKeyOf);
  const keepVisible = useMemo(() => new Set(visitedKey ? visitedKey.split('\n') : []), [visitedKey]);
  const onClick = useCallback((id: string) => packets.getState().pickElement(id), [packets]);
  const onMenu = useCallback((id: string, at: { x: number; y: number }) => setMenu({ id, ...at }), []);
  const closeMenu = useCallback(() => setMenu(undefined), []);
  return (
    <>
      <Canvas zoom={zoom} keepVisible={keepVisible} onElementClick={onClick} onElementContextMenu={onMenu} {...(picking ? { className: 'picking' } : {})}>
        <PacketMarkers store={packets} />
      </Canvas>
      {menu && <ElementMenu at={menu} onClose={closeMenu} />}
    </>
  );
}
