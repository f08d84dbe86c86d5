/** The `--from` error: the elements that can send (pods, nodes, outside clients), a bounded list. */
import { SENDER_KINDS, type Topology } from '../sim/index';

/** How many names the error lists before "and N more". */
export const MAX_LISTED_SENDERS = 30;

export function unknownSenderMessage(t: Topology, from: string): string {
  const senders = [...t.byName.entries()].filter(([name, id]) => !name.includes('/') && SENDER_KINDS.includes(t.kindOf.get(id)!)).map(([name]) => name);
  const shown = senders.slice(0, MAX_LISTED_SENDERS).join(', ');
  const more = senders.length > MAX_LISTED_SENDERS ? `, and ${senders.length - MAX_LISTED_SENDERS} more` : '';
  return senders.length === 0
    ? `unknown element "${from}" (--from); this scenario has no pod, node or outside client to send from`
    : `unknown element "${from}" (--from); elements that can send: ${shown}${more}`;
}
