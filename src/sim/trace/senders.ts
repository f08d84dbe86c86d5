/** Which elements can send a packet (the send form and the canvas ask before the tracer is loaded). */
import type { ElementKind, Scenario } from '../model/schema';
import { topology } from '../model/topology';

/** The kinds of element that can originate a packet. */
export const SENDER_KINDS: readonly ElementKind[] = ['pod', 'node', 'client'];

export function canSendFrom(s: Scenario, id: string): boolean {
  const kind = topology(s).kindOf.get(id);
  return kind !== undefined && SENDER_KINDS.includes(kind);
}
