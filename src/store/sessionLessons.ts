/**
 * The session's lesson actions: open, reset and close a lesson, read its steps, and send its
 * suggested packets (making a packet's change first, as one undo step with the lesson's state).
 */
import type { Scenario } from '../sim/index';
import type { Lesson } from '../lessons/index';
import { lessonsIfLoaded, loadLessons, type Lessons } from './lessons';
import { withEditingCode } from './editing';
import { localized } from '../i18n/index';
import { layoutAsDrawn } from '../layout/asDrawn';
import { changeNeeded, packetOutcome, packetSpec } from './lessonPackets';
import type { Session, SessionCore } from './sessionTypes';

/** A lesson's scenario with a fresh layout from the canvas (lessons carry no positions). */
export function laidOutLesson(lessons: Pick<Lessons, 'lessonScenario'>, lesson: Lesson): Scenario {
  const s = lessons.lessonScenario(lesson);
  // Laid out as the canvas first draws it: system pods collapsed unless the lesson is about them.
  return { ...s, layout: layoutAsDrawn(s, lesson.systemPods !== 'shown') };
}

type LessonActions = Pick<Session, 'openLesson' | 'resetToLesson' | 'closeLesson' | 'setLessonPanelOpen' | 'setStep' | 'sendLessonPacket'>;

export function lessonActions(core: SessionCore): LessonActions {
  const { editor, state, autosave, notify } = core;

  /**
   * The lessons' content, fetched the first time one is opened, with the editing code its scenarios
   * and changes go through; a failed fetch is said and changes nothing.
   */
  const lessonsNow = async (): Promise<Lessons | undefined> => {
    try {
      return await withEditingCode(loadLessons());
    } catch {
      notify('lessons.loadFailed', {}, 'error');
      return undefined;
    }
  };

  const openLessonAs = async (kind: 'lesson' | 'reset', id: string): Promise<boolean> => {
    const lessons = await lessonsNow();
    const lesson = lessons?.getLesson(id);
    if (!lessons || !lesson) return false;
    const kept = core.replace(kind, laidOutLesson(lessons, lesson), 'lesson', lesson.id);
    const title = localized(lesson.title, state.getState().locale);
    if (kind === 'reset') notify('notice.lessonReset', { n: lesson.number, title });
    else notify(kept ? 'notice.lessonOpenedKept' : 'notice.lessonOpened', { n: lesson.number, title });
    return true;
  };

  return {
    openLesson: (id) => openLessonAs('lesson', id),
    async resetToLesson() {
      const id = state.getState().lesson;
      return id !== undefined && (await openLessonAs('reset', id));
    },
    closeLesson() {
      if (state.getState().lesson === undefined) return;
      state.setState({ lesson: undefined, lessonPanelOpen: false, step: 0, outcomes: {} });
      autosave.touch();
    },
    setLessonPanelOpen: (open) => state.setState({ lessonPanelOpen: open }),
    setStep(step) {
      // Steps are shown only once the lesson's content is here (LessonPanel), so it is loaded by now.
      const lesson = lessonsIfLoaded()?.getLesson(state.getState().lesson ?? '');
      if (!lesson) return;
      const next = Math.max(0, Math.min(lesson.steps.length - 1, step));
      if (next === state.getState().step) return;
      state.setState({ step: next });
      // Saved with the work, so a reload opens the lesson at this step.
      autosave.touch();
    },
    async sendLessonPacket(packets, packetId) {
      const lessons = await lessonsNow();
      const lesson = lessons?.getLesson(state.getState().lesson ?? '');
      const packet = lesson?.packets.find((p) => p.id === packetId);
      if (!lessons || !lesson || !packet) return undefined;
      const { applyLessonChange } = lessons;
      if (packet.change && changeNeeded(editor.getState().scenario, packet.change)) {
        const change = packet.change;
        // The same validated edit the inspector makes: one undo step, which also holds the outcomes so
        // far, so undo takes back the change and the outcome it led to together. Refused when the
        // learner removed what it changes.
        const result = editor.getState().applyEdit((s) => applyLessonChange(s, change));
        if (!result.ok) {
          notify('lessons.changeFailed', { error: result.error }, 'error');
          return undefined;
        }
      }
      const result = await packets.getState().send(packetSpec(packet));
      if (!result) {
        notify('lessons.sendFailed', { error: packets.getState().sendError ?? '' }, 'error');
        return undefined;
      }
      const outcome = packetOutcome(packet, result);
      state.setState((s) => ({ outcomes: { ...s.outcomes, [packet.id]: outcome } }));
      return outcome;
    },
  };
}
