import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../store/defaultScenario';
import { loadExample } from '../../sim/testing/examples';
import { getLesson } from '../../lessons/index';
import { loadBackup, loadSavedWork, saveWork } from '../../io/saved-work';
import { encodeShareLink } from '../../io/share-link';
import { laidOutLesson } from './session';
import { startSession } from './startup';
import { MemoryStorage } from './testing';

const hostGw = loadExample('host-gw');
const lesson5 = laidOutLesson(getLesson('nodeport')!);
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

const start = (hash: string, storage: MemoryStorage | undefined, locale: 'en' | 'zh-CN' = 'en') => startSession({ hash, storage, defaultScenario, locale });

describe('startSession', () => {
  it('a first visit opens the example and writes nothing', () => {
    const storage = new MemoryStorage();
    const { session, source } = start('', storage);
    expect(source).toBe('default');
    expect(session.editor.getState().scenario.name).toBe(defaultScenario().name);
    expect(session.state.getState().banner).toBeUndefined();
    session.autosave.flush();
    expect(storage.writes).toBe(0);
  });

  it('reopens the saved work with its lesson, writing nothing', () => {
    const storage = new MemoryStorage();
    saveWork(storage, lesson5, { origin: 'lesson', lesson: 'nodeport' });
    const stored = storage.snapshot();
    const { session, source } = start('', storage);
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
  ])('a %s link opens the saved work with a message and never writes', (code, hash) => {
    const storage = withSavedWork();
    const stored = storage.snapshot();
    const { session, source } = start(hash, storage);
    expect(source).toBe('saved');
    expect(session.editor.getState().scenario.name).toBe(hostGw.name);
    expect(session.state.getState().banner).toMatchObject({ opened: 'saved' });
    expect(session.state.getState().banner?.linkError).toBe(code);
    // Opening the lesson menu, leaving the page: nothing changed, so nothing is written.
    session.autosave.flush();
    expect(storage.writes).toBe(0);
    expect(storage.snapshot()).toEqual(stored);
  });

  it('a bad link with nothing saved opens the example and says so', () => {
    const storage = new MemoryStorage();
    const { session } = start('#s=1.AAAA', storage);
    expect(session.state.getState().banner).toMatchObject({ opened: 'default' });
    expect(session.state.getState().banner?.linkError).toBeDefined();
    expect(storage.writes).toBe(0);
  });

  it('a good link opens its scenario and lesson, saved as a link with the previous work as the backup', () => {
    const storage = withSavedWork();
    const { session, source } = start(goodLink, storage);
    expect(source).toBe('link');
    const s = session.editor.getState().scenario;
    expect(s.pods.map((p) => [p.name, p.ip])).toEqual(lesson5.pods.map((p) => [p.name, p.ip]));
    expect(s.layout).toEqual(lesson5.layout);
    expect(session.state.getState()).toMatchObject({ lesson: 'nodeport', lessonPanelOpen: true, hasBackup: true });
    expect(loadSavedWork(storage)).toMatchObject({ ok: true, work: { origin: 'link', lesson: 'nodeport' } });
    expect(loadBackup(storage)).toMatchObject({ ok: true, work: { scenario: { name: hostGw.name } } });
    expect(session.editor.getState().notice?.text).toMatch(/^Opened the scenario from the link/);
  });

  it('reloading the same link does not push the real previous work out of the backup', () => {
    const storage = withSavedWork();
    start(goodLink, storage);
    const writes = storage.writes;
    const again = start(goodLink, storage);
    expect(again.source).toBe('link');
    expect(storage.writes).toBe(writes);
    expect(loadBackup(storage)).toMatchObject({ ok: true, work: { scenario: { name: hostGw.name } } });
  });

  it('damaged saved work opens its backup and says so, in the chosen language', () => {
    const storage = withSavedWork();
    saveWork(storage, lesson5, { origin: 'lesson' });
    storage.items.set('kube-network-playground:saved-work:v1', '{"v":1,"savedAt":"x","scenario":{"version":1,"nodes":[{}]}}');
    const { session, source } = start('', storage, 'zh-CN');
    expect(source).toBe('backup');
    expect(session.state.getState().banner).toMatchObject({ opened: 'backup', savedWork: 'damaged' });
  });

  it('damaged saved work with no backup is kept and offered for download, even after the first save (issue 15)', () => {
    const storage = new MemoryStorage();
    const damaged = '{"v":1,"savedAt":"x","scenario":{"version":1,"nodes":[{}]}}';
    storage.items.set('kube-network-playground:saved-work:v1', damaged);
    const { session } = start('', storage);
    expect(session.state.getState().banner).toMatchObject({ savedWork: 'unreadable' });
    expect(session.damagedWork()).toBe(damaged);
    session.autosave.touch();
    session.autosave.flush();
    expect(storage.items.get('kube-network-playground:saved-work:v1')).not.toBe(damaged);
    expect(storage.items.get('kube-network-playground:saved-work-damaged:v1')).toBe(damaged);
    expect(session.damagedWork()).toBe(damaged);
  });

  it('works where storage is refused', () => {
    const { session, source } = start(goodLink, undefined);
    expect(source).toBe('link');
    expect(session.state.getState().lesson).toBe('nodeport');
  });
});
