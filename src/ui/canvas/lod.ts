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

export const lodStore = createStore<{ far: boolean }>(() => ({ far: false }));

export function useFar(): boolean {
  return useStore(lodStore, (s) => s.far);
}

const isFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

/** Put inside <ReactFlow>: follows the zoom and flips the flag. */
export function ZoomWatcher() {
  const far = useFlowStore(isFar);
  useEffect(() => {
    lodStore.setState({ far });
  }, [far]);
  return null;
}
