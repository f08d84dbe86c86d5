/**
 * Level of detail. Far out, a pod is a coloured tile and cards show only their names: text too
 * small to read costs layout and paint on every frame. One small store holds the flag, so node
 * components re-render when it flips, not on every zoom step.
 */
import { useEffect } from 'react';
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { useStore as useFlowStore, type ReactFlowState } from '@xyflow/react';

/** Below this zoom pods are drawn as plain tiles. */
export const FAR_ZOOM = 0.5;
/**
 * Below this zoom (and above FAR_ZOOM) cards keep their names and addresses but drop what is too
 * small to read or costly to draw on every pan frame: pod label chips, shadows, gradients, rounded
 * clips. Done with one class on the canvas (`lod-mid`, see the canvas styles (src/ui/styles/canvas.css)), so no node re-renders.
 */
export const MID_ZOOM = 0.8;

/**
 * Above this many pods a scenario is `dense`: the canvas opens in the far level of detail (it will
 * be fitted), and at the middle level endpoint lines are drawn solid (see the canvas styles (src/ui/styles/canvas.css)).
 */
export const DENSE_PODS = 300;

export const lodStore = createStore<{ far: boolean; mid: boolean }>(() => ({ far: false, mid: false }));

export function useFar(): boolean {
  return useStore(lodStore, (s) => s.far);
}

export function useMid(): boolean {
  return useStore(lodStore, (s) => s.mid);
}

const isFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;
const isMid = (s: ReactFlowState) => s.transform[2] < MID_ZOOM;

/** Put inside <ReactFlow>: follows the zoom and flips the flags. */
export function ZoomWatcher() {
  const far = useFlowStore(isFar);
  const mid = useFlowStore(isMid) && !far;
  useEffect(() => {
    lodStore.setState({ far, mid });
  }, [far, mid]);
  return null;
}
