import { describe, expect, it } from 'vitest';
import { createEditorStore, type LessonSnapshot } from './editorStore';
import { defaultScenario } from './defaultScenario';
import { stressScenario } from './stressScenario';
import { placeMissing } from '../layout/layout';
import { msg } from '../sim/index';
import { validateScenario } from '../sim/editing';
import { formatMessage } from '../i18n/sim/index';
import type { Message } from '../sim/messages/index';

/** The edit or parse was refused, with an English message containing `text` (and on `field`, when given). */
function expectRefused(r: { ok: boolean; error?: Message; field?: string }, text: string, field?: string) {
  expect(r.ok).toBe(false);
  expect(formatMessage('en', r.error!)).toContain(text);
  if (field !== undefined) expect(r.field).toBe(field);
}

const fresh = () => createEditorStore(defaultScenario(), { place: placeMissing });

describe('editor store', () => {
  it('opens the default scenario valid, every element placed', () => {
    const st = fresh().getState();
    expect(st.problems).toEqual([]);
    const s = st.scenario;
    for (const e of [...s.subnets, ...s.routers, ...s.nodes, ...s.clients, ...s.services]) expect(s.layout[e.id], e.id).toBeDefined();
    expect(s.services[0]!.clusterIP).toMatch(/^10\.96\.0\.\d+$/);
  });

  it('adds a node with the next free pod CIDR and selects it', () => {
    const store = fresh();
    const r = store.getState().add({ kind: 'node', subnet: 'rack-b', position: { x: 500, y: 90 } });
    expect(r.ok).toBe(true);
    const { scenario, selection, past } = store.getState();
    expect(scenario.nodes.at(-1)).toMatchObject({ id: 'node-4', subnet: 'rack-b', ip: '192.168.2.11', podCidr: '10.244.3.0/24' });
    expect(scenario.layout['node-4']).toEqual({ x: 500, y: 90 });
    expect(selection).toEqual(['node-4']);
    expect(past).toHaveLength(1);
  });

  it('adds a pod on a node with the next free IP; a pod without a node is refused with a notice', () => {
    const store = fresh();
    store.getState().add({ kind: 'pod', node: 'node-2' });
    // node-2 runs web-2 (.2) and coredns-2 (.3).
    expect(store.getState().scenario.pods.at(-1)).toMatchObject({ node: 'node-2', ip: '10.244.1.4' });
    const bad = store.getState().add({ kind: 'pod', node: '' });
    expect(bad.ok).toBe(false);
    expect(store.getState().notice?.tone).toBe('error');
    expect(formatMessage('en', store.getState().notice!.text as Message)).toContain('cluster node');
    expect(store.getState().past).toHaveLength(1);
  });

  it('moves a pod between nodes with a new IP, and undo/redo restore both addresses', () => {
    const store = fresh();
    const before = store.getState().scenario.pods.find((p) => p.id === 'web-1')!;
    expect(before).toMatchObject({ node: 'node-1', ip: '10.244.0.3' });
    expect(store.getState().movePod('web-1', 'node-3').ok).toBe(true);
    // node-3 runs web-3 (.2) and the ingress-nginx controller (.3).
    expect(store.getState().scenario.pods.find((p) => p.id === 'web-1')).toMatchObject({ node: 'node-3', ip: '10.244.2.4' });
    store.getState().undo();
    expect(store.getState().scenario.pods.find((p) => p.id === 'web-1')).toMatchObject({ node: 'node-1', ip: '10.244.0.3' });
    store.getState().redo();
    expect(store.getState().scenario.pods.find((p) => p.id === 'web-1')).toMatchObject({ node: 'node-3', ip: '10.244.2.4' });
  });

  it('applies a valid edit and refuses an invalid one without touching the scenario or history', () => {
    const store = fresh();
    expect(store.getState().editElement('web', { selector: { app: 'web', tier: 'frontend' } }).ok).toBe(true);
    const s = store.getState().scenario;
    const bad = store.getState().editElement('node-1', { ip: '192.168.1.300' });
    expectRefused(bad, 'not an IPv4 address', 'ip');
    const clash = store.getState().editElement('node-1', { ip: '192.168.1.11' });
    expectRefused(clash, 'already used');
    expect(store.getState().scenario).toBe(s);
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().problems).toEqual([]);
  });

  it('undo walks back every kind of edit, redo forward; a new edit clears redo', () => {
    const store = fresh();
    const s0 = store.getState().scenario;
    store.getState().add({ kind: 'service', position: { x: 0, y: 0 } });
    store.getState().editCluster({ flannelBackend: 'host-gw' });
    store.getState().setPositions({ 'rack-a': { x: -50, y: 0 } });
    expect(store.getState().past).toHaveLength(3);
    store.getState().undo();
    expect(store.getState().scenario.layout['rack-a']).toEqual(s0.layout['rack-a']);
    store.getState().undo();
    expect(store.getState().scenario.cluster.flannelBackend).toBe('vxlan');
    store.getState().undo();
    expect(store.getState().scenario).toBe(s0);
    store.getState().undo();
    expect(store.getState().scenario).toBe(s0);
    store.getState().redo();
    expect(store.getState().scenario.services).toHaveLength(s0.services.length + 1);
    store.getState().add({ kind: 'subnet' });
    expect(store.getState().future).toEqual([]);
  });

  it('a drag is committed once, on drop: one history entry, and positions do not revalidate', () => {
    const store = fresh();
    const s0 = store.getState().scenario;
    const problems0 = store.getState().problems;
    store.getState().setPositions({ 'core-router': { x: 29, y: 29 } });
    expect(store.getState().scenario.layout['core-router']).toEqual({ x: 29, y: 29 });
    expect(store.getState().past).toEqual([{ scenario: s0, lesson: { outcomes: {} } }]);
    // Positions cannot change validation: the problems are not recomputed.
    expect(store.getState().problems).toBe(problems0);
    store.getState().undo();
    expect(store.getState().scenario).toBe(s0);
  });

  it('deletes the selection with its dependents, and undo brings them back', () => {
    const store = fresh();
    store.getState().select(['node-1']);
    const deleted = store.getState().deleteSelection();
    expect(deleted.sort()).toEqual(['coredns-1', 'curl', 'node-1', 'web-1']);
    expect(store.getState().selection).toEqual([]);
    store.getState().undo();
    expect(store.getState().scenario.pods.map((p) => p.id)).toContain('web-1');
  });

  it('problems follow the scenario: a router deleted leaves its gateways unserved', () => {
    const store = fresh();
    store.getState().deleteElements(['core-router']);
    const codes = (store.getState().problems ?? []).map((p) => `${p.code}:${p.element}`);
    expect(codes).toEqual(['gateway-not-router:rack-a', 'gateway-not-router:rack-b', 'gateway-not-router:internet']);
    store.getState().undo();
    expect(store.getState().problems).toEqual([]);
  });

  it('holds the open lesson in the same undo steps as the scenario (the session passes where it lives)', () => {
    let open: LessonSnapshot = { id: 'a', outcomes: {} };
    const restored: LessonSnapshot[] = [];
    const store = createEditorStore(defaultScenario(), {
      place: placeMissing,
      lesson: { current: () => open, restore: (l) => (restored.push(l), (open = l)) },
    });
    const s0 = store.getState().scenario;
    const other = { ...s0, name: 'lesson b' };
    store.getState().load(other, { id: 'b', outcomes: {} });
    expect(open.id).toBe('b');
    expect(store.getState().past).toEqual([{ scenario: s0, lesson: { id: 'a', outcomes: {} } }]);
    store.getState().editInfo({ name: 'lesson b, edited' });
    expect(store.getState().past.at(-1)).toEqual({ scenario: other, lesson: { id: 'b', outcomes: {} } });
    store.getState().notify('Opened lesson b');
    store.getState().undo();
    // The notice described the step undone: it goes.
    expect(store.getState().notice).toBeNull();
    store.getState().undo();
    expect(store.getState().scenario).toBe(s0);
    expect(open.id).toBe('a');
    expect(restored.map((l) => l.id)).toEqual(['b', 'b', 'a']);
    store.getState().redo();
    expect(store.getState().scenario).toBe(other);
    expect(open.id).toBe('b');
  });

  it('undo drops selected ids that no longer exist', () => {
    const store = fresh();
    store.getState().add({ kind: 'client', subnet: 'internet' });
    expect(store.getState().selection).toEqual(['client-1']);
    store.getState().undo();
    expect(store.getState().selection).toEqual([]);
  });

  it('remembers at most the history limit', () => {
    const store = fresh();
    for (let i = 0; i < 210; i++) store.getState().setPositions({ laptop: { x: i, y: 0 } });
    expect(store.getState().past).toHaveLength(200);
  });
});

describe('stress scenario', () => {
  it('has 100 nodes and 1,000 pods and is valid', () => {
    const s = stressScenario();
    expect(s.nodes).toHaveLength(100);
    // 1,000 app pods, and the two CoreDNS replicas every cluster has.
    expect(s.pods.filter((p) => p.namespace === 'default')).toHaveLength(1000);
    expect(s.pods.filter((p) => p.namespace === 'kube-system').map((p) => p.node)).toEqual(['node-1', 'node-2']);
    expect(s.pods).toHaveLength(1002);
    expect(validateScenario(s).filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('the edit contract (issue 12)', () => {
  it('commits the problems a field edit computed, without validating the scenario a second time', () => {
    const store = fresh();
    const r = store.getState().editElement('web', { sessionAffinity: 'ClientIP' });
    expect(r.ok).toBe(true);
    const computed = r.ok ? r.problems : undefined;
    expect(computed).toBeDefined();
    // The very array the edit returned: the store took it instead of recomputing.
    expect(store.getState().problems).toBe(computed);
    expect(computed).toEqual(validateScenario(store.getState().scenario));
  });

  it('applyEdit runs a pure edit once against the current scenario and commits it as one undo step', () => {
    const store = fresh();
    const before = store.getState().scenario;
    let calls = 0;
    const r = store.getState().applyEdit((s) => {
      calls++;
      expect(s).toBe(before);
      return { ok: true, scenario: { ...s, name: 'changed by a lesson' } };
    });
    expect(r.ok).toBe(true);
    expect(calls).toBe(1);
    expect(store.getState().scenario.name).toBe('changed by a lesson');
    store.getState().undo();
    expect(store.getState().scenario).toBe(before);
  });

  it('applyEdit leaves everything as it is when the edit is refused', () => {
    const store = fresh();
    const before = store.getState().scenario;
    const r = store.getState().applyEdit(() => ({ ok: false, error: msg('edit.pod-needs-node') }));
    expect(r.ok).toBe(false);
    expect(store.getState().scenario).toBe(before);
    expect(store.getState().past).toHaveLength(0);
  });
});
