import { describe, expect, it } from 'vitest';
import { minimapPaths } from './overview';

describe('minimap drawing', () => {
  it('groups rectangles into one path per colour, in first-seen order, with their bounds', () => {
    const d = minimapPaths([
      { x: 0, y: 0, w: 100, h: 50, color: 'grey' },
      { x: 10, y: 10, w: 20.04, h: 5, color: 'blue' },
      { x: -30, y: 70, w: 10, h: 10, color: 'grey' },
    ]);
    expect(d.paths).toEqual([
      { color: 'grey', d: 'M0 0h100v50h-100zM-30 70h10v10h-10z' },
      { color: 'blue', d: 'M10 10h20v5h-20z' },
    ]);
    expect(d.bounds).toEqual({ x: -30, y: 0, width: 130, height: 80 });
  });

  it('has no bounds when there is nothing to draw', () => {
    expect(minimapPaths([])).toEqual({ paths: [] });
  });
});
