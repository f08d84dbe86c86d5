/** A language other than English, as one download: its interface strings, its simulator sentences and the lesson catalog's text. */
import type { CoreKey } from './messages.en';
import type { SimDictionary } from './sim/format';
import type { CatalogText, LessonCatalogId } from '../lessons/catalog';

export interface LocalePack {
  /** Its core interface strings (the strings of panels loaded on demand come with them: ./messageParts.ts). */
  ui: Readonly<Record<CoreKey, string>>;
  /** Its simulator sentences for the editor, files and the send form (a trace's come with the tracer). */
  sim: Partial<SimDictionary>;
  /** The lesson catalog's titles, scenario names and summaries (the lessons' own text loads with each lesson). */
  lessons: Readonly<Record<LessonCatalogId, CatalogText>>;
}
