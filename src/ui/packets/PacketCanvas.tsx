/** The canvas with packets on it: markers, send-mode clicks and the element context menu. */
import { useCallback, useState } from 'react';
import { useStore } from 'zustand';
import { Canvas } from '../canvas/Canvas';
import { usePacketStore } from './PacketsContext';
import { PacketMarkers } from './PacketMarkers';
import { ElementMenu, type MenuAt } from './ElementMenu';

export function PacketCanvas({ zoom }: { zoom?: number }) {
  const packets = usePacketStore();
  const picking = useStore(packets, (s) => s.pick.mode !== 'off');
  const [menu, setMenu] = useState<MenuAt | undefined>();
  const onClick = useCallback((id: string) => packets.getState().pickElement(id), [packets]);
  const onMenu = useCallback((id: string, at: { x: number; y: number }) => setMenu({ id, ...at }), []);
  const closeMenu = useCallback(() => setMenu(undefined), []);
  return (
    <>
      <Canvas zoom={zoom} onElementClick={onClick} onElementContextMenu={onMenu} {...(picking ? { className: 'picking' } : {})}>
        <PacketMarkers store={packets} />
      </Canvas>
      {menu && <ElementMenu at={menu} onClose={closeMenu} />}
    </>
  );
}
