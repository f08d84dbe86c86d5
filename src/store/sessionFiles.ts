/**
 * The session's actions on the work as a whole: New, Import and Export JSON, Restore previous work,
 * the share link, and the damaged work kept for download. Every replacement goes through the
 * session's `replace` (autosaved first, so the work replaced becomes the backup; one undo step).
 * New, Import JSON text and Restore read through the schema: the interface offers them once the
 * editing code is here (src/store/editing.ts).
 */
import { msg } from '../sim/index';
import { isLessonId } from '../lessons/catalog';
import { exportScenarioJson, MAX_SCENARIO_FILE_BYTES, scenarioFileName } from '../io/scenario-export';
import { editing, editingIfLoaded } from './editing';
import { endLoading, loadWithProgress } from './loading/progress';
import type { Session, SessionCore } from './sessionTypes';

type FileActions = Pick<Session, 'newScenario' | 'importJson' | 'importFile' | 'exportJson' | 'restorePrevious' | 'shareLink' | 'damagedWork'>;

export function fileActions(core: SessionCore): FileActions {
  const { editor, state, storage, autosave, notify } = core;
  return {
    newScenario() {
      const { parseScenario, emptyClusterInput } = editing();
      const parsed = parseScenario(emptyClusterInput(core.t('scenario.untitled')));
      if (!parsed.ok) throw new Error('the empty scenario does not parse');
      notify(core.replace('new', parsed.scenario, 'new', undefined) ? 'notice.newScenarioKept' : 'notice.newScenario');
    },
    importJson(text, fileName) {
      const result = editing().scenarioFile.importScenarioJson(text);
      if (!result.ok) {
        // The current work stays exactly as it is.
        state.setState({ importErrors: { fileName, errors: result.errors } });
        return false;
      }
      core.replace('import', result.scenario, 'import', undefined);
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
      const r = await loadWithProgress({ kind: 'file', text }, { name, ...core.load });
      if (r.ok) {
        core.replace('import', r.scenario, 'import', undefined);
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
      const restored = editing().savedWork.restoreBackup(storage);
      if (!restored.ok) {
        notify('notice.noPreviousWork', undefined, 'error');
        state.setState({ hasBackup: core.hasBackup() });
        return false;
      }
      const lesson = restored.work.lesson !== undefined && isLessonId(restored.work.lesson) ? restored.work.lesson : undefined;
      editor.getState().load(restored.work.scenario, { id: lesson, outcomes: {} });
      autosave.markSaved(editor.getState().scenario);
      state.setState({ lessonPanelOpen: lesson !== undefined, step: 0, importErrors: undefined, hasBackup: core.hasBackup() });
      core.replaced('restore');
      notify('notice.restored');
      return true;
    },
    async shareLink(base) {
      const code = await import('../io/share-link').catch(() => undefined);
      if (!code) return { ok: false, code: 'unavailable' };
      // Save a pending edit now: its save clears the old link from the address, which must happen
      // before the new link is written there, not just after.
      autosave.flush();
      const lesson = state.getState().lesson;
      const link = code.encodeShareLink(editor.getState().scenario, lesson !== undefined ? { lesson } : {});
      if (!link.ok) return { ok: false, code: link.error.code };
      return { ok: true, hash: link.hash, url: base.replace(/#.*$/, '') + link.hash };
    },
    // Damaged work is only there when storage held saved work, and then the app waited for the editing code.
    damagedWork: () => (storage ? editingIfLoaded()?.savedWork.loadDamagedWork(storage) : undefined),
  };
}
