/**
 * Saved work: the scenario autosaved to a Storage (window.localStorage in the app; anything with
 * getItem/setItem/removeItem in tests), plus one backup.
 *
 * - `saveWork(storage, scenario, { origin: 'edit' })` (the autosave after each edit) overwrites the
 *   current save.
 * - A save that replaces the whole scenario (`origin` 'new', 'lesson', 'link' or 'import') first
 *   moves the current save into the backup. So the backup is always the work as it was before the
 *   last time the scenario was replaced: opening a link or a lesson, New, or Import never loses what
 *   the user had built; `restoreBackup` brings it back.
 * - Loading reads the current save through `parseScenario` (the one validate-and-migrate path) and
 *   falls back to the backup when the current save is unreadable.
 * - Nothing here writes on load, and nothing throws: storage that is missing, full or refuses
 *   access (private browsing, blocked cookies) comes back as a typed result. Messages are English;
 *   the UI shows `saveError.<reason>` / `savedWork.<reason>` from src/i18n in the user's language.
 */
import type { Scenario } from '../sim/index';
import { parseScenario, scenarioSchema } from '../sim/editing';
import { SAVED_WORK_BACKUP_KEY, SAVED_WORK_DAMAGED_KEY, SAVED_WORK_KEY, type SaveOrigin, type StorageLike } from './saved-work-keys';

export { SAVED_WORK_BACKUP_KEY, SAVED_WORK_DAMAGED_KEY, SAVED_WORK_KEY, type SaveOrigin, type StorageLike } from './saved-work-keys';
import { stripDefaults } from './compact';
import { translate } from '../i18n/index';

export interface SavedWork {
  scenario: Scenario;
  /** The lesson open when it was saved. */
  lesson?: string;
  /** The step of that lesson the reader was on (0-based; left out for the first). */
  step?: number;
  /** ISO 8601 time of the save. */
  savedAt: string;
  origin: SaveOrigin;
}

/** What is stored under the keys: the scenario with its defaults left out (exact, just shorter). */
interface StoredRecord {
  v: 1;
  savedAt: string;
  origin: SaveOrigin;
  lesson?: string;
  step?: number;
  scenario: unknown;
}

export type SaveResult =
  | { ok: true; backedUp: boolean; /** A damaged current save was copied to SAVED_WORK_DAMAGED_KEY first. */ keptDamaged?: boolean }
  | { ok: false; reason: 'unavailable' | 'quota'; message: string };

export type LoadResult =
  { ok: true; work: SavedWork; from: 'current' | 'backup'; warning?: string } | { ok: false; reason: 'none' | 'unreadable' | 'unavailable'; message: string };

const ORIGINS: readonly SaveOrigin[] = ['edit', 'new', 'lesson', 'link', 'import', 'restore'];

function readRaw(storage: StorageLike, key: string): { ok: true; text: string | null } | { ok: false } {
  try {
    return { ok: true, text: storage.getItem(key) };
  } catch {
    return { ok: false };
  }
}

function decodeRecord(text: string): SavedWork | undefined {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof record !== 'object' || record === null) return undefined;
  const r = record as Partial<StoredRecord>;
  if (r.v !== 1 || typeof r.savedAt !== 'string') return undefined;
  const parsed = parseScenario(r.scenario);
  if (!parsed.ok) return undefined;
  return {
    scenario: parsed.scenario,
    savedAt: r.savedAt,
    origin: ORIGINS.includes(r.origin as SaveOrigin) ? (r.origin as SaveOrigin) : 'edit',
    ...(typeof r.lesson === 'string' ? { lesson: r.lesson } : {}),
    ...(typeof r.lesson === 'string' && Number.isSafeInteger(r.step) && r.step! > 0 ? { step: r.step! } : {}),
  };
}

function encodeRecord(scenario: Scenario, origin: SaveOrigin, savedAt: string, lesson?: string, step?: number): string {
  const record: StoredRecord = {
    v: 1,
    savedAt,
    origin,
    ...(lesson !== undefined ? { lesson } : {}),
    ...(lesson !== undefined && step !== undefined && step > 0 ? { step } : {}),
    scenario: stripDefaults(scenario, scenarioSchema),
  };
  return JSON.stringify(record);
}

function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

function writeFailure(e: unknown): SaveResult {
  const reason = isQuotaError(e) ? 'quota' : 'unavailable';
  return { ok: false, reason, message: translate('en', `saveError.${reason}`) };
}

export function saveWork(
  storage: StorageLike,
  scenario: Scenario,
  options: { origin?: SaveOrigin; lesson?: string; step?: number; now?: Date } = {},
): SaveResult {
  const origin = options.origin ?? 'edit';
  const savedAt = (options.now ?? new Date()).toISOString();
  const text = encodeRecord(scenario, origin, savedAt, options.lesson, options.step);
  let backedUp = false;
  let keptDamaged = false;
  try {
    const raw = readRaw(storage, SAVED_WORK_KEY);
    const current = raw.ok ? raw.text : null;
    // What this page wrote last is readable; anything else is decoded once to find out.
    const readable = current === null || current === lastWritten.get(storage) || decodeRecord(current) !== undefined;
    if (current !== null && !readable) {
      // Never write over a damaged save without keeping its text.
      storage.setItem(SAVED_WORK_DAMAGED_KEY, current);
      keptDamaged = true;
    }
    if (origin !== 'edit' && current !== null && readable) {
      // Keep the work being replaced (not a damaged save: then the older backup is worth more).
      storage.setItem(SAVED_WORK_BACKUP_KEY, current);
      backedUp = true;
    }
    storage.setItem(SAVED_WORK_KEY, text);
    lastWritten.set(storage, text);
  } catch (e) {
    return writeFailure(e);
  }
  return { ok: true, backedUp, ...(keptDamaged ? { keptDamaged } : {}) };
}

/** The last text each storage was given by this page: known readable without decoding it again. */
const lastWritten = new WeakMap<StorageLike, string>();

/**
 * The text of damaged saved work, if any: the copy kept before it was overwritten, or the current
 * save itself while it is still there and unreadable. Never writes.
 */
export function loadDamagedWork(storage: StorageLike): string | undefined {
  const kept = readRaw(storage, SAVED_WORK_DAMAGED_KEY);
  if (kept.ok && kept.text !== null) return kept.text;
  const current = readRaw(storage, SAVED_WORK_KEY);
  if (current.ok && current.text !== null && current.text !== lastWritten.get(storage) && !decodeRecord(current.text)) return current.text;
  return undefined;
}

function load(storage: StorageLike, key: string): LoadResult {
  const raw = readRaw(storage, key);
  if (!raw.ok) return { ok: false, reason: 'unavailable', message: translate('en', 'savedWork.unavailable') };
  if (raw.text === null) return { ok: false, reason: 'none', message: translate('en', 'savedWork.none') };
  const work = decodeRecord(raw.text);
  if (!work) return { ok: false, reason: 'unreadable', message: translate('en', 'savedWork.unreadable') };
  return { ok: true, work, from: key === SAVED_WORK_KEY ? 'current' : 'backup' };
}

/** The last saved work; the backup when the current save is damaged. Never writes. */
export function loadSavedWork(storage: StorageLike): LoadResult {
  const current = load(storage, SAVED_WORK_KEY);
  if (current.ok || current.reason === 'unavailable') return current;
  const backup = load(storage, SAVED_WORK_BACKUP_KEY);
  if (!backup.ok) return current;
  return current.reason === 'unreadable' ? { ...backup, warning: translate('en', 'savedWork.damaged') } : backup;
}

/** The backup alone (the work before the scenario was last replaced). Never writes. */
export function loadBackup(storage: StorageLike): LoadResult {
  return load(storage, SAVED_WORK_BACKUP_KEY);
}

/** Make the backup the current work again; the work it replaces becomes the backup. */
export function restoreBackup(storage: StorageLike, now?: Date): { ok: true; work: SavedWork } | { ok: false; message: string } {
  const backup = loadBackup(storage);
  if (!backup.ok) return { ok: false, message: backup.message };
  const when = now ?? new Date();
  const { lesson } = backup.work;
  const saved = saveWork(storage, backup.work.scenario, { origin: 'restore', now: when, ...(lesson !== undefined ? { lesson } : {}) });
  if (!saved.ok) return { ok: false, message: saved.message };
  return { ok: true, work: { ...backup.work, origin: 'restore', savedAt: when.toISOString() } };
}
