import { describe, expect, it } from 'vitest';
import { defaultScenario } from './defaultScenario';
import { loadExample } from '../sim/testing/examples';
import { getLesson, lessonScenario } from '../lessons/index';
import { loadBackup, loadSavedWork, saveWork, SAVED_WORK_KEY } from '../io/saved-work';
import { decodeShareLink, encodeShareLink } from '../io/share-link';
import { laidOutLesson } from './session';
import { buildApp, chooseStartScenario, createApp } from './app';
import { MemoryStorage } from './testing';

const hostGw = loadExample('host-gw');
const sameNode = loadExample('same-node');
const vxlan = loadExample('vxlan-across-subnets');
const lesson5 = laidOutLesson({ lessonScenario }, getLesson('nodeport')!);
const goodLink = (() => {
  const l = encodeShareLink(lesson5, { lesson: 'nodeport' });
  if (!l.ok) throw new Error('encode');
  return l.hash;
})();

function withSavedWork() {
  const storage = new MemoryStorage();
  saveWork(storage, hostGw, { origin: 'edit' });
  storage.writes = 0;
  return storage;
}

const start = (hash: string, storage: MemoryStorage | undefined, locale: 'en' | 'zh-CN' = 'en') => createApp({ hash, storage, defaultScenario, locale });

describe('createApp', () => {
  it('a first visit opens the example and writes nothing', async () => {
    const storage = new MemoryStorage();
    const { session, source } = await start('', storage);
    expect(source).toBe('default');
    expect(session.editor.getState().scenario.name).toBe(defaultScenario().name);
    expect(session.state.getState().banner).toBeUndefined();
    session.autosave.flush();
    expect(storage.writes).toBe(0);
  });

  it('reopens the saved work with its lesson, writing nothing', async () => {
    const storage = new MemoryStorage();
    saveWork(storage, lesson5, { origin: 'lesson', lesson: 'nodeport' });
    const stored = storage.snapshot();
    const { session, source } = await start('', storage);
    expect(source).toBe('saved');
    expect(session.state.getState()).toMatchObject({ lesson: 'nodeport', lessonPanelOpen: true });
    session.autosave.flush();
    expect(storage.snapshot()).toEqual(stored);
  });

  it.each([
    ['truncated', goodLink.slice(0, Math.floor(goodLink.length / 2))],
    ['corrupt', goodLink.slice(0, 40) + (goodLink[40] === 'A' ? 'B' : 'A') + goodLink.slice(41)],
    ['newer-version', goodLink.replace('#s=1.', '#s=7.')],
    ['malformed', '#s=1.%%%not-a-link'],
  ])('a %s link opens the saved work with a message and never writes', async (code, hash) => {
    const storage = withSavedWork();
    const stored = storage.snapshot();
    const { session, source } = await start(hash, storage);
    expect(source).toBe('saved');
    expect(session.editor.getState().scenario.name).toBe(hostGw.name);
    expect(session.state.getState().banner).toMatchObject({ opened: 'saved' });
    expect(session.state.getState().banner?.linkError).toBe(code);
    // Opening the lesson menu, leaving the page: nothing changed, so nothing is written.
    session.autosave.flush();
    expect(storage.writes).toBe(0);
    expect(storage.snapshot()).toEqual(stored);
  });

  it('a bad link with nothing saved opens the example and says so', async () => {
    const storage = new MemoryStorage();
    const { session } = await start('#s=1.AAAA', storage);
    expect(session.state.getState().banner).toMatchObject({ opened: 'default' });
    expect(session.state.getState().banner?.linkError).toBeDefined();
    expect(storage.writes).toBe(0);
  });

  it('a good link opens its scenario and lesson, saved as a link with the previous work as the backup', async () => {
    const storage = withSavedWork();
    const { session, source } = await start(goodLink, storage);
    expect(source).toBe('link');
    const s = session.editor.getState().scenario;
    expect(s.pods.map((p) => [p.name, p.ip])).toEqual(lesson5.pods.map((p) => [p.name, p.ip]));
    expect(s.layout).toEqual(lesson5.layout);
    expect(session.state.getState()).toMatchObject({ lesson: 'nodeport', lessonPanelOpen: true, hasBackup: true });
    expect(loadSavedWork(storage)).toMatchObject({ ok: true, work: { origin: 'link', lesson: 'nodeport' } });
    expect(loadBackup(storage)).toMatchObject({ ok: true, work: { scenario: { name: hostGw.name } } });
    expect(session.editor.getState().notice?.text).toMatch(/^Opened the scenario from the link/);
  });

  it('reloading the same link does not push the real previous work out of the backup', async () => {
    const storage = withSavedWork();
    await start(goodLink, storage);
    const writes = storage.writes;
    const again = await start(goodLink, storage);
    expect(again.source).toBe('link');
    expect(storage.writes).toBe(writes);
    expect(loadBackup(storage)).toMatchObject({ ok: true, work: { scenario: { name: hostGw.name } } });
  });

  it('damaged saved work opens its backup and says so, in the chosen language', async () => {
    const storage = withSavedWork();
    saveWork(storage, lesson5, { origin: 'lesson' });
    storage.items.set('kube-network-playground:saved-work:v1', '{"v":1,"savedAt":"x","scenario":{"version":1,"nodes":[{}]}}');
    const { session, source } = await start('', storage, 'zh-CN');
    expect(source).toBe('backup');
    expect(session.state.getState().banner).toMatchObject({ opened: 'backup', savedWork: 'damaged' });
  });

  it('damaged saved work with no backup is kept and offered for download, even after the first save (issue 15)', async () => {
    const storage = new MemoryStorage();
    const damaged = '{"v":1,"savedAt":"x","scenario":{"version":1,"nodes":[{}]}}';
    storage.items.set('kube-network-playground:saved-work:v1', damaged);
    const { session } = await start('', storage);
    expect(session.state.getState().banner).toMatchObject({ savedWork: 'unreadable' });
    expect(session.damagedWork()).toBe(damaged);
    session.autosave.touch();
    session.autosave.flush();
    expect(storage.items.get('kube-network-playground:saved-work:v1')).not.toBe(damaged);
    expect(storage.items.get('kube-network-playground:saved-work-damaged:v1')).toBe(damaged);
    expect(session.damagedWork()).toBe(damaged);
  });

  it('works where storage is refused', async () => {
    const { session, source } = await start(goodLink, undefined);
    expect(source).toBe('link');
    expect(session.state.getState().lesson).toBe('nodeport');
  });
});

describe('buildApp', () => {
  it("a replacement of the scenario clears the old scenario's packets; an edit keeps them", async () => {
    const { session, packets, editor } = buildApp(defaultScenario(), { storage: new MemoryStorage() });
    expect((await packets.getState().send({ from: 'curl', to: 'web', port: 80 }))?.verdict).toBe('delivered');
    editor.getState().editInfo({ name: 'renamed' });
    expect(packets.getState().packets).toHaveLength(1);
    await session.openLesson('nodeport');
    expect(packets.getState().packets).toHaveLength(0);
  });
});

describe('chooseStartScenario', () => {
  const defaults = () => sameNode;
  const isLesson = (id: string) => id.startsWith('lesson-');
  const goodLink = (() => {
    const l = encodeShareLink(vxlan, { lesson: 'lesson-3-vxlan' });
    if (!l.ok) throw new Error('encode');
    return l.hash;
  })();

  it('opens a good link with its lesson', () => {
    const storage = new MemoryStorage();
    saveWork(storage, hostGw);
    expect(chooseStartScenario({ hash: goodLink, storage, defaultScenario: defaults, isLesson, readSaved: loadSavedWork, decode: decodeShareLink })).toEqual({
      scenario: vxlan,
      source: 'link',
      lesson: 'lesson-3-vxlan',
    });
  });

  it('opens the saved work on a bad link, reports the link, and writes nothing', () => {
    const storage = new MemoryStorage();
    saveWork(storage, hostGw, { lesson: 'lesson-2-host-gw' });
    const before = new Map(storage.items);
    const writes = storage.writes;
    for (const hash of [goodLink.slice(0, -9), goodLink.replace('#s=1.', '#s=9.'), '#s=1.@@@', `#s=1.${'A'.repeat(70_000)}`]) {
      const start = chooseStartScenario({ hash, storage, defaultScenario: defaults, isLesson, readSaved: loadSavedWork, decode: decodeShareLink });
      expect(start.source).toBe('saved');
      expect(start.scenario).toEqual(hostGw);
      expect(start.lesson).toBe('lesson-2-host-gw');
      expect(start.linkError?.message.length).toBeGreaterThan(20);
    }
    expect(storage.writes).toBe(writes);
    expect(storage.items).toEqual(before);
  });

  it('opens the default scenario when there is no link and nothing saved, or storage is refused', () => {
    expect(
      chooseStartScenario({ hash: '', storage: new MemoryStorage(), defaultScenario: defaults, isLesson, readSaved: loadSavedWork, decode: decodeShareLink }),
    ).toEqual({
      scenario: sameNode,
      source: 'default',
    });
    expect(chooseStartScenario({ hash: '#s=1.xx', storage: undefined, defaultScenario: defaults, isLesson, decode: decodeShareLink })).toMatchObject({
      scenario: sameNode,
      source: 'default',
      linkError: { code: 'truncated' },
    });
  });

  it('a link whose code could not be fetched is reported, and the saved work opens', () => {
    const storage = new MemoryStorage();
    saveWork(storage, hostGw);
    expect(chooseStartScenario({ hash: goodLink, storage, defaultScenario: defaults, isLesson, readSaved: loadSavedWork })).toMatchObject({
      scenario: hostGw,
      source: 'saved',
      linkError: { code: 'unavailable' },
    });
  });

  it('drops a lesson id the app does not know', () => {
    const l = encodeShareLink(vxlan, { lesson: 'removed-lesson' });
    expect(
      l.ok && chooseStartScenario({ hash: l.hash, storage: undefined, defaultScenario: defaults, isLesson, decode: decodeShareLink }).lesson,
    ).toBeUndefined();
  });

  it('warns when the saved work is damaged and nothing else is left', () => {
    const storage = new MemoryStorage();
    storage.items.set(SAVED_WORK_KEY, '{');
    expect(chooseStartScenario({ hash: '', storage, defaultScenario: defaults, isLesson, readSaved: loadSavedWork, decode: decodeShareLink })).toMatchObject({
      source: 'default',
      savedWorkWarning: expect.stringMatching(/damaged/),
    });
  });
});
