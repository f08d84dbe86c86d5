/**
 * What the page shows while a scenario loads: which load is running, its current step and the
 * counts once parsed (a vanilla store, read by LoadingProgress). `loadWithProgress` runs a load
 * through the worker and keeps the store up to date; after a good load the step is `render` until
 * the caller has put the scenario on the canvas and calls `endLoading`.
 */
import { createStore } from 'zustand/vanilla';
import type { LoadCounts, LoadRequest, LoadStep } from './loadProtocol';
import { startLoad, type LoadOptions, type LoadResult } from './loader';

export interface ActiveLoad {
  kind: LoadRequest['kind'];
  /** The file's name, for an import. */
  name?: string;
  step: LoadStep;
  counts?: LoadCounts;
  /** Stop the load (an import can be cancelled; the current work stays). */
  cancel?: () => void;
}

export const loadingStore = createStore<{ active?: ActiveLoad | undefined }>(() => ({}));

/** Resolves after the browser has painted what is on screen now (at once where nothing paints). */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'undefined') resolve();
    else requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

export async function loadWithProgress(req: LoadRequest, opts: Omit<LoadOptions, 'onStep'> & { name?: string } = {}): Promise<LoadResult> {
  const update = (patch: Partial<ActiveLoad>) => {
    const active = loadingStore.getState().active;
    if (active) loadingStore.setState({ active: { ...active, ...patch } });
  };
  const handle = startLoad(req, { ...opts, onStep: (step, counts) => update({ step, ...(counts ? { counts } : {}) }) });
  loadingStore.setState({ active: { kind: req.kind, ...(opts.name !== undefined ? { name: opts.name } : {}), step: 'parse', cancel: handle.cancel } });
  const result = await handle.result;
  if (!result.ok) {
    loadingStore.setState({ active: undefined });
    return result;
  }
  // The last step runs on the page: show it, and let it paint before the canvas takes the thread.
  update({ step: 'render', counts: result.counts });
  delete loadingStore.getState().active?.cancel;
  await afterPaint();
  return result;
}

/** The new scenario is on the canvas: hide the progress once that has painted. */
export function endLoading(): void {
  void afterPaint().then(() => loadingStore.setState({ active: undefined }));
}
