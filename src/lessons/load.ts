/**
 * The lessons' steps, scenarios and packets, fetched when a lesson is first opened (or when the app
 * starts on one) rather than before the first paint; what the menu shows is in ./catalog.ts.
 */
import type * as LessonsModule from './index';

export type Lessons = typeof LessonsModule;

let pending: Promise<Lessons> | undefined;
let loaded: Lessons | undefined;

/** The lessons module (fetched once; a failed fetch can be retried). */
export function loadLessons(): Promise<Lessons> {
  pending ??= import('./index').then(
    (m) => (loaded = m),
    (e: unknown) => {
      pending = undefined;
      throw e;
    },
  );
  return pending;
}

/** The lessons if they are here already (no waiting). */
export function lessonsIfLoaded(): Lessons | undefined {
  return loaded;
}
