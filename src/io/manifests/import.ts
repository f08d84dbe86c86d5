/**
 * importManifests(sources, { base, onClash }): Kubernetes manifests onto a cluster.
 * The cluster is `base` (the canvas) when it has nodes, else a generated one (cluster.ts). Objects
 * whose kind, namespace and name match an element already there are clashes, settled by `onClash`:
 * replace (the manifest wins, keeping the element's id and place), keep (the manifest's object is
 * left out) or rename (the manifest's object gets a free name). Pure: no I/O, deterministic.
 */
import { msg, type Scenario } from '../../sim/index';
import { parseScenario } from '../../sim/editing';
import type { ManifestError, ManifestSource } from './documents';
import { checkObjects, type ManifestNote } from './read';
import { ImportFailed, type Clash, type ClashPolicy } from './context';
import { Builder } from './builder';

export type { Clash, ClashPolicy } from './context';

export interface ImportOptions {
  /** The cluster on the canvas; a generated one is used when it is missing or has no nodes. */
  base?: Scenario;
  onClash?: ClashPolicy;
}

export type ManifestImport =
  | {
      ok: true;
      scenario: Scenario;
      /** Things done differently from the manifest (an address re-allocated, a field not modelled). */
      notes: ManifestNote[];
      /** Objects of kinds that are not about networking. */
      ignored: ManifestNote[];
      clashes: Clash[];
      generatedCluster: boolean;
      /** How many objects of each kind were read. */
      counts: Record<string, number>;
    }
  | { ok: false; errors: ManifestError[] };

export function importManifests(sources: ManifestSource[], options: ImportOptions = {}): ManifestImport {
  const { objects, errors, ignored } = checkObjects(sources);
  if (errors.length > 0) return { ok: false, errors };
  const b = new Builder(options);
  try {
    b.run(objects);
  } catch (e) {
    if (e instanceof ImportFailed) return { ok: false, errors: e.errors };
    throw e;
  }
  if (b.errors.length > 0) return { ok: false, errors: b.errors };
  const parsed = parseScenario(b.doc);
  if (!parsed.ok) {
    return {
      ok: false,
      errors: parsed.errors.map((e) => ({
        source: sources[0]?.name ?? '',
        doc: 0,
        path: e.path,
        msg: msg('manifest.scenario-invalid', { issue: msg('input.at', { path: e.path, issue: e.msg }) }),
      })),
    };
  }
  const counts: Record<string, number> = {};
  for (const o of objects) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
  return { ok: true, scenario: parsed.scenario, notes: b.notes, ignored, clashes: b.clashes, generatedCluster: b.generated, counts };
}
