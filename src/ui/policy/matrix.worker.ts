/**
 * The reachability matrix off the main thread: traces row by row (one source to every target) and
 * posts each row as it is done, so the page stays responsive and shows progress.
 */
import { type MatrixOptions, type Scenario } from '../../sim/index';
import { matrixRow, matrixTargets } from '../../sim/tracer';
import type { MatrixRequest, MatrixMessage } from './matrixProtocol';

/**
 * Rows are posted at most every BATCH_MS: often enough that each render on the page adds only a few
 * rows' cells (a short task), rarely enough that messages do not pile up.
 */
const BATCH_MS = 100;

const post = (m: MatrixMessage) => (self as unknown as { postMessage(m: MatrixMessage): void }).postMessage(m);

self.onmessage = (e: MessageEvent<MatrixRequest>) => {
  const { scenario, options, runId } = e.data as { scenario: Scenario; options: MatrixOptions; runId: number };
  const started = performance.now();
  try {
    const { sources, targets } = matrixTargets(scenario, options);
    post({ type: 'start', runId, sources, targets });
    let batch: { index: number; cells: ReturnType<typeof matrixRow> }[] = [];
    let lastPost = performance.now();
    sources.forEach((src, i) => {
      batch.push({ index: i, cells: matrixRow(scenario, src.id, targets, options) });
      if (performance.now() - lastPost > BATCH_MS) {
        post({ type: 'rows', runId, rows: batch });
        batch = [];
        lastPost = performance.now();
      }
    });
    if (batch.length) post({ type: 'rows', runId, rows: batch });
    post({ type: 'done', runId, ms: performance.now() - started });
  } catch (err) {
    post({ type: 'error', runId, message: (err as Error).message });
  }
};
