/**
 * The lessons' steps, scenarios and packets (src/lessons/index.ts), fetched when a lesson is first
 * opened (or when the app starts on one) rather than before the first paint; what the menu shows is
 * in src/lessons/catalog.ts.
 */
import type * as LessonsModule from '../lessons/index';
import { onDemand } from './onDemand';

export type Lessons = typeof LessonsModule;

const lessons = onDemand(() => import('../lessons/index'));

/** The lessons module (fetched once; a failed fetch can be retried). */
export const loadLessons = lessons.load;

/** The lessons if they are here already (no waiting). */
export const lessonsIfLoaded = lessons.now;
