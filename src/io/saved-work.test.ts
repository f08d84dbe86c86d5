import { describe, expect, it } from 'vitest';
import { loadExample } from '../sim/testing/examples';
import {
  loadBackup,
  loadDamagedWork,
  loadSavedWork,
  restoreBackup,
  saveWork,
  SAVED_WORK_BACKUP_KEY,
  SAVED_WORK_DAMAGED_KEY,
  SAVED_WORK_KEY,
  type StorageLike,
} from './saved-work';

/** localStorage as a Map, with switches for the ways a real one fails. */
class FakeStorage implements StorageLike {
  readonly items = new Map<string, string>();
  failReads = false;
  failWrites: 'quota' | 'security' | false = false;
  writes = 0;
  getItem(key: string): string | null {
    if (this.failReads) throw Object.assign(new Error('denied'), { name: 'SecurityError' });
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw Object.assign(new Error('nope'), { name: this.failWrites === 'quota' ? 'QuotaExceededError' : 'SecurityError' });
    this.writes++;
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const sameNode = loadExample('same-node');
const hostGw = loadExample('host-gw');
const vxlan = loadExample('vxlan-across-subnets');
const when = new Date('2025-01-02T03:04:05.000Z');

describe('saveWork / loadSavedWork', () => {
  it('saves the scenario and loads exactly it back, with the lesson and time', () => {
    const storage = new FakeStorage();
    const moved = { ...sameNode, layout: { 'pod-web': { x: 12.25, y: -7.5 } } };
    expect(saveWork(storage, moved, { lesson: 'lesson-1-bridge', now: when })).toEqual({ ok: true, backedUp: false });
    expect(loadSavedWork(storage)).toEqual({
      ok: true,
      from: 'current',
      work: { scenario: moved, lesson: 'lesson-1-bridge', savedAt: '2025-01-02T03:04:05.000Z', origin: 'edit' },
    });
    // Stored without defaults: shorter than the scenario's own JSON.
    expect(storage.items.get(SAVED_WORK_KEY)!.length).toBeLessThan(JSON.stringify(moved).length);
  });

  it('keeps the lesson step with the lesson; a step without a lesson, or not a whole number, is left out', () => {
    const storage = new FakeStorage();
    saveWork(storage, sameNode, { lesson: 'lesson-3', step: 2, now: when });
    expect(loadSavedWork(storage)).toMatchObject({ ok: true, work: { lesson: 'lesson-3', step: 2 } });
    saveWork(storage, sameNode, { step: 2, now: when });
    expect(loadSavedWork(storage)).toMatchObject({ ok: true, work: { scenario: sameNode } });
    expect((loadSavedWork(storage) as { work: object }).work).not.toHaveProperty('step');
    const record = JSON.parse(storage.items.get(SAVED_WORK_KEY)!) as Record<string, unknown>;
    storage.items.set(SAVED_WORK_KEY, JSON.stringify({ ...record, lesson: 'lesson-3', step: 1.5 }));
    expect((loadSavedWork(storage) as { work: object }).work).not.toHaveProperty('step');
  });

  it('says there is nothing saved yet', () => {
    expect(loadSavedWork(new FakeStorage())).toMatchObject({ ok: false, reason: 'none' });
  });

  it('autosaved edits overwrite the current save and leave the backup alone', () => {
    const storage = new FakeStorage();
    saveWork(storage, sameNode, { origin: 'lesson', lesson: 'lesson-1-bridge' });
    saveWork(storage, hostGw, { origin: 'edit' });
    saveWork(storage, vxlan, { origin: 'edit' });
    expect(storage.items.has(SAVED_WORK_BACKUP_KEY)).toBe(false);
    expect(loadSavedWork(storage)).toMatchObject({ ok: true, work: { scenario: vxlan } });
  });

  it('replacing the scenario (link, lesson, New, Import) keeps the work it replaces as the backup', () => {
    const storage = new FakeStorage();
    saveWork(storage, sameNode, { origin: 'edit' });
    saveWork(storage, hostGw, { origin: 'edit' });
    expect(saveWork(storage, vxlan, { origin: 'link' })).toEqual({ ok: true, backedUp: true });
    saveWork(storage, { ...vxlan, name: 'edited after opening the link' }, { origin: 'edit' });
    expect(loadBackup(storage)).toMatchObject({ ok: true, from: 'backup', work: { scenario: hostGw } });
    expect(loadSavedWork(storage)).toMatchObject({ ok: true, work: { scenario: { name: 'edited after opening the link' } } });

    const restored = restoreBackup(storage, when);
    expect(restored).toMatchObject({ ok: true, work: { scenario: hostGw, origin: 'restore' } });
    expect(loadSavedWork(storage)).toMatchObject({ ok: true, work: { scenario: hostGw } });
    // ... and the work it replaced is now the backup, so restoring is itself undoable.
    expect(loadBackup(storage)).toMatchObject({ ok: true, work: { scenario: { name: 'edited after opening the link' } } });
  });

  it('falls back to the backup when the current save is damaged, and says so', () => {
    const storage = new FakeStorage();
    saveWork(storage, hostGw);
    saveWork(storage, vxlan, { origin: 'new' });
    storage.items.set(SAVED_WORK_KEY, storage.items.get(SAVED_WORK_KEY)!.slice(0, 50));
    const r = loadSavedWork(storage);
    expect(r).toMatchObject({ ok: true, from: 'backup', work: { scenario: hostGw } });
    if (r.ok) expect(r.warning).toMatch(/damaged/);
    // A damaged current save is not copied over the good backup by the next replacement.
    saveWork(storage, sameNode, { origin: 'import' });
    expect(loadBackup(storage)).toMatchObject({ ok: true, work: { scenario: hostGw } });
  });

  it('treats a save that no longer validates as unreadable', () => {
    const storage = new FakeStorage();
    storage.items.set(SAVED_WORK_KEY, JSON.stringify({ v: 1, savedAt: 'x', origin: 'edit', scenario: { version: 1, nodes: [{ id: 'n' }] } }));
    expect(loadSavedWork(storage)).toMatchObject({ ok: false, reason: 'unreadable' });
    storage.items.set(SAVED_WORK_KEY, 'not json');
    expect(loadSavedWork(storage)).toMatchObject({ ok: false, reason: 'unreadable' });
  });

  it('reports a full or refused storage instead of throwing', () => {
    const storage = new FakeStorage();
    storage.failWrites = 'quota';
    expect(saveWork(storage, hostGw)).toMatchObject({ ok: false, reason: 'quota' });
    storage.failWrites = 'security';
    expect(saveWork(storage, hostGw)).toMatchObject({ ok: false, reason: 'unavailable' });
    storage.failReads = true;
    expect(loadSavedWork(storage)).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(restoreBackup(storage)).toMatchObject({ ok: false });
  });
});

describe('damaged saved work (issue 15)', () => {
  it('keeps the damaged text before the first edit writes over it, with no backup to fall back on', () => {
    const storage = new FakeStorage();
    const damaged = '{"v":1,"savedAt":"2025-01-01T00:00:00Z","scenario":{"version":1,"nodes":[{"id":"n"'; // cut off
    storage.items.set(SAVED_WORK_KEY, damaged);
    expect(loadSavedWork(storage)).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(loadDamagedWork(storage)).toBe(damaged);
    const r = saveWork(storage, sameNode, { origin: 'edit' });
    expect(r).toEqual({ ok: true, backedUp: false, keptDamaged: true });
    expect(storage.items.get(SAVED_WORK_DAMAGED_KEY)).toBe(damaged);
    expect(loadDamagedWork(storage)).toBe(damaged);
    // Later edits neither copy again nor lose it.
    expect(saveWork(storage, hostGw, { origin: 'edit' })).toEqual({ ok: true, backedUp: false });
    expect(storage.items.get(SAVED_WORK_DAMAGED_KEY)).toBe(damaged);
    expect(loadSavedWork(storage)).toMatchObject({ ok: true, work: { scenario: hostGw } });
  });

  it('a replacement (lesson, link, New) keeps it too, and does not make it the backup', () => {
    const storage = new FakeStorage();
    saveWork(storage, vxlan, { origin: 'edit' });
    saveWork(storage, hostGw, { origin: 'lesson' });
    storage.items.set(SAVED_WORK_KEY, 'not json');
    saveWork(storage, sameNode, { origin: 'new' });
    expect(storage.items.get(SAVED_WORK_DAMAGED_KEY)).toBe('not json');
    expect(loadBackup(storage)).toMatchObject({ ok: true, work: { scenario: vxlan } });
  });

  it('readable saves leave no damaged copy', () => {
    const storage = new FakeStorage();
    saveWork(storage, sameNode, { origin: 'edit' });
    saveWork(storage, hostGw, { origin: 'lesson' });
    expect(storage.items.has(SAVED_WORK_DAMAGED_KEY)).toBe(false);
    expect(loadDamagedWork(storage)).toBeUndefined();
  });
});
