import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../store/defaultScenario';
import { collapsedRows, withoutSystemPods } from './systemRow';
import { nodeSize, podSlot, POD_H, SYSTEM_ROW_H, systemRowY } from './geometry';
import { sceneBoxes } from './boxes';

describe('system pods collapsed to one kube-system row per node', () => {
  it('names the kube-system pods of each node of the collapsed scenario, and none of the full one', () => {
    const s = defaultScenario();
    const drawn = withoutSystemPods(s);
    expect(drawn.pods.some((p) => p.namespace === 'kube-system')).toBe(false);
    expect(drawn.services.map((x) => x.name)).not.toContain('kube-dns');
    const rows = collapsedRows(drawn);
    const nodeOf = (id: string) => s.nodes.find((n) => n.id === id)!.name;
    expect(Object.fromEntries([...rows].map(([id, names]) => [nodeOf(id), names]))).toEqual({ 'node-1': ['coredns-1'], 'node-2': ['coredns-2'] });
    expect(collapsedRows(s).size).toBe(0);
  });

  it('makes room for the row below the last pod (or below the empty first slot)', () => {
    expect(systemRowY(2)).toBe(podSlot(1).y + POD_H + 8);
    expect(nodeSize(2, true).h).toBe(systemRowY(2) + SYSTEM_ROW_H + 12);
    expect(nodeSize(2, true).h).toBeGreaterThan(nodeSize(2).h);
    expect(systemRowY(0)).toBe(systemRowY(1));
  });

  it('lays nodes out at their drawn size: a node with a row is taller than one without', () => {
    const drawn = withoutSystemPods(defaultScenario());
    const boxes = sceneBoxes(drawn, drawn.layout);
    const id = (name: string) => drawn.nodes.find((n) => n.name === name)!.id;
    const pods = (name: string) => drawn.pods.filter((p) => p.node === id(name)).length;
    expect(boxes.get(id('node-1'))!.h).toBe(nodeSize(pods('node-1'), true).h);
    expect(boxes.get(id('node-3'))!.h).toBe(nodeSize(pods('node-3')).h);
  });
});
