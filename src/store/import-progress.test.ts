/**
 * Import JSON goes through the loader (src/store/loading): the progress store shows its steps, and a
 * file that takes longer than the time budget is refused with a message while the current work, and
 * the saved work, stay exactly as they were (issue 15: bounded work, nothing lost).
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario } from './defaultScenario';
import { exportScenarioJson } from '../io/scenario-file';
import { loadExample } from '../sim/testing/examples';
import { buildApp, type BuildOptions } from './app';
import { loadingStore } from './loading/progress';
import { MemoryStorage } from './testing';

function setup(load?: BuildOptions['load']) {
  const storage = new MemoryStorage();
  const { editor, session } = buildApp(defaultScenario(), { storage, ...(load ? { load } : {}) });
  return { editor, storage, session, notice: () => editor.getState().notice?.text };
}

describe('Import JSON with progress', () => {
  it('shows the steps while it loads and ends with the scenario on the editor and the progress gone', async () => {
    const { editor, session, notice } = setup();
    const seen: string[] = [];
    const off = loadingStore.subscribe((s) => {
      if (s.active && seen[seen.length - 1] !== s.active.step) seen.push(s.active.step);
    });
    const other = loadExample('nodeport');
    expect(await session.importFile({ name: 'nodeport.json', size: 100, text: async () => exportScenarioJson(other) })).toBe(true);
    off();
    expect(seen).toEqual(['parse', 'validate', 'layout', 'render']);
    expect(editor.getState().scenario.services.map((s) => s.name)).toEqual(other.services.map((s) => s.name));
    expect(notice()).toMatch(/^Imported nodeport\.json/);
    await new Promise((r) => setTimeout(r, 0));
    expect(loadingStore.getState().active).toBeUndefined();
  });

  it('refuses a file that takes longer than the time budget, and keeps the current and the saved work', async () => {
    // A worker that never answers: a parse that would run away.
    const stuck = () => ({ postMessage() {}, terminate() {}, onmessage: null, onerror: null }) as unknown as Worker;
    const { editor, storage, session, notice } = setup({ budgetMs: 20, worker: stuck });
    session.autosave.flush();
    const before = editor.getState().scenario;
    const saved = storage.snapshot();
    expect(await session.importFile({ name: 'slow.json', size: 100, text: async () => exportScenarioJson(loadExample('nodeport')) })).toBe(false);
    expect(editor.getState().scenario).toBe(before);
    expect(storage.snapshot()).toEqual(saved);
    expect(notice()).toBe('slow.json was not opened: reading and checking it took more than 0.02 s. Your current work was not changed.');
    expect(loadingStore.getState().active).toBeUndefined();
  });
});
