import { describe, expect, it } from 'vitest';
import { getBezierPath, getSmoothStepPath, Position } from '@xyflow/react';
import { pathPoints, pathTrack } from './pathTrack';
import { EDGE_PATHS, edgeEnds, edgePathOf } from './edgePaths';

describe('pathTrack', () => {
  it('walks a straight line by length', () => {
    const t = pathTrack('M 0 0 L 300 400')!;
    expect(t.length).toBeCloseTo(500);
    expect(t.pointAt(0.5)).toEqual({ x: 150, y: 200 });
    expect(t.pointAt(0)).toEqual({ x: 0, y: 0 });
    expect(t.pointAt(1)).toEqual({ x: 300, y: 400 });
  });

  it("follows a smooth-step elbow (React Flow's getSmoothStepPath): ends on the handles, a corner cut by its radius", () => {
    const [d] = getSmoothStepPath({
      sourceX: 0,
      sourceY: 0,
      sourcePosition: Position.Bottom,
      targetX: 200,
      targetY: 300,
      targetPosition: Position.Top,
      borderRadius: 10,
    });
    const t = pathTrack(d)!;
    expect(t.start).toEqual({ x: 0, y: 0 });
    expect(t.end.x).toBeCloseTo(200);
    expect(t.end.y).toBeCloseTo(300);
    // Down, across, down: 500 units of right angles, each of the two corners rounded (a quarter
    // turn of radius 10 is ~15.7 instead of 20), so a little shorter, never longer.
    expect(t.length).toBeLessThan(500);
    expect(t.length).toBeGreaterThan(490);
    // Half way is on the horizontal run at the middle height (source and target 300 apart).
    const mid = t.pointAt(0.5);
    expect(mid.y).toBeCloseTo(150, 0);
    expect(mid.x).toBeCloseTo(100, 0);
  });

  it('follows a bezier (C) through its middle', () => {
    const [d] = getBezierPath({ sourceX: 0, sourceY: 0, sourcePosition: Position.Right, targetX: 200, targetY: 100, targetPosition: Position.Left });
    const t = pathTrack(d)!;
    // A bezier symmetric about its middle passes through the midpoint of its ends at half its length.
    const mid = t.pointAt(0.5);
    expect(mid.x).toBeCloseTo(100, 0);
    expect(mid.y).toBeCloseTo(50, 0);
    expect(t.length).toBeGreaterThan(Math.hypot(200, 100));
  });

  it('reads no path it does not understand (an arc), rather than guess', () => {
    expect(pathPoints('M 0 0 A 10 10 0 0 1 20 20')).toBeUndefined();
    expect(pathTrack('M 0 0 L 1')).toBeUndefined();
    expect(pathTrack('')).toBeUndefined();
  });
});

describe('edgeEnds', () => {
  const node = (id: string, x: number, y: number, handles: { source?: object[]; target?: object[] }) =>
    [
      id,
      {
        id,
        internals: { positionAbsolute: { x, y }, handleBounds: { source: handles.source ?? null, target: handles.target ?? null } },
        measured: { width: 100, height: 50 },
      },
    ] as const;
  const h = (id: string, position: Position, x: number, y: number) => ({ id, position, x, y, width: 8, height: 8, type: 'source' });
  const store = (edge: object) =>
    ({
      edgeLookup: new Map([['e1', { id: 'e1', ...edge }]]),
      nodeLookup: new Map([
        node('a', 100, 100, { source: [h('top', Position.Top, 46, -4), h('right', Position.Right, 96, 21)] }),
        node('b', 400, 300, { target: [h('left', Position.Left, -4, 21)] }),
      ]),
    }) as unknown as Parameters<typeof edgeEnds>[0];

  it('attaches where React Flow does: the named handle, at the middle of its outer side', () => {
    const e = edgeEnds(store({ source: 'a', target: 'b', sourceHandle: 'right', targetHandle: 'left', type: 'link' }), 'e1')!;
    // a's right handle: x 100 + 96 + width 8, y 100 + 21 + half its height; b's left handle: x 400 - 4, y 300 + 21 + 4.
    expect(e.ends).toMatchObject({ sourceX: 204, sourceY: 125, targetX: 396, targetY: 325, sourcePosition: Position.Right, targetPosition: Position.Left });
    expect(edgePathOf(store({ source: 'a', target: 'b', sourceHandle: 'right', targetHandle: 'left', type: 'endpoint' }), 'e1')).toBe(
      EDGE_PATHS.endpoint!(e.ends),
    );
  });

  it("takes the node's first handle when the edge names none, and nothing for an edge it cannot place", () => {
    expect(edgeEnds(store({ source: 'a', target: 'b', type: 'link' }), 'e1')!.ends).toMatchObject({ sourceX: 150, sourceY: 96 });
    expect(edgeEnds(store({ source: 'a', target: 'b', sourceHandle: 'nope', type: 'link' }), 'e1')).toBeUndefined();
    expect(edgeEnds(store({ source: 'a', target: 'gone', type: 'link' }), 'e1')).toBeUndefined();
    expect(edgeEnds(store({ source: 'a', target: 'b' }), 'other')).toBeUndefined();
  });
});
