/**
 * The editor's code, loaded on demand. The first paint needs only the scenario and the canvas: the
 * example ships already parsed, so parsing, validation and every edit (src/store/editing-code.ts)
 * are fetched right after it, while the reader looks at the cluster. The app waits for them before
 * the first paint only when there is something to parse first (saved work, a share link).
 *
 * Until the code is here the editor store holds no validation result (`problems: null`); an edit asked
 * for meanwhile runs once it arrives (`withEditing`); `whenEditingLoaded` tells the stores when it is.
 */
import type * as EditingCode from './editing-code';
import { onDemand } from './onDemand';

export type Editing = typeof EditingCode;

const code = onDemand(() => import('./editing-code'));

/** The editing code (fetched once; a failed fetch is tried again by the next call). */
export const loadEditing = code.load;

/** `other` (a panel's module, the lessons) once it and the editing code it works through are both here. */
export function withEditingCode<T>(other: Promise<T>): Promise<T> {
  return Promise.all([loadEditing(), other]).then(([, m]) => m);
}

/** The editing code if it is here already (no waiting). */
export const editingIfLoaded = code.now;

/**
 * The editing code, for an action the interface offers only once it is here (an edit, Restore,
 * reading saved work the app waited for at start). Calling it earlier is a bug, and says so.
 */
export function editing(): Editing {
  const m = code.now();
  if (!m) throw new Error('the editing code is used before it was loaded (src/store/editing.ts)');
  return m;
}

/**
 * Run an edit the reader asked for: now if the editing code is here, else as soon as it arrives (a
 * drop or a Delete a moment after the first paint). If it cannot be fetched the edit is not made; the
 * inspector says why, with Try again.
 */
export function withEditing(f: () => void): void {
  if (code.now()) f();
  else
    void loadEditing().then(
      () => f(),
      () => undefined,
    );
}

/** Call `f` when the editing code is here: at once if it is, else after the load that brings it. Returns a function that cancels the wait. */
export function whenEditingLoaded(f: (m: Editing) => void): () => void {
  const m = code.now();
  if (m) {
    f(m);
    return () => {};
  }
  const off = code.onLoad(() => {
    off();
    f(code.now()!);
  });
  return off;
}
