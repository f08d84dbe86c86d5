import { describe, expect, it } from 'vitest';
import { createEditorStore } from './editorStore';
import { loadExample } from '../sim/testing/examples';
import { loadBackup, loadSavedWork, SAVED_WORK_KEY } from '../io/saved-work';
import { placeMissing } from '../layout/layout';
import { createAutosaver } from './autosave';
import { ManualTimers, MemoryStorage } from './testing';

const hostGw = loadExample('host-gw');
const vxlan = loadExample('vxlan-across-subnets');

function setup(lesson?: string) {
  const editor = createEditorStore(hostGw, { place: placeMissing });
  const storage = new MemoryStorage();
  const timers = new ManualTimers();
  const saver = createAutosaver({ editor, storage, lesson: () => lesson, setTimer: timers.set, clearTimer: timers.clear });
  return { editor, storage, timers, saver };
}

describe('autosave', () => {
  it('writes nothing until the scenario changes', () => {
    const { storage, timers, saver } = setup();
    expect(saver.pending()).toBe(false);
    timers.run();
    expect(saver.flush()).toBeUndefined();
    expect(storage.writes).toBe(0);
  });

  it('saves edits once after a quiet moment, with the open lesson', () => {
    const { editor, storage, timers, saver } = setup('host-gw-routes');
    editor.getState().editInfo({ name: 'one' });
    editor.getState().editInfo({ name: 'two' });
    editor.getState().select(['node-1']);
    expect(saver.pending()).toBe(true);
    expect(timers.pending.size).toBe(1);
    expect(storage.writes).toBe(0);
    timers.run();
    expect(storage.writes).toBe(1);
    const saved = loadSavedWork(storage);
    expect(saved).toMatchObject({ ok: true, work: { origin: 'edit', lesson: 'host-gw-routes', scenario: { name: 'two' } } });
    // Selecting or hovering does not change the scenario: nothing more to write.
    editor.getState().select([]);
    expect(saver.pending()).toBe(false);
  });

  it('on a replacement, writes the waiting edit first so it becomes the backup', () => {
    const { editor, storage, timers, saver } = setup();
    editor.getState().editInfo({ name: 'my edited work' });
    expect(storage.writes).toBe(0);
    const result = saver.replace('lesson', 'host-gw-vs-vxlan', () => editor.getState().load(vxlan));
    expect(result).toEqual({ ok: true, backedUp: true });
    expect(loadBackup(storage)).toMatchObject({ ok: true, work: { scenario: { name: 'my edited work' } } });
    expect(loadSavedWork(storage)).toMatchObject({ ok: true, work: { origin: 'lesson', lesson: 'host-gw-vs-vxlan', scenario: { name: vxlan.name } } });
    // The load itself is not saved again as an edit.
    expect(saver.pending()).toBe(false);
    const writes = storage.writes;
    timers.run();
    expect(storage.writes).toBe(writes);
  });

  it('keeps work that was never saved (the example opened at first start) as the backup of a replacement', () => {
    const { editor, storage, saver } = setup();
    saver.replace('new', undefined, () => editor.getState().load(vxlan));
    expect(loadBackup(storage)).toMatchObject({ ok: true, work: { scenario: { name: hostGw.name } } });
  });

  it('does not save again what storage already holds (markSaved), and saves when touched', () => {
    const { editor, storage, timers, saver } = setup('a');
    saver.markSaved(editor.getState().scenario);
    saver.replace('import', undefined, () => editor.getState().load(vxlan));
    // The opened work was already stored: only the replacement is written.
    expect(storage.writes).toBe(1);
    saver.touch();
    timers.run();
    expect(storage.writes).toBe(2);
  });

  it('reports a failed save and writes nothing without storage', () => {
    const editor = createEditorStore(hostGw, { place: placeMissing });
    const storage = new MemoryStorage();
    storage.failWrites = 'quota';
    const results: string[] = [];
    const saver = createAutosaver({ editor, storage, lesson: () => undefined, onResult: (r) => results.push(r.ok ? 'ok' : r.reason) });
    editor.getState().editInfo({ name: 'x' });
    saver.flush();
    expect(results).toEqual(['quota']);
    expect(storage.items.has(SAVED_WORK_KEY)).toBe(false);
    saver.dispose();

    const none = createAutosaver({ editor, storage: undefined, lesson: () => undefined, onResult: () => results.push('called') });
    editor.getState().editInfo({ name: 'y' });
    expect(none.flush()).toBeUndefined();
    expect(results).toEqual(['quota']);
    none.dispose();
  });
});
