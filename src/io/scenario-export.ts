/** A scenario as a JSON file: its name and text (reading one back is scenario-file.ts, which needs the schema). */
import type { Scenario } from '../sim/index';

/** Largest file Import JSON (and the CLI) reads: the export of the 1,000-node, 10,000-pod scale scenario is about 5 MB; the element budget in parseScenario bounds the work. */
export const MAX_SCENARIO_FILE_BYTES = 16_000_000;

export function exportScenarioJson(scenario: Scenario): string {
  return JSON.stringify(scenario, null, 2) + '\n';
}

/** A file name for the export, from the scenario's name: `two-pods-on-one-node.json`. */
export function scenarioFileName(scenario: Pick<Scenario, 'name'>): string {
  const slug = scenario.name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'scenario'}.json`;
}
