import { describe, expect, it } from 'vitest';
import { CELL_H, windowRange } from './MatrixGrid';

describe('windowRange: which rows (or columns) of the matrix grid are rendered', () => {
  it('the ones in view plus the overscan on each side, clamped to the grid', () => {
    // 100 rows of 26 px, a 520 px window (20 rows) scrolled to row 40.
    expect(windowRange(40 * CELL_H, 20 * CELL_H, CELL_H, 100, 6)).toEqual([34, 66]);
    expect(windowRange(0, 20 * CELL_H, CELL_H, 100, 6)).toEqual([0, 26]);
    expect(windowRange(95 * CELL_H, 20 * CELL_H, CELL_H, 100, 6)).toEqual([89, 99]);
  });
  it('a partly visible row counts as visible', () => {
    expect(windowRange(10, 30, 26, 100, 0)).toEqual([0, 2]);
  });
  it('an empty grid renders nothing, and a window not yet laid out (0 or negative size) still shows the overscan', () => {
    expect(windowRange(0, 500, 26, 0)).toEqual([0, -1]);
    expect(windowRange(0, -120, 26, 100, 6)).toEqual([0, 6]);
  });
});
