/**
 * The session around the editor: which lesson is open, saved work, share links, files, and the
 * messages about them. A vanilla zustand store for what the UI shows, plus actions that never touch
 * React, so they are unit-tested without a browser.
 *
 * Every action that replaces the whole scenario (open a lesson, Reset to lesson, New, Import,
 * Restore previous work) goes through the autosaver, so the work it replaces is saved first and
 * becomes the backup: "Restore previous work" brings it back. Each replacement is also one undoable
 * step of the editor (`load`).
 */
import { createStore } from 'zustand/vanilla';
import { emptyClusterInput, msg, parseScenario, type Scenario } from '../sim/index';
import { applyLessonChange, getLesson, lessonScenario, type Lesson } from '../lessons/index';
import { createTranslator, localized, DEFAULT_LOCALE, type MessageKey, type MessageParams } from '../i18n/index';
import { loadBackup, loadDamagedWork, restoreBackup, type SaveResult } from '../io/saved-work';
import { exportScenarioJson, importScenarioJson, MAX_SCENARIO_FILE_BYTES, scenarioFileName } from '../io/scenario-file';
import { encodeShareLink } from '../io/share-link';
import { layoutAsDrawn } from '../layout/asDrawn';
import { createAutosaver } from './autosave';
import { endLoading, loadWithProgress } from './loading/progress';
import { changeNeeded, packetOutcome, packetSpec } from './lessonPackets';

export type { ImportErrors, Replacement, Session, SessionOptions, SessionState, ShareResult, StartupBanner } from './sessionTypes';
import type { Replacement, Session, SessionOptions, SessionState } from './sessionTypes';

/** A lesson's scenario with a fresh layout from the canvas (lessons carry no positions). */
export function laidOutLesson(lesson: Lesson): Scenario {
  const s = lessonScenario(lesson);
  // Laid out as the canvas first draws it: system pods collapsed unless the lesson is about them.
  return { ...s, layout: layoutAsDrawn(s, lesson.systemPods !== 'shown') };
}

export function createSession(opts: SessionOptions): Session {
  const { editor, storage } = opts;
  const knownLesson = opts.lesson !== undefined && getLesson(opts.lesson) ? opts.lesson : undefined;
  const hasBackup = () => (storage ? loadBackup(storage).ok : false);
  const state = createStore<SessionState>()(() => ({
    ...(knownLesson ? { lesson: knownLesson } : {}),
    lessonPanelOpen: knownLesson !== undefined,
    step: 0,
    outcomes: {},
    ...(opts.banner ? { banner: opts.banner } : {}),
    hasBackup: hasBackup(),
    locale: opts.locale ?? DEFAULT_LOCALE,
  }));
  const t = (key: MessageKey, params?: MessageParams) => createTranslator(state.getState().locale)(key, params);
  const notify = (key: MessageKey, params?: MessageParams, tone: 'info' | 'error' = 'info') => editor.getState().notify(t(key, params), tone);

  const onSaved = (result: SaveResult) => {
    if (result.ok) state.setState({ saveError: undefined, ...(result.backedUp ? { hasBackup: true } : {}) });
    else state.setState({ saveError: result.reason });
  };
  const autosave = createAutosaver({
    editor,
    storage,
    lesson: () => state.getState().lesson,
    onResult: onSaved,
    onEditSaved: opts.clearLinkFromAddress,
    ...(opts.autosaveDelayMs !== undefined ? { delayMs: opts.autosaveDelayMs } : {}),
  });
  if (opts.openedFromStorage) autosave.markSaved(editor.getState().scenario);

  const listeners = new Set<(kind: Replacement) => void>();
  const replaced = (kind: Replacement) => {
    for (const l of listeners) l(kind);
  };

  /**
   * The lesson that goes with each scenario a replacement put in or took out of the editor, so undo
   * and redo across a replacement bring the right lesson (or none) back with the scenario.
   */
  const lessonAt = new WeakMap<Scenario, string | undefined>();
  const unsubscribe = editor.subscribe((now, before) => {
    if (now.scenario === before.scenario || !lessonAt.has(now.scenario)) return;
    const lesson = lessonAt.get(now.scenario);
    if (lesson !== state.getState().lesson) state.setState({ lesson, lessonPanelOpen: lesson !== undefined, step: 0, outcomes: {} });
  });
  const load = (scenario: Scenario, lesson: string | undefined) => {
    lessonAt.set(editor.getState().scenario, state.getState().lesson);
    editor.getState().load(scenario);
    lessonAt.set(editor.getState().scenario, lesson);
  };

  const replace = (kind: Replacement, scenario: Scenario, origin: 'lesson' | 'new' | 'import', lesson: string | undefined) => {
    const saved = autosave.replace(origin, lesson, () => load(scenario, lesson));
    state.setState({ lesson, lessonPanelOpen: lesson !== undefined, step: 0, outcomes: {}, importErrors: undefined, hasBackup: hasBackup() });
    replaced(kind);
    return saved?.ok === true && saved.backedUp;
  };

  const openLessonAs = (kind: 'lesson' | 'reset', id: string): boolean => {
    const lesson = getLesson(id);
    if (!lesson) return false;
    const kept = replace(kind, laidOutLesson(lesson), 'lesson', lesson.id);
    const title = localized(lesson.title, state.getState().locale);
    if (kind === 'reset') notify('notice.lessonReset', { n: lesson.number, title });
    else notify(kept ? 'notice.lessonOpenedKept' : 'notice.lessonOpened', { n: lesson.number, title });
    return true;
  };

  const session: Session = {
    editor,
    state,
    autosave,
    openLesson: (id) => openLessonAs('lesson', id),
    resetToLesson() {
      const id = state.getState().lesson;
      return id !== undefined && openLessonAs('reset', id);
    },
    closeLesson() {
      if (state.getState().lesson === undefined) return;
      state.setState({ lesson: undefined, lessonPanelOpen: false, step: 0, outcomes: {} });
      autosave.touch();
    },
    setLessonPanelOpen: (open) => state.setState({ lessonPanelOpen: open }),
    setStep(step) {
      const lesson = getLesson(state.getState().lesson ?? '');
      if (!lesson) return;
      state.setState({ step: Math.max(0, Math.min(lesson.steps.length - 1, step)) });
    },
    newScenario() {
      const parsed = parseScenario(emptyClusterInput(t('scenario.untitled')));
      if (!parsed.ok) throw new Error('the empty scenario does not parse');
      notify(replace('new', parsed.scenario, 'new', undefined) ? 'notice.newScenarioKept' : 'notice.newScenario');
    },
    importJson(text, fileName) {
      const result = importScenarioJson(text);
      if (!result.ok) {
        // The current work stays exactly as it is.
        state.setState({ importErrors: { fileName, errors: result.errors } });
        return false;
      }
      replace('import', result.scenario, 'import', undefined);
      notify('fileImported', { name: fileName });
      return true;
    },
    async importFile(file) {
      if (file.size > MAX_SCENARIO_FILE_BYTES) {
        state.setState({
          importErrors: { fileName: file.name, errors: [{ path: '(root)', msg: msg('input.file-too-large', { mb: MAX_SCENARIO_FILE_BYTES / 1_000_000 }) }] },
        });
        return false;
      }
      let text: string;
      try {
        text = await file.text();
      } catch {
        state.setState({ importErrors: { fileName: file.name, errors: [{ path: '(root)', msg: msg('input.file-unreadable') }] } });
        return false;
      }
      // Parse, validate and lay out off the page's thread, with progress and a time budget (src/store/loading).
      const name = file.name;
      const r = await loadWithProgress({ kind: 'file', text }, { name, ...opts.load });
      if (r.ok) {
        replace('import', r.scenario, 'import', undefined);
        endLoading();
        notify('fileImported', { name });
        return true;
      }
      // The current work stays exactly as it is.
      if ('errors' in r && r.errors) state.setState({ importErrors: { fileName: name, errors: r.errors } });
      else if ('tooSlow' in r) notify('loading.tooSlow', { name, seconds: r.budgetMs / 1000 }, 'error');
      else if ('cancelled' in r) notify('loading.cancelled', { name });
      else notify('loading.failed', { name, error: 'crashed' in r ? r.crashed : '' }, 'error');
      return false;
    },
    exportJson() {
      const scenario = editor.getState().scenario;
      return { fileName: scenarioFileName(scenario), text: exportScenarioJson(scenario) };
    },
    restorePrevious() {
      if (!storage) {
        notify('savedWork.unavailable', undefined, 'error');
        return false;
      }
      autosave.flush();
      const restored = restoreBackup(storage);
      if (!restored.ok) {
        notify('notice.noPreviousWork', undefined, 'error');
        state.setState({ hasBackup: hasBackup() });
        return false;
      }
      const lesson = restored.work.lesson !== undefined && getLesson(restored.work.lesson) ? restored.work.lesson : undefined;
      load(restored.work.scenario, lesson);
      autosave.markSaved(editor.getState().scenario);
      state.setState({ lesson, lessonPanelOpen: lesson !== undefined, step: 0, outcomes: {}, importErrors: undefined, hasBackup: hasBackup() });
      replaced('restore');
      notify('notice.restored');
      return true;
    },
    shareLink(base) {
      // Save a pending edit now: its save clears the old link from the address, which must happen
      // before the new link is written there, not just after.
      autosave.flush();
      const lesson = state.getState().lesson;
      const link = encodeShareLink(editor.getState().scenario, lesson !== undefined ? { lesson } : {});
      if (!link.ok) return { ok: false, code: link.error.code };
      return { ok: true, hash: link.hash, url: base.replace(/#.*$/, '') + link.hash };
    },
    sendLessonPacket(packets, packetId) {
      const lesson = getLesson(state.getState().lesson ?? '');
      const packet = lesson?.packets.find((p) => p.id === packetId);
      if (!lesson || !packet) return undefined;
      if (packet.change && changeNeeded(editor.getState().scenario, packet.change)) {
        const change = packet.change;
        // The same validated edit the inspector makes (one undo step); refused when the learner removed what it changes.
        const result = editor.getState().applyEdit((s) => applyLessonChange(s, change));
        if (!result.ok) {
          notify('lessons.changeFailed', { error: result.error }, 'error');
          return undefined;
        }
      }
      const result = packets.getState().send(packetSpec(packet));
      if (!result) {
        notify('lessons.sendFailed', { error: packets.getState().sendError ?? '' }, 'error');
        return undefined;
      }
      const outcome = packetOutcome(packet, result);
      state.setState((s) => ({ outcomes: { ...s.outcomes, [packet.id]: outcome } }));
      return outcome;
    },
    dismissBanner: () => state.setState({ banner: undefined }),
    damagedWork: () => (storage ? loadDamagedWork(storage) : undefined),
    dismissImportErrors: () => state.setState({ importErrors: undefined }),
    setLocale(locale) {
      if (state.getState().locale !== locale) state.setState({ locale });
    },
    onReplaced(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      unsubscribe();
      autosave.flush();
      autosave.dispose();
      listeners.clear();
    },
  };
  return session;
}
