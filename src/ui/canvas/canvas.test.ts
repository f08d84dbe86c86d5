import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../store/defaultScenario';
import { stressScenario } from '../../store/stressScenario';
import { setPositions, type Scenario } from '../../sim/index';
import { addService } from '../../sim/editing';
import { addNode, addPod } from '../../sim/editing';
import { autoLayout, placeMissing } from '../../layout/layout';
import { sceneBoxes, type Box } from '../../layout/boxes';
import { ENDPOINT_LINES_MAX, createFlowBuilder } from './flow';
import { dropContext, nearestSubnet, nodeAt, subnetAt } from './dropTarget';
import { hostPositionIn } from './useAddElement';
import { formatMessage } from '../../i18n/sim/index';

function laidOut(s: Scenario): Scenario {
  return { ...s, layout: autoLayout(s) };
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('auto-layout', () => {
  it('places every element; routers above the subnets, services below; nothing overlaps its peers', () => {
    const s = laidOut(defaultScenario());
    const boxes = sceneBoxes(s, s.layout);
    for (const e of [...s.subnets, ...s.routers, ...s.nodes, ...s.pods, ...s.clients, ...s.services]) expect(boxes.has(e.id), e.id).toBe(true);
    const top = Math.min(...s.subnets.map((x) => boxes.get(x.id)!.y));
    const bottom = Math.max(...s.subnets.map((x) => boxes.get(x.id)!.y + boxes.get(x.id)!.h));
    for (const r of s.routers) expect(boxes.get(r.id)!.y + boxes.get(r.id)!.h).toBeLessThan(top);
    for (const x of s.services) expect(boxes.get(x.id)!.y).toBeGreaterThan(bottom);
    const groups = [s.subnets, [...s.nodes, ...s.clients], s.pods, s.services].map((g) => g.map((e) => boxes.get(e.id)!));
    for (const g of groups) for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) expect(overlaps(g[i]!, g[j]!)).toBe(false);
  });

  it('is deterministic', () => {
    expect(autoLayout(defaultScenario())).toEqual(autoLayout(defaultScenario()));
  });

  it('places a new node beside the hosts already in its subnet, and keeps placed elements where they are', () => {
    const s0 = laidOut(defaultScenario());
    const r = addNode(s0, { subnet: 'rack-a' });
    if (!r.ok) throw new Error(formatMessage('en', r.error));
    const missing = placeMissing(r.scenario);
    expect(Object.keys(missing)).toEqual(['node-4']);
    const s = setPositions(r.scenario, missing);
    const boxes = sceneBoxes(s, s.layout);
    for (const other of ['node-1', 'node-2']) expect(overlaps(boxes.get('node-4')!, boxes.get(other)!)).toBe(false);
    expect(placeMissing(s)).toEqual({});
  });
});

describe('drop targets', () => {
  it('find the node under a dropped pod and the subnet under a dropped host, and avoid covering hosts', () => {
    const s = laidOut(defaultScenario());
    const ctx = dropContext(s);
    const n2 = ctx.boxes.get('node-2')!;
    expect(nodeAt(ctx, { x: n2.x + 10, y: n2.y + 10 })).toBe('node-2');
    expect(subnetAt(ctx, { x: n2.x + 10, y: n2.y + 10 })).toBe('rack-a');
    expect(nodeAt(ctx, { x: -5000, y: -5000 })).toBeUndefined();
    expect(nearestSubnet(ctx, { x: -5000, y: 300 })).toBe('rack-a');
    const onTop = hostPositionIn(ctx, 'rack-a', { x: n2.x + n2.w / 2, y: n2.y + n2.h / 2 }, n2)!;
    const origin = ctx.boxes.get('rack-a')!;
    expect(overlaps({ x: origin.x + onTop.x, y: origin.y + onTop.y, w: n2.w, h: n2.h }, n2)).toBe(false);
  });
});

describe('flow builder', () => {
  it('gives edges the tracer link ids and parents pods to nodes, nodes to subnets', () => {
    const s = laidOut(defaultScenario());
    const b = createFlowBuilder();
    const nodes = b.nodes(s, new Set());
    const edges = b.edges(s);
    const ids = new Set(edges.map((e) => e.id));
    for (const id of ['veth:web-1', 'eth0:node-1', 'eth0:laptop', 'if:core-router:rack-a', 'if:core-router:internet', 'ep:web:web-1', 'ep:web:web-3'])
      expect(ids.has(id), id).toBe(true);
    expect(ids.has('ep:web:curl')).toBe(false);
    expect(nodes.find((n) => n.id === 'web-1')!.parentId).toBe('node-1');
    expect(nodes.find((n) => n.id === 'node-1')!.parentId).toBe('rack-a');
    // Parents come before their children.
    const order = new Map(nodes.map((n, i) => [n.id, i]));
    for (const n of nodes) if (n.parentId) expect(order.get(n.parentId)!).toBeLessThan(order.get(n.id)!);
  });

  it('reuses unchanged flow nodes, so a drag or an edit re-renders only what it touched', () => {
    const s = laidOut(defaultScenario());
    const b = createFlowBuilder();
    const first = b.nodes(s, new Set());
    // A drag starting on the router: only the router is rebuilt (it takes its own layer).
    const dragged = b.nodes(s, new Set(), new Set(['core-router']));
    const changed = dragged.filter((n, i) => n !== first[i]).map((n) => n.id);
    expect(changed).toEqual(['core-router']);
    expect(dragged.find((n) => n.id === 'core-router')!.className).toBe('kp-moving');
    // A drag on a cluster node takes its pods along into the layer, and nothing else.
    const b2 = createFlowBuilder();
    const before = b2.nodes(s, new Set());
    const withNode = b2
      .nodes(s, new Set(), new Set(['node-1']))
      .filter((n, i) => n !== before[i])
      .map((n) => n.id)
      .sort();
    expect(withNode).toEqual(['node-1', ...s.pods.filter((p) => p.node === 'node-1').map((p) => p.id)].sort());
    const r = addPod(s, { node: 'node-3' });
    if (!r.ok) throw new Error(formatMessage('en', r.error));
    const after = b.nodes(r.scenario, new Set(), new Set(['core-router']));
    const byId = new Map(dragged.map((n) => [n.id, n]));
    const touched = after
      .filter((n) => byId.get(n.id) !== n)
      .map((n) => n.id)
      .sort();
    // The new pod, its node (taller, one more veth), and the subnet around it (taller).
    expect(touched).toEqual(['node-3', 'pod-1', 'rack-b']);
    expect(b.edges(r.scenario)).not.toBe(b.edges(s));
  });

  it('endpoint edges follow the selector', () => {
    const s = laidOut(defaultScenario());
    const r = addService(s, { selector: { app: 'curl' } });
    if (!r.ok) throw new Error(formatMessage('en', r.error));
    const ids = createFlowBuilder()
      .edges(r.scenario)
      .filter((e) => e.type === 'endpoint')
      .map((e) => e.id);
    expect(ids).toContain(`ep:${r.id}:curl`);
  });

  it('a Service with many endpoint pods draws one line per node with the count, not one per pod (issue 15)', () => {
    const s = laidOut(stressScenario());
    const r = addService(s, { selector: {} });
    if (!r.ok) throw new Error(formatMessage('en', r.error));
    const svc = {
      ...r.scenario.services.find((x) => x.id === r.id)!,
      selector: { [Object.keys(s.pods[0]!.labels)[0]!]: Object.values(s.pods[0]!.labels)[0]! },
    };
    const wide = { ...r.scenario, services: r.scenario.services.map((x) => (x.id === r.id ? svc : x)) };
    const selected = wide.pods.filter((p) => p.namespace === svc.namespace && Object.entries(svc.selector).every(([k, v]) => p.labels[k] === v));
    expect(selected.length).toBeGreaterThan(ENDPOINT_LINES_MAX);
    const edges = createFlowBuilder()
      .edges(wide)
      .filter((e) => e.source === svc.id && e.type === 'endpoint');
    expect(edges.every((e) => e.id.startsWith(`epg:${svc.id}:`))).toBe(true);
    expect(edges).toHaveLength(new Set(selected.map((p) => p.node)).size);
    const counted = edges.reduce((n, e) => n + Number(/\d+/.exec(e.data!.label!)![0]), 0);
    expect(counted).toBe(selected.length);
    expect(
      createFlowBuilder()
        .edges(wide)
        .filter((e) => e.id.startsWith(`ep:${svc.id}:`)),
    ).toHaveLength(0);
  });

  it('far out, hides pods (their node draws them) and keeps every other element', () => {
    const s = laidOut(stressScenario());
    const nodes = createFlowBuilder().nodes(s, new Set(), undefined, true);
    expect(nodes.filter((n) => n.type === 'pod' && !n.hidden)).toHaveLength(0);
    expect(nodes.filter((n) => n.type === 'clusterNode')).toHaveLength(100);
    const node1 = nodes.find((n) => n.id === 'node-1')!;
    // Its 10 app pods and coredns-1.
    expect(node1.type === 'clusterNode' && node1.data.podColors).toHaveLength(11);
  });
});
