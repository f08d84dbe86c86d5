/**
 * The page's side of opening a scenario: the work runs in a Web Worker (load.worker.ts) so the page
 * stays responsive and can show each step; where no Worker exists (unit tests) it runs here, a step
 * per task. A time budget bounds it: a scenario still not parsed, validated and laid out after
 * LOAD_BUDGET_MS is refused (the worker is stopped, the page never froze, the current work is kept),
 * which bounds what the element and value budgets of parseScenario cannot foresee (a slow device,
 * a pathological document).
 */
import { loadEditing } from '../editing';
import type { LoadCounts, LoadMessage, LoadOutcome, LoadRequest, LoadStep } from './loadProtocol';

/** Parse + validate + layout of the 1,000-node scale scenario take about 0.5 s idle and 4 s on a loaded 2-core machine; 20 s is far past anything legal. */
export const LOAD_BUDGET_MS = 20_000;

export type LoadResult = LoadOutcome | { ok: false; tooSlow: true; budgetMs: number } | { ok: false; crashed: string } | { ok: false; cancelled: true };

export interface LoadHandle {
  result: Promise<LoadResult>;
  /** Stop loading (Cancel): the worker is stopped and the result resolves as cancelled. */
  cancel(): void;
}

export interface LoadOptions {
  onStep?: (step: LoadStep, counts?: LoadCounts) => void;
  budgetMs?: number;
  /** Make the worker (tests pass a fake); default: the real one where `Worker` exists. */
  worker?: () => Worker | undefined;
}

function defaultWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return new Worker(new URL('./load.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Adopt the worker's validation for the scenario the page now holds, so the editor does not redo it
 * on the main thread. The validator comes with the editing code, which what comes back needs anyway
 * (a scenario to edit and save, or field errors in the editor's words); if it cannot be fetched the
 * result stands and the editor validates once it is here.
 */
async function adopt(r: LoadResult): Promise<LoadResult> {
  await loadEditing().then(
    (m) => {
      if (r.ok) m.adoptProblems(r.scenario, r.problems);
    },
    () => undefined,
  );
  return r;
}

export function startLoad(req: LoadRequest, opts: LoadOptions = {}): LoadHandle {
  const budget = opts.budgetMs ?? LOAD_BUDGET_MS;
  const worker = (opts.worker ?? defaultWorker)();
  let finish: (r: LoadResult) => void = () => {};
  let done = false;
  const result = new Promise<LoadResult>((resolve) => {
    finish = (r) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      worker?.terminate();
      void adopt(r).then(resolve);
    };
  });
  const timer = setTimeout(() => finish({ ok: false, tooSlow: true, budgetMs: budget }), budget);
  if (worker) {
    worker.onmessage = (e: MessageEvent<LoadMessage>) => {
      const m = e.data;
      if (m.type === 'step') opts.onStep?.(m.step, m.counts);
      else if (m.type === 'done') finish(m.outcome);
      else finish({ ok: false, crashed: m.message });
    };
    worker.onerror = (e) => finish({ ok: false, crashed: e.message || 'worker error' });
    worker.postMessage(req);
  } else {
    // No worker: run on this thread after the caller has drawn its progress (the steps' code is
    // fetched for it: a browser runs them in the worker and never needs them on the page).
    void import('./loadSteps').then(
      ({ runLoad }) => {
        try {
          finish(runLoad(req, opts.onStep));
        } catch (err) {
          finish({ ok: false, crashed: (err as Error).message });
        }
      },
      (err: unknown) => finish({ ok: false, crashed: err instanceof Error ? err.message : String(err) }),
    );
  }
  return { result, cancel: () => finish({ ok: false, cancelled: true }) };
}
