/**
 * Opening a scenario with progress and a time budget (issue 15: "a share link, an import or a CLI
 * file that would need more than a set budget (elements, or time spent in parse/validate) is
 * refused with a clear message before the page freezes; big-but-legal scenarios load with progress").
 */
import { describe, expect, it } from 'vitest';
import { encodeShareLink } from '../../io/share-link';
import { exportScenarioJson } from '../../io/scenario-file';
import { loadExample } from '../../sim/testing/examples';
import { validateScenario } from '../../sim/editing';
import { runLoad } from './loadSteps';
import { startLoad } from './loader';
import type { LoadStep } from './loadProtocol';

/** A worker that takes the request and never answers (a parse that runs away), recording terminate(). */
function stuckWorker() {
  const w = { terminated: false, posted: [] as unknown[], onmessage: null as unknown, onerror: null as unknown };
  return {
    w,
    make: () =>
      ({
        postMessage: (m: unknown) => w.posted.push(m),
        terminate: () => {
          w.terminated = true;
        },
        set onmessage(f: unknown) {
          w.onmessage = f;
        },
        set onerror(f: unknown) {
          w.onerror = f;
        },
      }) as unknown as Worker,
  };
}

describe('opening a scenario step by step', () => {
  it('reports parse, validate and layout in order, with the counts, and returns the scenario laid out and its problems', () => {
    const s = loadExample('clusterip');
    const steps: LoadStep[] = [];
    const r = runLoad({ kind: 'file', text: exportScenarioJson({ ...s, layout: {} }) }, (step) => steps.push(step));
    expect(steps).toEqual(['parse', 'validate', 'layout']);
    if (!r.ok) throw new Error('expected ok');
    expect(r.counts).toEqual({ nodes: s.nodes.length, pods: s.pods.length, services: s.services.length });
    // Every element the canvas places has a position now (pods take their node's slots).
    for (const e of [...r.scenario.subnets, ...r.scenario.nodes, ...r.scenario.services]) expect(r.scenario.layout[e.id], e.id).toBeDefined();
    expect(r.problems).toEqual(validateScenario(s));
  });

  it('decodes a share link with its lesson, and reports a damaged one with the link error', () => {
    const link = encodeShareLink(loadExample('nodeport'), { lesson: 'nodeport' });
    if (!link.ok) throw new Error('encode');
    const r = runLoad({ kind: 'link', hash: link.hash });
    expect(r.ok && r.lesson).toBe('nodeport');
    const bad = runLoad({ kind: 'link', hash: link.hash.slice(0, -12) });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.linkError?.code).toBe('truncated');
  });

  it('refuses a file that is not a scenario with its field errors', () => {
    const r = runLoad({ kind: 'file', text: '{"version":1,"nodes":[{"id":"n1"}]}' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors?.length).toBeGreaterThan(0);
  });

  it('builds the stress cluster at the size asked for, up to 1,000 nodes', () => {
    const r = runLoad({ kind: 'stress', nodes: 300 });
    expect(r.ok && r.counts.nodes).toBe(300);
    expect(r.ok && r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('the time budget', () => {
  it('stops a load that runs past its budget: the worker is terminated and the result says so', async () => {
    const { w, make } = stuckWorker();
    const h = startLoad({ kind: 'file', text: '{}' }, { budgetMs: 30, worker: make });
    const r = await h.result;
    expect(r).toEqual({ ok: false, tooSlow: true, budgetMs: 30 });
    expect(w.terminated).toBe(true);
    expect(w.posted).toEqual([{ kind: 'file', text: '{}' }]);
  });

  it('Cancel stops the worker too, and a late answer changes nothing', async () => {
    const { w, make } = stuckWorker();
    const h = startLoad({ kind: 'file', text: '{}' }, { budgetMs: 10_000, worker: make });
    h.cancel();
    expect(await h.result).toEqual({ ok: false, cancelled: true });
    expect(w.terminated).toBe(true);
    (w.onmessage as (e: { data: unknown }) => void)({ data: { type: 'done', outcome: { ok: false, errors: [] } } });
    expect(await h.result).toEqual({ ok: false, cancelled: true });
  });

  it('passes the worker steps through and resolves with its outcome within the budget', async () => {
    const { w, make } = stuckWorker();
    const steps: LoadStep[] = [];
    const h = startLoad({ kind: 'file', text: '{}' }, { budgetMs: 10_000, worker: make, onStep: (s) => steps.push(s) });
    const send = w.onmessage as (e: { data: unknown }) => void;
    send({ data: { type: 'step', step: 'parse' } });
    send({ data: { type: 'step', step: 'validate' } });
    send({ data: { type: 'done', outcome: { ok: false, errors: [{ path: '(root)', message: 'x' }] } } });
    expect(await h.result).toEqual({ ok: false, errors: [{ path: '(root)', message: 'x' }] });
    expect(steps).toEqual(['parse', 'validate']);
    expect(w.terminated).toBe(true);
  });
});
