/**
 * Code fetched on demand, once: `load()` starts the fetch (later calls share it) and `now()` gives the
 * module without waiting once it is here. A failed fetch (the connection dropped, or the app was
 * updated since the page opened) is not remembered, so the next `load()` tries again.
 */
export interface OnDemand<T> {
  load(): Promise<T>;
  now(): T | undefined;
  /** Call `listener` once the module is here (whichever `load()` fetched it); returns the unsubscribe. */
  onLoad(listener: () => void): () => void;
}

export function onDemand<T>(fetch: () => Promise<T>): OnDemand<T> {
  let pending: Promise<T> | undefined;
  let loaded: T | undefined;
  const listeners = new Set<() => void>();
  return {
    load() {
      pending ??= fetch().then(
        (m) => {
          loaded = m;
          for (const l of [...listeners]) l();
          return m;
        },
        (e: unknown) => {
          pending = undefined;
          throw e;
        },
      );
      return pending;
    },
    now: () => loaded,
    onLoad(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
