/**
 * The canvas with packets on it: send-mode clicks, the element context menu, and once a packet is sent
 * the packet layer (markers, labels, follow camera, a burst's spread), fetched on demand (usePacketLayer.tsx).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { StoreApi } from 'zustand';
import type { PacketSlice } from '../../store/packetStore';
import { useStore } from 'zustand';
import { Canvas } from '../canvas/Canvas';
import { usePacketStore } from './PacketsContext';
import { CanvasTools } from './CanvasTools';
import { ElementMenu, type MenuAt } from './ElementMenu';
import { PacketLayerPending, usePacketLayer } from './usePacketLayer';
import { isFinished } from '../../store/playback';
import { useEditor } from '../state';

/**
 * The ids of the elements visited by the packets on the canvas, as one string (a stable selector
 * result). Runs on every animation frame: it is worked out again only when the packets on the canvas
 * change (a packet's steps never change), not as they move.
 */
let visitedFor: readonly unknown[] = [];
let visitedKey = '';
function visitedKeyOf(s: PacketSlice): string {
  const steps = s.packets.filter((p) => p.onCanvas).map((p) => p.steps);
  if (steps.length === visitedFor.length && steps.every((x, i) => x === visitedFor[i])) return visitedKey;
  const ids = new Set<string>();
  for (const list of steps) for (const st of list) ids.add(st.hop.at);
  visitedFor = steps;
  visitedKey = [...ids].sort().join('\n');
  return visitedKey;
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('.react-flow__node') !== null;
}

/** ← and → step the selected packet through its hops (not while typing, nor on a focused canvas element, which the keys move). */
function useStepKeys(packets: StoreApi<PacketSlice>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      const s = packets.getState();
      if (!s.packets.some((p) => p.id === s.selectedPacket)) return;
      e.preventDefault();
      if (e.key === 'ArrowRight') s.stepForward();
      else s.stepBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [packets]);
}

export function PacketCanvas({ zoom }: { zoom?: number | undefined }) {
  const packets = usePacketStore();
  const picking = useStore(packets, (s) => s.pick.mode !== 'off');
  const [menu, setMenu] = useState<MenuAt | undefined>();
  useStepKeys(packets);
  // The elements the packets on the canvas visit keep their names at every level of detail.
  const visited = useStore(packets, visitedKeyOf);
  const keepVisible = useMemo(() => new Set(visited ? visited.split('\n') : []), [visited]);
  // Send N: once its dots have all arrived, the spread shows on the Service → endpoint lines.
  const burst = useStore(packets, (s) => (s.lastBurst && s.packets.every((p) => !p.onCanvas || !p.burst || isFinished(p)) ? s.lastBurst : undefined));
  const scenario = useEditor((s) => s.scenario);
  // The packet layer's code is wanted from the first Send on (it usually came with the idle preload).
  const wanted = useStore(packets, (s) => s.loadingTracer === true || s.packets.length > 0);
  const onCanvas = useStore(packets, (s) => s.packets.some((p) => p.onCanvas));
  const layer = usePacketLayer(wanted);
  const code = layer.code;
  const flows = useMemo(() => (burst && code ? code.burstFlows(scenario, burst.results) : undefined), [burst, scenario, code]);
  const onClick = useCallback((id: string) => void packets.getState().pickElement(id), [packets]);
  const onMenu = useCallback((id: string, at: { x: number; y: number }) => setMenu({ id, ...at }), []);
  const closeMenu = useCallback(() => setMenu(undefined), []);
  return (
    <>
      <Canvas
        zoom={zoom}
        keepVisible={keepVisible}
        {...(flows ? { flows } : {})}
        onElementClick={onClick}
        onElementContextMenu={onMenu}
        {...(picking ? { className: 'picking' } : {})}
      >
        {code ? <code.PacketLayer store={packets} /> : onCanvas && <PacketLayerPending failed={layer.failed} retry={layer.retry} />}
        <CanvasTools />
      </Canvas>
      {menu && <ElementMenu at={menu} onClose={closeMenu} />}
    </>
  );
}
