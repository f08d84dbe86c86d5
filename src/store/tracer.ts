/**
 * The packet tracer, loaded on demand. The editor, the canvas and validation start without it; it is
 * fetched when the first packet is sent, or earlier when the browser is idle after the first paint
 * (`preloadTracer`), so that a send rarely waits. One load serves the whole app.
 */
import type * as TracerDoor from '../sim/tracer';

export type Tracer = typeof TracerDoor;

let pending: Promise<Tracer> | undefined;
let loaded: Tracer | undefined;

/** The tracer if it is here already (no waiting). */
export function tracerIfLoaded(): Tracer | undefined {
  return loaded;
}

/** The tracer module (fetched once; later calls share the same promise). */
export function loadTracer(): Promise<Tracer> {
  // A failed fetch (the connection dropped) is not remembered: the next send tries again.
  // The trace's English sentences come with it (other languages' packs carry theirs).
  pending ??= Promise.all([import('../sim/tracer'), import('../i18n/sim/trace-messages')]).then(
    ([m]) => (loaded = m),
    (e: unknown) => {
      pending = undefined;
      throw e;
    },
  );
  return pending;
}

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
