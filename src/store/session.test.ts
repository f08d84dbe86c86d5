import { describe, expect, it } from 'vitest';
import { defaultScenario } from './defaultScenario';
import { loadExample } from '../sim/testing/examples';
import { trace } from '../sim/tracer';
import { getLesson, LESSONS, lessonScenario } from '../lessons/index';
import { loadBackup, loadSavedWork, SAVED_WORK_KEY } from '../io/saved-work';
import { decodeShareLink } from '../io/share-link';
import { exportScenarioJson } from '../io/scenario-file';
import { laidOutLesson, type Replacement } from './session';
import { buildApp, createApp } from './app';
import { packetOutcome, packetSpec } from './lessonPackets';
import { MemoryStorage } from './testing';

function setup(opts: { storage?: MemoryStorage | null; locale?: 'en' | 'zh-CN' } = {}) {
  const storage = opts.storage === null ? undefined : (opts.storage ?? new MemoryStorage());
  const { editor, session, packets } = buildApp(defaultScenario(), { storage, ...(opts.locale ? { locale: opts.locale } : {}) });
  const replaced: Replacement[] = [];
  session.onReplaced((k) => replaced.push(k));
  return { editor, storage, session, packets, replaced, notice: () => editor.getState().notice?.text };
}

describe('opening a lesson', () => {
  it('loads its scenario laid out by the canvas, as one undo step, and keeps the previous work as the backup', async () => {
    const { editor, storage, session, replaced, notice } = setup();
    const lesson = getLesson('host-gw-vs-vxlan')!;
    expect(await session.openLesson(lesson.id)).toBe(true);
    const s = editor.getState().scenario;
    expect(s.name).toBe(lessonScenario(lesson).name);
    for (const e of [...s.subnets, ...s.nodes, ...s.routers, ...s.clients, ...s.services]) expect(s.layout[e.id], e.id).toBeDefined();
    expect(session.state.getState()).toMatchObject({ lesson: lesson.id, lessonPanelOpen: true, step: 0, hasBackup: true });
    expect(replaced).toEqual(['lesson']);
    expect(notice()).toBe(
      'Opened lesson 3: Host-gw vs VXLAN across subnets. Your previous work is kept: use "Restore previous work" to go back to it.'.replace(
        'Host-gw vs VXLAN across subnets',
        lesson.title.en,
      ),
    );
    expect(loadSavedWork(storage!)).toMatchObject({ ok: true, work: { origin: 'lesson', lesson: lesson.id } });
    expect(loadBackup(storage!)).toMatchObject({ ok: true, work: { scenario: { name: defaultScenario().name } } });
    editor.getState().undo();
    expect(editor.getState().scenario.name).toBe(defaultScenario().name);
  });

  it('undo and redo across opening a lesson take the lesson away and bring it back; edits keep it', async () => {
    const { editor, session } = setup();
    await session.openLesson('nodeport');
    editor.getState().editInfo({ name: 'my lesson 5' });
    expect(session.state.getState().lesson).toBe('nodeport');
    editor.getState().undo();
    expect(session.state.getState().lesson).toBe('nodeport');
    editor.getState().undo();
    expect(editor.getState().scenario.name).toBe(defaultScenario().name);
    expect(session.state.getState()).toMatchObject({ lesson: undefined, lessonPanelOpen: false });
    editor.getState().redo();
    expect(session.state.getState()).toMatchObject({ lesson: 'nodeport', lessonPanelOpen: true });
    await session.openLesson('ingress');
    session.newScenario();
    editor.getState().undo();
    expect(session.state.getState().lesson).toBe('ingress');
    editor.getState().undo();
    expect(session.state.getState().lesson).toBe('nodeport');
  });

  it('says so in Chinese when the interface is in Chinese', async () => {
    const { session, notice } = setup({ locale: 'zh-CN' });
    await session.openLesson('pods-on-one-node');
    expect(notice()).toContain('已打开第 1 课');
    session.setLocale('en');
    await session.resetToLesson();
    expect(notice()).toMatch(/^Lesson 1 is back as it started/);
  });

  it('refuses an unknown lesson and changes nothing', async () => {
    const { editor, storage, session } = setup();
    const before = editor.getState().scenario;
    expect(await session.openLesson('no-such-lesson')).toBe(false);
    expect(editor.getState().scenario).toBe(before);
    expect(storage!.writes).toBe(0);
  });

  it('the step the reader is on is saved with the lesson, so a reload opens the lesson there', async () => {
    const { storage, session } = setup();
    await session.openLesson('host-gw-vs-vxlan');
    session.setStep(2);
    session.autosave.flush();
    const saved = loadSavedWork(storage!);
    expect(saved.ok && saved.work).toMatchObject({ lesson: 'host-gw-vs-vxlan', step: 2 });
    // A reload: the app opens on the saved work at that step.
    const again = await createApp({ hash: '', storage: storage!, locale: 'en' });
    expect(again.session.state.getState()).toMatchObject({ lesson: 'host-gw-vs-vxlan', step: 2, lessonPanelOpen: true });
    // Back to the first step: saved as such (the step is left out).
    session.setStep(0);
    session.autosave.flush();
    const first = loadSavedWork(storage!);
    expect(first.ok && first.work.step).toBeUndefined();
  });

  it('steps stay within the lesson; closing forgets the lesson in the saved work', async () => {
    const { storage, session } = setup();
    await session.openLesson('pods-on-one-node');
    session.setStep(99);
    expect(session.state.getState().step).toBe(getLesson('pods-on-one-node')!.steps.length - 1);
    session.setStep(-3);
    expect(session.state.getState().step).toBe(0);
    session.closeLesson();
    session.autosave.flush();
    expect(session.state.getState().lesson).toBeUndefined();
    const saved = loadSavedWork(storage!);
    expect(saved.ok && saved.work.lesson).toBeUndefined();
  });
});

describe('suggested packets', () => {
  it.each(LESSONS.map((l) => [l.number, l.id] as const))(
    'lesson %i: every packet, sent in order from the panel, ends as the lesson expects',
    async (_n, id) => {
      const { editor, session, packets } = setup();
      await session.openLesson(id);
      const lesson = getLesson(id)!;
      for (const p of lesson.packets) {
        const before = editor.getState().past.length;
        const outcome = await session.sendLessonPacket(packets, p.id);
        expect(outcome, `${id}/${p.id}`).toMatchObject({ verdict: p.expect, asExpected: true });
        if (p.expect === 'dropped') expect(outcome?.code).toBe(p.expectCode);
        // A packet's change is one undoable edit; a packet without one (or already in effect) edits nothing.
        expect(editor.getState().past.length - before).toBeLessThanOrEqual(p.change ? 1 : 0);
        expect(session.state.getState().outcomes[p.id]).toEqual(outcome);
      }
      expect(packets.getState().packets).toHaveLength(lesson.packets.length);
    },
  );

  it('lesson 3: the VXLAN packet switches the cluster to vxlan first, as an edit undo takes back', async () => {
    const { editor, session, packets } = setup();
    await session.openLesson('host-gw-vs-vxlan');
    const [hostGw, vxlan] = getLesson('host-gw-vs-vxlan')!.packets;
    expect(await session.sendLessonPacket(packets, hostGw.id)).toMatchObject({ verdict: 'dropped', asExpected: true });
    expect(editor.getState().scenario.cluster.flannelBackend).toBe('host-gw');
    expect(await session.sendLessonPacket(packets, vxlan!.id)).toMatchObject({ verdict: 'delivered', asExpected: true });
    expect(editor.getState().scenario.cluster.flannelBackend).toBe('vxlan');
    editor.getState().undo();
    expect(editor.getState().scenario.cluster.flannelBackend).toBe('host-gw');
  });

  it('says when the outcome is not what the lesson expects, and when a packet cannot be sent', async () => {
    const lesson = getLesson('pods-on-one-node')!;
    const [toWeb, , closed] = lesson.packets;
    const s = lessonScenario(lesson);
    expect(packetOutcome(toWeb, trace(s, packetSpec(closed!)))).toMatchObject({ verdict: 'dropped', code: 'port-closed', asExpected: false });
    expect(packetOutcome(closed!, trace(s, packetSpec(toWeb)))).toMatchObject({ verdict: 'delivered', at: 'pod-web', asExpected: false });

    const { editor, session, packets, notice } = setup();
    await session.openLesson(lesson.id);
    // The learner deleted the destination: the packet goes, and the panel says it did not end as expected.
    editor.getState().deleteElements(['pod-web']);
    expect(await session.sendLessonPacket(packets, toWeb.id)).toMatchObject({ verdict: 'dropped', asExpected: false });
    // ... and the source: nothing can be sent, and the message says why.
    editor.getState().deleteElements(['pod-client']);
    expect(await session.sendLessonPacket(packets, toWeb.id)).toBeUndefined();
    expect(notice()).toMatch(/^Could not send this packet: .*pod-client/);
    expect(Object.keys(session.state.getState().outcomes)).toEqual([toWeb.id]);
  });

  it('reports a change the scenario no longer allows instead of sending', async () => {
    const { editor, session, packets, notice } = setup();
    await session.openLesson('nodeport');
    const local = getLesson('nodeport')!.packets.find((p) => p.change?.kind === 'service')!;
    const change = local.change as { kind: 'service'; service: string };
    editor.getState().deleteElements([change.service]);
    expect(await session.sendLessonPacket(packets, local.id)).toBeUndefined();
    expect(notice()).toMatch(/^Could not change the scenario for this packet/);
    expect(packets.getState().packets).toHaveLength(0);
  });
});

describe('New, Import, Export, Restore previous work', () => {
  it('New opens an empty scenario and keeps the work as the previous work', async () => {
    const { editor, storage, session, notice } = setup();
    await session.openLesson('ingress');
    session.newScenario();
    const s = editor.getState().scenario;
    expect(s.name).toBe('Untitled scenario');
    expect([s.nodes, s.pods, s.subnets].every((l) => l.length === 0)).toBe(true);
    expect(session.state.getState().lesson).toBeUndefined();
    expect(notice()).toMatch(/Your previous work is kept/);
    expect(loadBackup(storage!)).toMatchObject({ ok: true, work: { lesson: 'ingress' } });
  });

  it('a bad file lists its errors by field path and leaves the work and the storage untouched', () => {
    const { editor, storage, session, replaced } = setup();
    editor.getState().editInfo({ name: 'mine' });
    session.autosave.flush();
    const before = editor.getState().scenario;
    const stored = storage!.snapshot();
    const bad = JSON.stringify({ version: 1, name: 'bad', nodes: [{ id: 'n1', name: 'n1', subnet: 'nowhere', ip: '300.1.1.1' }] });
    expect(session.importJson(bad, 'bad.json')).toBe(false);
    const report = session.state.getState().importErrors!;
    expect(report.fileName).toBe('bad.json');
    expect(report.errors.map((e) => e.path)).toContain('nodes.0.ip');
    expect(editor.getState().scenario).toBe(before);
    expect(storage!.snapshot()).toEqual(stored);
    expect(replaced).toEqual([]);

    expect(session.importJson('{ "version": 1, ', 'cut.json')).toBe(false);
    expect(session.state.getState().importErrors?.errors[0]?.path).toBe('(root)');
    session.dismissImportErrors();
    expect(session.state.getState().importErrors).toBeUndefined();
  });

  it('a file over the size limit is refused without being read', async () => {
    const { session } = setup();
    let read = false;
    const ok = await session.importFile({ name: 'huge.json', size: 17_000_000, text: async () => ((read = true), '{}') });
    expect(ok).toBe(false);
    expect(read).toBe(false);
    expect(session.state.getState().importErrors?.errors[0]).toEqual({ path: '(root)', msg: { code: 'input.file-too-large', params: { mb: 16 } } });
  });

  it('exports the documented format, imports it back, and restores the previous work', async () => {
    const { editor, storage, session, notice } = setup();
    await session.openLesson('clusterip-dns');
    const exported = session.exportJson();
    expect(exported.fileName).toMatch(/^lesson-4.*\.json$/);
    expect(exported.text).toBe(exportScenarioJson(editor.getState().scenario));

    const other = loadExample('host-gw');
    expect(await session.importFile({ name: 'host-gw.json', size: 100, text: async () => exportScenarioJson(other) })).toBe(true);
    expect(editor.getState().scenario.nodes.map((n) => n.ip)).toEqual(other.nodes.map((n) => n.ip));
    expect(notice()).toMatch(/^Imported host-gw\.json/);
    expect(session.state.getState().lesson).toBeUndefined();

    expect(session.restorePrevious()).toBe(true);
    expect(editor.getState().scenario.name).toBe(lessonScenario(getLesson('clusterip-dns')!).name);
    expect(session.state.getState()).toMatchObject({ lesson: 'clusterip-dns', lessonPanelOpen: true });
    // Restoring swaps: the imported file is now the previous work.
    expect(loadBackup(storage!)).toMatchObject({ ok: true, work: { scenario: { name: other.name } } });
  });

  it('restore without previous work says so', () => {
    const { session, notice } = setup();
    expect(session.state.getState().hasBackup).toBe(false);
    expect(session.restorePrevious()).toBe(false);
    expect(notice()).toBe('There is no previous work to restore.');
  });

  it('works without storage: nothing saved, nothing thrown', async () => {
    const { editor, session } = setup({ storage: null });
    expect(await session.openLesson('loadbalancer')).toBe(true);
    expect(editor.getState().scenario.loadBalancers.length).toBeGreaterThan(0);
    expect(session.restorePrevious()).toBe(false);
  });

  it('a failed save is reported until a save succeeds', () => {
    const storage = new MemoryStorage();
    const { editor, session } = setup({ storage });
    storage.failWrites = 'quota';
    editor.getState().editInfo({ name: 'x' });
    session.autosave.flush();
    expect(session.state.getState().saveError).toBe('quota');
    storage.failWrites = false;
    editor.getState().editInfo({ name: 'y' });
    session.autosave.flush();
    expect(session.state.getState().saveError).toBeUndefined();
    expect(storage.items.has(SAVED_WORK_KEY)).toBe(true);
  });
});

describe('share link', () => {
  it('holds the scenario and the open lesson, and opens to the same scenario', async () => {
    const { editor, session } = setup();
    await session.openLesson('nodeport');
    const link = await session.shareLink('http://127.0.0.1:4173/?x=1#old');
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(link.url.startsWith('http://127.0.0.1:4173/?x=1#s=1.')).toBe(true);
    const back = decodeShareLink(link.url);
    expect(back.ok && back.lesson).toBe('nodeport');
    expect(back.ok && back.scenario.pods.map((p) => [p.name, p.ip])).toEqual(editor.getState().scenario.pods.map((p) => [p.name, p.ip]));
    expect(back.ok && back.scenario.layout).toEqual(laidOutLesson({ lessonScenario }, getLesson('nodeport')!).layout);
  });
});
