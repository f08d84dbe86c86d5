/**
 * Undo is one stack that holds the lesson with the scenario (src/store/editorStore.ts, lessonUndo in
 * session.ts): undo across a lesson switch, or after a lesson packet's change, restores both in one step.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario } from './defaultScenario';
import { getLesson, lessonScenario } from '../lessons/index';
import { buildApp } from './app';
import { MemoryStorage } from './testing';

const setup = () => buildApp(defaultScenario(), { storage: new MemoryStorage() });

describe('undo holds the lesson', () => {
  it('one undo stack holds the lesson: switch lessons, edit, undo twice, and the previous lesson is back with its scenario and outcomes', async () => {
    const { editor, session, packets } = setup();
    await session.openLesson('pods-on-one-node');
    const [toWeb] = getLesson('pods-on-one-node')!.packets;
    const outcome = await session.sendLessonPacket(packets, toWeb.id);
    expect(outcome).toMatchObject({ verdict: 'delivered', asExpected: true });
    const lesson1 = editor.getState().scenario;
    const depth = editor.getState().past.length;
    await session.openLesson('host-gw-routes');
    // Opening the lesson is one step, and that step holds what it replaced: lesson 1's scenario and outcome.
    expect(editor.getState().past).toHaveLength(depth + 1);
    expect(editor.getState().past.at(-1)).toEqual({ scenario: lesson1, lesson: { id: 'pods-on-one-node', outcomes: { [toWeb.id]: outcome } } });
    session.setStep(2);
    editor.getState().editInfo({ name: 'my lesson 2' });
    editor.getState().undo();
    // Undoing an edit keeps the lesson and the step the reader is on.
    expect(editor.getState().scenario.name).toBe(lessonScenario(getLesson('host-gw-routes')!).name);
    expect(session.state.getState()).toMatchObject({ lesson: 'host-gw-routes', step: 2, outcomes: {} });
    editor.getState().undo();
    expect(editor.getState().scenario).toBe(lesson1);
    expect(session.state.getState()).toMatchObject({ lesson: 'pods-on-one-node', lessonPanelOpen: true, step: 0, outcomes: { [toWeb.id]: outcome } });
    expect(editor.getState().past).toHaveLength(depth);
    editor.getState().redo();
    expect(editor.getState().scenario.name).toBe(lessonScenario(getLesson('host-gw-routes')!).name);
    expect(session.state.getState()).toMatchObject({ lesson: 'host-gw-routes', outcomes: {} });
  });

  it("undo after a lesson packet's change takes back the change and that packet's outcome in one step; redo brings both", async () => {
    const { editor, session, packets } = setup();
    await session.openLesson('host-gw-vs-vxlan');
    const [hostGw, vxlan] = getLesson('host-gw-vs-vxlan')!.packets;
    const dropped = await session.sendLessonPacket(packets, hostGw.id);
    const delivered = await session.sendLessonPacket(packets, vxlan!.id);
    expect(session.state.getState().outcomes).toEqual({ [hostGw.id]: dropped, [vxlan!.id]: delivered });
    editor.getState().undo();
    expect(editor.getState().scenario.cluster.flannelBackend).toBe('host-gw');
    expect(session.state.getState()).toMatchObject({ lesson: 'host-gw-vs-vxlan', outcomes: { [hostGw.id]: dropped } });
    expect(session.state.getState().outcomes[vxlan!.id]).toBeUndefined();
    editor.getState().redo();
    expect(editor.getState().scenario.cluster.flannelBackend).toBe('vxlan');
    expect(session.state.getState().outcomes).toEqual({ [hostGw.id]: dropped, [vxlan!.id]: delivered });
  });
});
