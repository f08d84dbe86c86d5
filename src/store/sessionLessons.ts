/**
 * The session's lesson actions: open, reset and close a lesson, read its steps, and send its
 * suggested packets (making a packet's change first, as one undo step with the lesson's state).
 */
import type { Scenario } from '../sim/index';
import { applyLessonChange, getLesson, lessonScenario, type Lesson } from '../lessons/index';
import { localized } from '../i18n/index';
import { layoutAsDrawn } from '../layout/asDrawn';
import { changeNeeded, packetOutcome, packetSpec } from './lessonPackets';
import type { Session, SessionCore } from './sessionTypes';

/** A lesson's scenario with a fresh layout from the canvas (lessons carry no positions). */
export function laidOutLesson(lesson: Lesson): Scenario {
  const s = lessonScenario(lesson);
  // Laid out as the canvas first draws it: system pods collapsed unless the lesson is about them.
  return { ...s, layout: layoutAsDrawn(s, lesson.systemPods !== 'shown') };
}

type LessonActions = Pick<Session, 'openLesson' | 'resetToLesson' | 'closeLesson' | 'setLessonPanelOpen' | 'setStep' | 'sendLessonPacket'>;

export function lessonActions(core: SessionCore): LessonActions {
  const { editor, state, autosave, notify } = core;

  const openLessonAs = (kind: 'lesson' | 'reset', id: string): boolean => {
    const lesson = getLesson(id);
    if (!lesson) return false;
    const kept = core.replace(kind, laidOutLesson(lesson), 'lesson', lesson.id);
    const title = localized(lesson.title, state.getState().locale);
    if (kind === 'reset') notify('notice.lessonReset', { n: lesson.number, title });
    else notify(kept ? 'notice.lessonOpenedKept' : 'notice.lessonOpened', { n: lesson.number, title });
    return true;
  };

  return {
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
    async sendLessonPacket(packets, packetId) {
      const lesson = getLesson(state.getState().lesson ?? '');
      const packet = lesson?.packets.find((p) => p.id === packetId);
      if (!lesson || !packet) return undefined;
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
