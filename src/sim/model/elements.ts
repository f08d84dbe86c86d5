/** The element-kind registry: every kind of element a scenario holds, and the collection it lives in. */
import type { ElementKind, Scenario } from './schema';

export type Collection = 'subnets' | 'routers' | 'nodes' | 'pods' | 'clients' | 'services' | 'loadBalancers' | 'ingresses';
export const COLLECTION_OF: Record<ElementKind, Collection> = {
  subnet: 'subnets',
  router: 'routers',
  node: 'nodes',
  pod: 'pods',
  client: 'clients',
  service: 'services',
  loadBalancer: 'loadBalancers',
  ingress: 'ingresses',
};

/** Every element kind, in drawing order (underlay first). */
export const ELEMENT_KINDS = Object.keys(COLLECTION_OF) as ElementKind[];

/** Every element collection of a scenario, in the same order. */
export const ELEMENT_COLLECTIONS: readonly Collection[] = ELEMENT_KINDS.map((k) => COLLECTION_OF[k]);

/** The kind of the element with this id, if any (ids are unique across kinds). */
export function kindOfElement(s: Scenario, id: string): ElementKind | undefined {
  for (const kind of ELEMENT_KINDS) if ((s[COLLECTION_OF[kind]] as { id: string }[]).some((e) => e.id === id)) return kind;
  return undefined;
}

export function allElementIds(s: Scenario): Set<string> {
  const ids = new Set<string>();
  for (const kind of ELEMENT_KINDS) for (const e of s[COLLECTION_OF[kind]] as { id: string }[]) ids.add(e.id);
  return ids;
}

/** `prefix-N` with the lowest N >= 1 not in `taken`. */
export function lowestFree(prefix: string, taken: ReadonlySet<string>): string {
  for (let i = 1; ; i++) {
    const candidate = `${prefix}-${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}
