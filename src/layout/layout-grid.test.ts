/**
 * Auto-layout at the scale of a real cluster (issue 15): the 1,000-node scenario put its 1,002
 * Services in one row 260,000 px wide, so the fitted view was an empty strip. Now many Services form
 * a grid under the subnets grouped by namespace, and a big subnet's nodes a grid shaped so the whole
 * picture is a block; small scenarios keep one row of Services under the pods they select.
 */
import { describe, expect, it } from 'vitest';
import { type Scenario } from '../sim/index';
import { parseScenarioJson } from '../sim/editing';
import { loadExample } from '../sim/testing/examples';
import { scaleScenarioDoc, scaleShape } from '../../bench/scale-scenario';
import { autoLayout } from './layout';
import { sceneBoxes, type Box } from './boxes';
import { isBig, SERVICE_GRID_FROM } from './layout-grid';

function scaled(scale: number): Scenario {
  const r = parseScenarioJson(JSON.stringify(scaleScenarioDoc(scaleShape(scale))));
  if (!r.ok) throw new Error('scale scenario');
  return r.scenario;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function extent(boxes: Iterable<Box>) {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) [x0, y0, x1, y1] = [Math.min(x0, b.x), Math.min(y0, b.y), Math.max(x1, b.x + b.w), Math.max(y1, b.y + b.h)];
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

describe('auto-layout at scale', () => {
  const s = scaled(0.3);
  const boxes = sceneBoxes(s, autoLayout(s));
  const services = s.services.map((x) => boxes.get(x.id)!);
  const subnets = extent(s.subnets.map((x) => boxes.get(x.id)!));

  it('puts 302 Services in a grid as wide as the subnets, below them, without overlaps', () => {
    expect(s.services.length).toBeGreaterThan(SERVICE_GRID_FROM);
    const grid = extent(services);
    expect(grid.w).toBeLessThanOrEqual(Math.max(subnets.w, 8 * 284));
    expect(new Set(services.map((b) => b.y)).size).toBeGreaterThan(3);
    expect(grid.y).toBeGreaterThan(subnets.y + subnets.h);
    for (let i = 0; i < services.length; i++) for (let j = i + 1; j < services.length; j++) expect(overlaps(services[i]!, services[j]!)).toBe(false);
  });

  it('groups them by namespace: kube-dns (kube-system) has a row of its own', () => {
    const dns = boxes.get('kube-dns')!;
    const sameRow = s.services.filter((x) => x.id !== 'kube-dns' && boxes.get(x.id)!.y === dns.y);
    expect(sameRow).toEqual([]);
  });

  it('lays the whole cluster out as a block, not a strip, with no two nodes overlapping', () => {
    const all = extent(boxes.values());
    expect(all.w / all.h).toBeGreaterThan(1 / 3);
    expect(all.w / all.h).toBeLessThan(3);
    const nodes = s.nodes.map((n) => boxes.get(n.id)!);
    const byRow = new Map<number, Box[]>();
    for (const b of nodes) byRow.set(b.y, [...(byRow.get(b.y) ?? []), b]);
    for (const row of byRow.values()) {
      row.sort((a, b) => a.x - b.x);
      for (let i = 1; i < row.length; i++) expect(row[i]!.x).toBeGreaterThanOrEqual(row[i - 1]!.x + row[i - 1]!.w);
    }
    expect(byRow.size).toBeLessThan(nodes.length / 5);
  });

  it('keeps a small scenario as it was: one row of Services under their pods, no grids', () => {
    const small = loadExample('loadbalancer-local');
    expect(isBig(small)).toBe(false);
    expect(isBig(s)).toBe(true);
    const b = sceneBoxes(small, autoLayout(small));
    expect(new Set(small.services.map((x) => b.get(x.id)!.y)).size).toBe(1);
  });
});
