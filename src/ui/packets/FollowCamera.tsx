/**
 * Follow the packet: while the selected packet moves, the camera keeps the element of its current
 * hop in view at a readable zoom, panning smoothly when the hop leaves the middle of the view.
 * Off (the toggle over the canvas), the view stays where the user put it.
 */
import { useEffect, useRef } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { PacketSlice } from '../../store/packetStore';
import { hopPoint } from './geometry';
import { useGeometry } from './PacketMarkers';
import { useView } from '../view';

/** Card text is 14px or more: at this zoom it renders at 11px or more. */
export const READABLE_ZOOM = 0.8;
/**
 * How close (a fraction of the view, from each side) the current hop may come to the edge before
 * the camera moves; then it re-centres on the hop, so a walk across the canvas pans now and then,
 * not on every hop (a pan on a big canvas mounts and unmounts the elements that come and go).
 */
const MARGIN = 0.1;
const GLIDE_MS = 450;
/** On React Flow's root while the camera glides (packets.css). */
export const CAMERA_MOVING = 'camera-moving';

function currentHop(s: PacketSlice) {
  const p = s.packets.find((x) => x.id === s.selectedPacket);
  if (!p || !p.onCanvas) return undefined;
  return `${p.id}#${p.cursor}`;
}

export function FollowCamera({ store }: { store: StoreApi<PacketSlice> }) {
  const follow = useView((v) => v.follow);
  const key = useStore(store, currentHop);
  const rf = useReactFlow();
  const flow = useStoreApi();
  const geometry = useGeometry();
  const last = useRef<string | undefined>(undefined);
  const glides = useRef(0);
  useEffect(() => {
    if (!follow || !key || key === last.current) return;
    last.current = key;
    const s = store.getState();
    const p = s.packets.find((x) => x.id === s.selectedPacket);
    const hop = p?.steps[p.cursor]?.hop;
    if (!hop) return;
    const pt = hopPoint(geometry, hop);
    if (!pt) return;
    const { width, height, transform } = flow.getState();
    const [tx, ty, zoom] = transform;
    const sx = pt.x * zoom + tx;
    const sy = pt.y * zoom + ty;
    const inside = sx > width * MARGIN && sx < width * (1 - MARGIN) && sy > height * MARGIN && sy < height * (1 - MARGIN);
    if (inside && zoom >= READABLE_ZOOM) return;
    const reduce = store.getState().reducedMotion;
    // While the camera glides the viewport is its own layer, as in a pan by hand (app.css): each frame
    // moves pixels already drawn instead of repainting every card in view. Dropped when it stops, so
    // the view is drawn sharp at its new zoom.
    const root = flow.getState().domNode;
    const moves = ++glides.current;
    if (!reduce) root?.classList.add(CAMERA_MOVING);
    void rf.setCenter(pt.x, pt.y, { zoom: Math.max(zoom, READABLE_ZOOM), duration: reduce ? 0 : GLIDE_MS }).then(() => {
      if (glides.current === moves) root?.classList.remove(CAMERA_MOVING);
    });
  }, [follow, key, store, rf, flow, geometry]);
  return null;
}
