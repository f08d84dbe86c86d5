/** Test helper: load a scenario from examples/ through the real parse path. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenarioJson } from '../model/parse';
import type { Scenario } from '../model/schema';
import { editCluster } from '../model/editFields';

export const EXAMPLES_DIR = fileURLToPath(new URL('../../../examples/', import.meta.url));

export function loadExample(name: string): Scenario {
  const r = parseScenarioJson(readFileSync(`${EXAMPLES_DIR}${name}.json`, 'utf8'));
  if (!r.ok) throw new Error(`example ${name} is invalid: ${JSON.stringify(r.errors)}`);
  return r.scenario;
}

/** A deep copy to edit in a test without touching the cached original. */
export function withChanges(s: Scenario, edit: (copy: Scenario) => void): Scenario {
  const copy = structuredClone(s);
  edit(copy);
  return copy;
}

/** The cluster settings changed as the inspector changes them (a new CNI re-addresses pods its IPAM could not have given). */
export function withCluster(s: Scenario, set: Partial<Scenario['cluster']>): Scenario {
  const r = editCluster(s, set);
  if (!r.ok) throw new Error(`editCluster: ${JSON.stringify(r.error)}`);
  return r.scenario;
}
