/**
 * Calico's veth names on the canvas (`cali` + 11 hex digits of a SHA-1, src/sim/dataplane/cali-name.ts).
 * The hash comes with the tracer, which the page fetches when idle after the first paint; a Calico
 * cluster on the canvas asks for it at once. Until it is here the cards show `cali…` (the name is
 * being worked out, never a wrong one); if the fetch fails they keep that until the tracer arrives
 * (the next Send fetches it again).
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { Pod } from '../../sim/index';
import { loadTracer, onTracerLoaded, tracerIfLoaded } from '../../store/tracer';

export type CaliNameOf = (pod: Pick<Pod, 'namespace' | 'name'>) => string;

/** What a Calico veth is called on the canvas while its name is being worked out. */
export const CALI_PENDING = 'cali…';

const caliNameNow = (): CaliNameOf | undefined => tracerIfLoaded()?.caliName;

/** Calico's veth names once they can be worked out; with `calico` (a Calico cluster is shown) they are fetched now. */
export function useCaliNames(calico: boolean): CaliNameOf | undefined {
  const caliName = useSyncExternalStore(onTracerLoaded, caliNameNow);
  useEffect(() => {
    if (calico && !caliName) loadTracer().catch(() => undefined);
  }, [calico, caliName]);
  return caliName;
}
