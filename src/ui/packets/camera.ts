/**
 * Whether the follow camera is gliding: a flag beside the canvas, so what depends on the view (the
 * marker label's side) is worked out once for the view the glide ends at, not on every frame of it.
 */
import { createStore } from 'zustand/vanilla';

export const cameraStore = createStore<{ moving: boolean }>(() => ({ moving: false }));

/** On React Flow's root while the camera glides (packets.css). */
export const CAMERA_MOVING = 'camera-moving';
