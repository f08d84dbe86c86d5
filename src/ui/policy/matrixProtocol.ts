/** Messages between the matrix dialog and its Web Worker. */
import type { Scenario, MatrixCell, MatrixOptions, MatrixTarget } from '../../sim/index';

export interface MatrixRequest {
  runId: number;
  scenario: Scenario;
  options: MatrixOptions;
}

export type MatrixMessage =
  | { type: 'start'; runId: number; sources: { id: string; name: string }[]; targets: MatrixTarget[] }
  | { type: 'row'; runId: number; index: number; cells: MatrixCell[] }
  | { type: 'done'; runId: number; ms: number }
  | { type: 'error'; runId: number; message: string };
