/**
 * The session around the editor: which lesson is open, saved work, share links, files, and the
 * messages about them. A vanilla zustand store for what the UI shows, plus actions that never touch
 * React, so they are unit-tested without a browser. The actions live by concept in
 * sessionLessons.ts and sessionFiles.ts; this file builds the state and what they share.
 *
 * Every action that replaces the whole scenario (open a lesson, Reset to lesson, New, Import,
 * Restore previous work) goes through the autosaver, so the work it replaces is saved first and
 * becomes the backup: "Restore previous work" brings it back. Each replacement is also one undoable
 * step of the editor (`load`), which holds the lesson with the scenario: the editor is built with
 * `lessonUndo(state)` (src/store/app.ts), so its undo steps read and restore the open lesson here.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Scenario } from '../sim/index';
import { isLessonId } from '../lessons/catalog';
import { createTranslator, DEFAULT_LOCALE, type Locale, type MessageKey, type MessageParams } from '../i18n/index';
import type { SaveResult } from '../io/saved-work';
import { editingIfLoaded } from './editing';
import type { LessonUndo } from './editorTypes';
import { createAutosaver } from './autosave';
import { lessonActions } from './sessionLessons';
import { fileActions } from './sessionFiles';

export { laidOutLesson } from './sessionLessons';
export type { ImportErrors, Replacement, Session, SessionOptions, SessionState, ShareResult, StartupBanner } from './sessionTypes';
import type { Replacement, Session, SessionCore, SessionOptions, SessionState, StartupBanner } from './sessionTypes';

/** The session's state before anything happened: the lesson the app opened with (if the app knows it) at its step, a start-up banner. */
export function createSessionStore(
  opts: { lesson?: string | undefined; step?: number | undefined; banner?: StartupBanner | undefined; locale?: Locale | undefined } = {},
): StoreApi<SessionState> {
  const lesson = opts.lesson !== undefined && isLessonId(opts.lesson) ? opts.lesson : undefined;
  return createStore<SessionState>()(() => ({
    ...(lesson ? { lesson } : {}),
    lessonPanelOpen: lesson !== undefined,
    // The step the reader was on when the work was saved (the lesson panel keeps it within the lesson).
    step: lesson !== undefined ? Math.max(0, opts.step ?? 0) : 0,
    outcomes: {},
    ...(opts.banner ? { banner: opts.banner } : {}),
    hasBackup: false,
    locale: opts.locale ?? DEFAULT_LOCALE,
  }));
}

/**
 * The open lesson as the editor's undo steps hold it. Restoring another lesson shows its panel from
 * the first step; restoring the same lesson only brings its packets' outcomes back.
 */
export function lessonUndo(state: StoreApi<SessionState>): LessonUndo {
  return {
    current: () => {
      const { lesson, outcomes } = state.getState();
      return { id: lesson, outcomes };
    },
    restore({ id, outcomes }) {
      const s = state.getState();
      if (id !== s.lesson) state.setState({ lesson: id, outcomes, lessonPanelOpen: id !== undefined, step: 0 });
      else if (outcomes !== s.outcomes) state.setState({ outcomes });
    },
  };
}

export function createSession(opts: SessionOptions): Session {
  const { editor, state, storage } = opts;
  // A backup is read through the schema; when storage holds one the app waited for the editing code at start.
  const hasBackup = () => (storage ? (editingIfLoaded()?.savedWork.loadBackup(storage).ok ?? false) : false);
  state.setState({ hasBackup: hasBackup() });
  const t = (key: MessageKey, params?: MessageParams) => createTranslator(state.getState().locale)(key, params);
  // A notice keeps its key, so it is shown in the reader's language even after they switch ("Opened lesson 3" then 简体中文).
  const notify = (key: MessageKey, params?: MessageParams, tone: 'info' | 'error' = 'info') =>
    editor.getState().notifyMessage(key, params, { tone, text: t(key, params) });

  const onSaved = (result: SaveResult) => {
    if (result.ok) state.setState({ saveError: undefined, ...(result.backedUp ? { hasBackup: true } : {}) });
    else state.setState({ saveError: result.reason });
  };
  const autosave = createAutosaver({
    editor,
    storage,
    lesson: () => state.getState().lesson,
    step: () => state.getState().step,
    onResult: onSaved,
    onEditSaved: opts.clearLinkFromAddress,
    ...(opts.autosaveDelayMs !== undefined ? { delayMs: opts.autosaveDelayMs } : {}),
  });
  if (opts.openedFromStorage) autosave.markSaved(editor.getState().scenario);

  const listeners = new Set<(kind: Replacement) => void>();
  const core: SessionCore = {
    editor,
    state,
    storage,
    autosave,
    t,
    notify,
    hasBackup,
    ...(opts.load ? { load: opts.load } : {}),
    replaced(kind) {
      for (const l of listeners) l(kind);
    },
    replace(kind, scenario: Scenario, origin, lesson) {
      // One undo step: the scenario and its lesson (with no outcomes yet) replace the current ones together.
      const saved = autosave.replace(origin, lesson, () => editor.getState().load(scenario, { id: lesson, outcomes: {} }));
      state.setState({ lessonPanelOpen: lesson !== undefined, step: 0, importErrors: undefined, hasBackup: hasBackup() });
      core.replaced(kind);
      return saved?.ok === true && saved.backedUp;
    },
  };

  return {
    editor,
    state,
    autosave,
    ...lessonActions(core),
    ...fileActions(core),
    dismissBanner: () => state.setState({ banner: undefined }),
    dismissImportErrors: () => state.setState({ importErrors: undefined }),
    setLocale(locale) {
      if (state.getState().locale !== locale) state.setState({ locale });
    },
    onReplaced(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      autosave.flush();
      autosave.dispose();
      listeners.clear();
    },
  };
}
