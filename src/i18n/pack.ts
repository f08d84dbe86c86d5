/** A language other than English, as one download: its interface strings and its simulator sentences. */
import type { CoreKey } from './messages.en';
import type { SimDictionary } from './sim/format';

export interface LocalePack {
  /** Its core interface strings (the strings of panels loaded on demand come with them: ./messageParts.ts). */
  ui: Readonly<Record<CoreKey, string>>;
  sim: SimDictionary;
}
