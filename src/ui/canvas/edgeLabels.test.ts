import { describe, expect, it } from 'vitest';
import { Position } from '@xyflow/react';
import { edgeLabelBoxes, labelBox } from './edgeLabels';
import { edgeEnds, linkPath } from './edgePaths';

const h = (id: string, position: Position, x: number, y: number) => ({ id, position, x, y, width: 8, height: 8, type: 'source' });
const node = (id: string, x: number, y: number, source: object[], target: object[]) => [
  id,
  { id, internals: { positionAbsolute: { x, y }, handleBounds: { source, target } }, measured: { width: 100, height: 50 } },
];
const store = (edges: object[]) =>
  ({
    edgeLookup: new Map(edges.map((e) => [(e as { id: string }).id, e])),
    nodeLookup: new Map([node('r', 300, 0, [h('if', Position.Bottom, 46, 46)], []), node('s', 100, 200, [], [h('top', Position.Top, 46, -4)])] as never),
  }) as unknown as Parameters<typeof edgeLabelBoxes>[0];

describe('edgeLabelBoxes', () => {
  it("puts a router interface's label where the edge draws it: centred above the middle of the elbow, padded", () => {
    const s = store([{ id: 'if:r:s', type: 'link', source: 'r', target: 's', sourceHandle: 'if', targetHandle: 'top', data: { label: 'eth0 192.168.1.1' } }]);
    const [box] = edgeLabelBoxes(s, () => '');
    const { labelX, labelY } = linkPath(edgeEnds(s, 'if:r:s')!.ends);
    // 16 monospace characters at 12 px (0.6 em each) and 6 px of padding each side; 12 px × 1.2 and 3 px.
    expect(box!.w).toBeCloseTo(16 * 7.2 + 12);
    expect(box!.h).toBeCloseTo(14.4 + 6);
    expect(box!.x + box!.w / 2).toBeCloseTo(labelX);
    expect(box!.y + box!.h / 2).toBeCloseTo(labelY);
  });

  it("a burst's count on an endpoint line sits at the line's middle, in its bigger type; unlabelled edges have none", () => {
    const s = store([
      { id: 'ep', type: 'endpoint', source: 'r', target: 's', data: { flow: { count: 7, total: 20, share: 0.35 } } },
      { id: 'plain', type: 'endpoint', source: 'r', target: 's', data: {} },
    ]);
    const boxes = edgeLabelBoxes(s, (f) => `${f.count} of ${f.total}`);
    expect(boxes).toHaveLength(1);
    expect(boxes[0]!.w).toBeCloseTo('7 of 20'.length * 0.6 * 13 + 12);
  });

  it('counts a Chinese character a full em wide', () => {
    // Six ASCII characters (digits and spaces) and four Chinese ones.
    expect(labelBox('20 个中的 7 个', 0, 0, 12, [0, 0]).w).toBeCloseTo((6 * 0.6 + 4) * 12);
  });
});
