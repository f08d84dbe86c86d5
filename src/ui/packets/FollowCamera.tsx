/**
 * Follow the packet: while the selected packet moves, the camera keeps the element of its current
 * hop in view at a readable zoom, gliding when the hop leaves the middle of the view and cutting
 * when it is more than half a view beyond it (camera.ts followTarget).
 * Off (the toggle over the canvas), the view stays where the user put it.
 */
import { useEffect, useRef } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { PacketSlice } from '../../store/packetStore';
import { hopPoint } from './geometry';
import { useGeometry } from './flowGeometry';
import { useView } from '../view';
import { CAMERA_MOVING, cameraStore, followTarget } from './camera';

export { READABLE_ZOOM } from './camera';

const GLIDE_MS = 450;
/**
 * The glide moves the view in a straight line at the zoom it ends at. React Flow's default ('smooth',
 * d3's van Wijk zoom) flies a long way by zooming out and back in: on the stress page a jump across
 * the canvas went down to zoom 0.44, past the far level of detail (lod.ts), which turns culling off
 * and mounted every card (~1,000) for one frame and unmounted them the next: two frames of
 * 350-450 ms in a 450 ms glide (Chromium, bench/playback-fps.ts). Nor would a learner's eye follow
 * the packet through a zoom-out of the whole cluster.
 */
const GLIDE = { interpolate: 'linear', ease: (t: number) => t } as const;

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
  /** The zoom the glide under way ends at, and when it ends (mid-glide the view's own zoom is on its way there). */
  const target = useRef({ zoom: 0, until: 0 });
  useEffect(() => {
    if (!follow || !key || key === last.current) return;
    last.current = key;
    const s = store.getState();
    const p = s.packets.find((x) => x.id === s.selectedPacket);
    const hop = p?.steps[p.cursor]?.hop;
    if (!hop) return;
    const pt = hopPoint(geometry, hop);
    if (!pt) return;
    const glide = performance.now() < target.current.until ? target.current.zoom : undefined;
    const to = followTarget(pt, flow.getState(), glide);
    if (!to) return;
    const reduce = store.getState().reducedMotion;
    // While the camera glides the viewport is its own layer, as in a pan by hand (app.css): each frame
    // moves pixels already drawn instead of repainting every card in view. Dropped when it stops, so
    // the view is drawn sharp at its new zoom.
    const root = flow.getState().domNode;
    const moves = ++glides.current;
    // A hop more than half a view beyond the edge of the view is a cut, not a glide: a glide there sweeps over
    // every card in between, and React Flow mounts and unmounts each as it passes (on the stress page ~50
    // cards a frame, frames of 50-120 ms); a cut mounts the cards at the destination once. A blur of
    // cards rushing past shows the learner nothing either (the marker's own trip along its link is unchanged).
    const far = to.far;
    const duration = reduce || far ? 0 : GLIDE_MS;
    target.current = { zoom: to.zoom, until: performance.now() + duration };
    void rf.setCenter(pt.x, pt.y, { ...GLIDE, zoom: to.zoom, duration });
    if (duration === 0) {
      root?.classList.remove(CAMERA_MOVING);
      cameraStore.setState({ glide: undefined });
      return;
    }
    root?.classList.add(CAMERA_MOVING);
    cameraStore.setState({ glide: { x: to.x, y: to.y, zoom: to.zoom } });
    // Ended by time, not by the transition's promise: a pan by hand interrupts the transition, which then never resolves.
    window.setTimeout(() => {
      if (glides.current !== moves) return;
      root?.classList.remove(CAMERA_MOVING);
      cameraStore.setState({ glide: undefined });
    }, duration + 20);
  }, [follow, key, store, rf, flow, geometry]);
  return null;
}
