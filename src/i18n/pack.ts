/** A language other than English, as one download: its interface strings and its simulator sentences. */
import type { MessageKey } from './messages.en';
import type { SimDictionary } from './sim/format';

export interface LocalePack {
  ui: Readonly<Record<MessageKey, string>>;
  sim: SimDictionary;
}
