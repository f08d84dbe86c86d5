/** Messages between the matrix dialog and its Web Worker. */
import type { Scenario, MatrixCell, MatrixOptions, MatrixTarget } from '../../sim/index';

export interface MatrixRequest {
  runId: number;
  scenario: Scenario;
  options: MatrixOptions;
}

export type MatrixMessage =
  | { type: 'start'; runId: number; sources: { id: string; name: string }[]; targets: MatrixTarget[] }
  /** Rows done since the last message (batched so the page re-renders a few times a second, not per row). */
  | { type: 'rows'; runId: number; rows: { index: number; cells: MatrixCell[] }[] }
  | { type: 'done'; runId: number; ms: number }
  | { type: 'error'; runId: number; message: string };
