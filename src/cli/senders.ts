/** The `--from` error: the elements that can send (pods, nodes, outside clients), a bounded list. */
import { SENDER_KINDS, type Topology } from '../sim/index';
import type { Locale } from '../i18n/locale';
import { nameList, say } from './words';

/** How many names the error lists before "and N more". */
export const MAX_LISTED_SENDERS = 30;

export function unknownSenderMessage(t: Topology, from: string, lang: Locale = 'en'): string {
  const senders = [...t.byName.entries()].filter(([name, id]) => !name.includes('/') && SENDER_KINDS.includes(t.kindOf.get(id)!)).map(([name]) => name);
  const shown = senders.slice(0, MAX_LISTED_SENDERS);
  if (senders.length > MAX_LISTED_SENDERS) shown.push(say(lang, 'andMore', { count: senders.length - MAX_LISTED_SENDERS }));
  const names = nameList(lang, shown);
  return senders.length === 0 ? say(lang, 'unknownSenderNone', { name: from }) : say(lang, 'unknownSender', { name: from, names });
}
