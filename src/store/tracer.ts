/**
 * The packet tracer, loaded on demand. The editor, the canvas and validation start without it; it is
 * fetched when the first packet is sent, or earlier when the browser is idle after the first paint
 * (`preloadTracer`), so that a send rarely waits. One load serves the whole app.
 */
import type * as TracerDoor from '../sim/tracer';
import { onDemand } from './onDemand';

export type Tracer = typeof TracerDoor;

// The trace's English sentences come with it (other languages' packs carry theirs).
const tracer = onDemand(() => Promise.all([import('../sim/tracer'), import('../i18n/sim/trace-messages')]).then(([m]) => m));

/** The tracer module (fetched once; a failed fetch is tried again by the next send). */
export const loadTracer = tracer.load;

/** The tracer if it is here already (no waiting). */
export const tracerIfLoaded = tracer.now;

/** Be told when the tracer arrives (fetched by whichever of its users asked first); returns the unsubscribe. */
export const onTracerLoaded = tracer.onLoad;

/** Run `work` when the main thread has nothing better to do (after the first paint), within 2 s. */
export function whenIdle(work: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  if (idle) idle(work, { timeout: 2000 });
  else setTimeout(work, 200);
}

/** Fetch the tracer when the page is idle, so the first Send rarely waits. */
export function preloadTracer(): void {
  whenIdle(() => void loadTracer().catch(() => undefined));
}
