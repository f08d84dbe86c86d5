/**
 * Where saved work lives in storage, without the code that reads and writes it (saved-work.ts, which
 * needs the scenario schema and is fetched with the editor's code): enough for the first paint to
 * know whether there is saved work to read at all.
 */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const SAVED_WORK_KEY = 'kube-network-playground:saved-work:v1';
export const SAVED_WORK_BACKUP_KEY = 'kube-network-playground:saved-work-backup:v1';
/**
 * The text of a current save that could not be read, kept before anything writes over it, so the
 * user can download it (and perhaps mend it by hand) rather than lose it to the first edit.
 */
export const SAVED_WORK_DAMAGED_KEY = 'kube-network-playground:saved-work-damaged:v1';

/** Why a save happened: an edit of the current scenario, or a replacement of it. */
export type SaveOrigin = 'edit' | 'new' | 'lesson' | 'link' | 'import' | 'restore';

/** Whether storage holds any saved work (current, backup or a damaged copy); false when storage refuses to be read. */
export function hasSavedWork(storage: Pick<StorageLike, 'getItem'>): boolean {
  try {
    return [SAVED_WORK_KEY, SAVED_WORK_BACKUP_KEY, SAVED_WORK_DAMAGED_KEY].some((key) => storage.getItem(key) !== null);
  } catch {
    return false;
  }
}
