/**
 * Code fetched on demand, once: `load()` starts the fetch (later calls share it) and `now()` gives the
 * module without waiting once it is here. A failed fetch (the connection dropped, or the app was
 * updated since the page opened) is not remembered, so the next `load()` tries again.
 */
export interface OnDemand<T> {
  load(): Promise<T>;
  now(): T | undefined;
}

export function onDemand<T>(fetch: () => Promise<T>): OnDemand<T> {
  let pending: Promise<T> | undefined;
  let loaded: T | undefined;
  return {
    load() {
      pending ??= fetch().then(
        (m) => (loaded = m),
        (e: unknown) => {
          pending = undefined;
          throw e;
        },
      );
      return pending;
    },
    now: () => loaded,
  };
}
