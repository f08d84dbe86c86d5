/**
 * What every step of an import shares: the scenario being built, the errors and notes so far, free
 * ids, and how a clash with an element already on the canvas is settled.
 */
import type { ScenarioDoc } from '../../sim/index';
import type { ManifestError } from './documents';
import type { ManifestNote } from './read';

export type ClashPolicy = 'replace' | 'keep' | 'rename';

export interface Clash {
  kind: 'Pod' | 'Service' | 'Ingress' | 'NetworkPolicy' | 'Node';
  namespace: string;
  name: string;
}

export interface BuildContext {
  doc: ScenarioDoc;
  readonly errors: ManifestError[];
  readonly notes: ManifestNote[];
  /** A free element id made from `base`. */
  idFor(base: string): string;
  /**
   * Settle a clash with an existing element of `list`: the id to reuse (replace), a new name
   * (rename), or null (keep the canvas's); `{ name }` when there is no clash.
   */
  clash<T extends { id: string; name: string; namespace?: string }>(
    list: T[],
    kind: Clash['kind'],
    namespace: string,
    name: string,
    exists: (n: string) => boolean,
  ): { id?: string; name: string } | null;
}

/** An import that cannot go on (the cluster has no room left); its errors are the result. */
export class ImportFailed extends Error {
  constructor(readonly errors: ManifestError[]) {
    super('import failed');
  }
}

/** The id prefix of an object in a namespace: `svc-web` in default, `svc-shop.web` elsewhere. */
export function nsPrefix(namespace: string): string {
  return namespace === 'default' ? '' : `${namespace}.`;
}
