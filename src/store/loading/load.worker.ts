/**
 * Opens a scenario off the main thread (see loadSteps.ts): the page stays responsive and shows each
 * step as it starts; a scenario that takes too long is stopped from the page (loader.ts).
 */
import type { LoadMessage, LoadRequest } from './loadProtocol';
import { runLoad } from './loadSteps';

const post = (m: LoadMessage) => (self as unknown as { postMessage(m: LoadMessage): void }).postMessage(m);

self.onmessage = (e: MessageEvent<LoadRequest>) => {
  try {
    const outcome = runLoad(e.data, (step, counts) => post({ type: 'step', step, ...(counts ? { counts } : {}) }));
    post({ type: 'done', outcome });
  } catch (err) {
    post({ type: 'error', message: (err as Error).message });
  }
};
