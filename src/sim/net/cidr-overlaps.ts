/** Which CIDRs of a list overlap, found without comparing every pair. */
import { isIPv4Cidr, parseCidr } from './cidr';

/**
 * Every overlapping pair of CIDRs, as a map from the earlier one's index to the later ones' indexes
 * (document order). Sorted by first address and swept, so N CIDRs cost N log N plus the pairs found,
 * not N² comparisons, each parsed once. CIDRs that are not valid text are left out.
 */
export function overlapsByEarlier(cidrs: readonly string[]): Map<number, number[]> {
  const items: { i: number; start: number; end: number }[] = [];
  cidrs.forEach((text, i) => {
    if (!isIPv4Cidr(text)) return;
    const c = parseCidr(text);
    items.push({ i, start: c.network, end: c.network + 2 ** (32 - c.prefix) - 1 });
  });
  items.sort((a, b) => a.start - b.start || a.i - b.i);
  const out = new Map<number, number[]>();
  // CIDRs are nested or disjoint: the open ones form a stack of enclosing ranges.
  const open: typeof items = [];
  for (const it of items) {
    while (open.length > 0 && open[open.length - 1]!.end < it.start) open.pop();
    for (const o of open) {
      const [a, b] = o.i < it.i ? [o.i, it.i] : [it.i, o.i];
      const list = out.get(a);
      if (list) list.push(b);
      else out.set(a, [b]);
    }
    open.push(it);
  }
  for (const list of out.values()) list.sort((x, y) => x - y);
  return out;
}
