/**
 * Addresses that must be unique: an underlay address on its subnet, a pod IP among pods, a ClusterIP
 * among Services. Each check collects the holders of an address; the duplicates are reported at once.
 */
import type { ElementKind } from '../model/schema';
import { msg } from '../messages/index';
import type { Problem } from './problem';

/** An element holding an address that must be unique (on its subnet, among pods, among ClusterIPs). */
export interface Holder {
  id: string;
  kind: ElementKind;
  /** As the message names it: `node-2`, `pod web-2`, `service web`. */
  name: string;
  field: string;
  ip: string;
  /** The subnet, for underlay addresses. */
  where?: string;
}

export function holders(m: Map<string, Holder[]>, key: string): Holder[] {
  let list = m.get(key);
  if (!list) m.set(key, (list = []));
  return list;
}

/**
 * One problem per holder of a shared address (after the first), each naming the element that
 * already holds it, so that whichever element the user just changed, its message names the other.
 */
export function reportDuplicates(m: Map<string, Holder[]>, what: 'address' | 'podIp' | 'clusterIp', add: (p: Omit<Problem, 'severity'>) => void) {
  for (const list of m.values()) {
    const distinct = list.filter((h, i) => list.findIndex((x) => x.id === h.id) === i);
    if (distinct.length < 2) continue;
    for (const h of distinct) {
      const others = distinct.filter((x) => x.id !== h.id).map((x) => x.name);
      add({
        code: 'duplicate-ip',
        element: h.id,
        kind: h.kind,
        field: h.field,
        msg: msg('problem.address-in-use', { what, ip: h.ip, others, ...(h.where ? { subnet: h.where } : {}) }),
      });
    }
  }
}
