/**
 * Autosave: the editor's scenario written to storage (saved-work.ts) a moment after each change,
 * and at once when the page is hidden or closed.
 *
 * - Edits are saved with origin 'edit' (debounced), which overwrites the current save only.
 * - `replace` saves a scenario that replaces the whole work (a lesson, New, Import, a link): it first
 *   writes any edit still waiting, so the work being replaced is the one that becomes the backup.
 * - Nothing is written until the scenario changes: opening the app, even with a bad link, writes
 *   nothing; `markSaved` tells the saver the scenario the app opened with is already stored. The
 *   example scenario of a first visit is written only when something replaces it, so it can be
 *   restored as the previous work.
 */
import type { Scenario } from '../sim/index';
import type { EditorStore } from './editorStore';
import type { SaveOrigin, SaveResult, StorageLike } from '../io/saved-work';
import { editingIfLoaded, withEditing } from './editing';

/** Milliseconds of quiet after an edit before it is written. */
export const AUTOSAVE_DELAY_MS = 400;

export interface Autosaver {
  /** Write the scenario now if it changed since the last save. */
  flush(): SaveResult | undefined;
  /**
   * Replace the whole work: write the current work (edits included) so it becomes the backup, run
   * `load` (which puts the new scenario in the editor), then save the editor's new scenario with `origin`.
   */
  replace(origin: Exclude<SaveOrigin, 'edit'>, lesson: string | undefined, load: () => void): SaveResult | undefined;
  /** Record that `scenario` is what storage holds (restored from the backup, or the work the app opened). */
  markSaved(scenario: Scenario | undefined): void;
  /** Save soon even though the scenario did not change (the open lesson changed). */
  touch(): void;
  /** Whether an edit is waiting to be written. */
  pending(): boolean;
  dispose(): void;
}

export interface AutosaveOptions {
  editor: EditorStore;
  /** undefined where the browser refuses storage: then nothing is saved and `onResult` is not called. */
  storage: StorageLike | undefined;
  /** The lesson open now, saved with the work. */
  lesson: () => string | undefined;
  /** The step of that lesson the reader is on, saved with it (a reload opens the lesson there). */
  step?: () => number;
  onResult?: (result: SaveResult, origin: SaveOrigin) => void;
  /** Called after each autosaved edit (the app drops a stale share link from the address then). */
  onEditSaved?: (() => void) | undefined;
  delayMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export function createAutosaver(opts: AutosaveOptions): Autosaver {
  const delay = opts.delayMs ?? AUTOSAVE_DELAY_MS;
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let saved: Scenario | undefined;
  /** The scenario the editor opened with: not worth writing by itself (it is the example, or already stored). */
  const opened = opts.editor.getState().scenario;
  let dirty = false;
  let timer: unknown;

  const cancel = () => {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
  };
  const write = (scenario: Scenario, origin: SaveOrigin, lesson: string | undefined): SaveResult | undefined => {
    if (!opts.storage) return undefined;
    const code = editingIfLoaded();
    if (!code) {
      // Saving writes through the schema, which comes with the editing code: save once it is here.
      withEditing(() => void write(scenario, origin, lesson));
      return undefined;
    }
    const step = lesson !== undefined && origin === 'edit' ? opts.step?.() : undefined;
    const result = code.savedWork.saveWork(opts.storage, scenario, { origin, ...(lesson !== undefined ? { lesson } : {}), ...(step ? { step } : {}) });
    opts.onResult?.(result, origin);
    return result;
  };
  /** `keepOpened`: write even the scenario the app opened with, when it was never saved (it is about to be replaced). */
  const flush = (keepOpened = false): SaveResult | undefined => {
    cancel();
    const scenario = opts.editor.getState().scenario;
    const unchanged = scenario === saved || (saved === undefined && scenario === opened && !keepOpened);
    if (!dirty && unchanged) return undefined;
    dirty = false;
    saved = scenario;
    const result = write(scenario, 'edit', opts.lesson());
    if (result?.ok) opts.onEditSaved?.();
    return result;
  };
  const schedule = () => {
    cancel();
    timer = setTimer(() => {
      timer = undefined;
      flush();
    }, delay);
  };
  const unsubscribe = opts.editor.subscribe((state, prev) => {
    if (state.scenario !== prev.scenario && state.scenario !== saved) schedule();
  });

  return {
    flush: () => flush(),
    replace(origin, lesson, load) {
      // The work being replaced, with its last edits, is what the backup must hold.
      flush(true);
      load();
      cancel();
      dirty = false;
      saved = opts.editor.getState().scenario;
      return write(saved, origin, lesson);
    },
    markSaved(scenario) {
      saved = scenario;
      dirty = false;
      cancel();
    },
    touch() {
      dirty = true;
      schedule();
    },
    pending: () => timer !== undefined,
    dispose() {
      cancel();
      unsubscribe();
    },
  };
}
