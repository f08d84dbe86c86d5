import { describe, expect, it } from 'vitest';
import { labelSize, offsetOf, placeLabel, PLACEMENTS } from './labelPlacement';

describe('where the marker label goes', () => {
  const size = labelSize(['10.244.0.2:54015 → 10.96.0.2:80']);

  it('beside the marker, on the right, when nothing is in the way', () => {
    expect(placeLabel({ x: 0, y: 0 }, size, 1, []).placement).toBe('right');
  });

  it('off the card it would cover: a pod card to the right sends it left, and zoom is taken into account', () => {
    const card = { x: 5, y: -30, w: 156, h: 58 };
    const r = placeLabel({ x: 0, y: 0 }, size, 1, [card]);
    expect(r.placement).toBe('left');
    expect(r.covered).toBe(0);
    // Zoomed out 2x the same label spans twice as much of the canvas.
    const wide = placeLabel({ x: 0, y: 0 }, size, 0.5, [card, { x: -700, y: -30, w: 690, h: 58 }]);
    expect(['right', 'left']).not.toContain(wide.placement);
  });

  it('good for the whole glide: a side that would cover a card where the marker is going is not taken', () => {
    // Clear on the right where it starts, but the router card is right of where it glides to.
    const router = { x: 20, y: 90, w: 176, h: 62 };
    expect(placeLabel({ x: 0, y: 0 }, size, 1, [router]).placement).toBe('right');
    const r = placeLabel(
      [
        { x: 0, y: 0 },
        { x: 0, y: 60 },
        { x: 0, y: 120 },
      ],
      size,
      1,
      [router],
    );
    expect(r.placement).not.toBe('right');
    expect(r.covered).toBe(0);
  });

  it('a node body counts less than a card: covering a pod costs more than covering the bridge column', () => {
    const pod = { x: 10, y: -20, w: 400, h: 58 };
    const body = { x: -1000, y: -1000, w: 2000, h: 2000, weight: 0.25 }; // every side is over the node
    const r = placeLabel({ x: 0, y: 0 }, size, 1, [pod, body]);
    expect(r.placement).not.toBe('right');
    expect(r.covered).toBeCloseTo(0.25 * size.w * size.h); // the body under it, no pod
  });

  it('never out of view when it can be in it', () => {
    const view = { x: -1000, y: -1000, w: 1100, h: 2000 }; // the marker is 100 units from the right edge
    expect(placeLabel({ x: 0, y: 0 }, size, 1, [], view).placement).toBe('left');
  });

  it('when every side is covered, the side that covers least', () => {
    const cards = [
      { x: -400, y: -400, w: 800, h: 390 },
      { x: -400, y: 10, w: 800, h: 390 },
      { x: 5, y: -10, w: 400, h: 20 },
    ];
    const r = placeLabel({ x: 0, y: 0 }, size, 1, cards);
    expect(r.placement).toBe('left');
    expect(PLACEMENTS.length).toBeGreaterThan(4);
    expect(offsetOf('left', 100, 20)).toEqual({ x: -115, y: -10 });
  });
});
