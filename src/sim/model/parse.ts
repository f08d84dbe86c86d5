/**
 * The one validate-and-migrate path for scenarios from outside (files, links, the CLI):
 * unknown JSON -> migrated to the current version -> zod-validated -> addresses allocated.
 */
import { z } from 'zod';
import { SCENARIO_VERSION, scenarioSchema, type Scenario, type ScenarioDoc } from './schema';
import { materialize } from './materialize';

export interface FieldError {
  /** Dotted path of the bad field, e.g. `pods.2.ip`. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: FieldError[] };

function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

/** Bring an older document up to the current version. Version 1 is the first; later versions add steps here. */
export function migrate(raw: unknown): { ok: true; doc: unknown } | { ok: false; errors: FieldError[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [{ path: '(root)', message: 'a scenario is a JSON object' }] };
  }
  const version = (raw as { version?: unknown }).version;
  if (version === undefined) return { ok: false, errors: [{ path: 'version', message: `missing; this app reads version ${SCENARIO_VERSION}` }] };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, errors: [{ path: 'version', message: `must be a whole number (this app reads version ${SCENARIO_VERSION})` }] };
  }
  if (version > SCENARIO_VERSION) {
    return {
      ok: false,
      errors: [{ path: 'version', message: `version ${version} is newer than this app understands (${SCENARIO_VERSION}); update the app` }],
    };
  }
  return { ok: true, doc: raw };
}

export function parseScenario(raw: unknown): ParseResult {
  const migrated = migrate(raw);
  if (!migrated.ok) return migrated;
  const parsed = scenarioSchema.safeParse(migrated.doc);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i: z.core.$ZodIssue) => ({ path: formatPath(i.path), message: i.message })) };
  }
  return materializeChecked(parsed.data);
}

function materializeChecked(doc: ScenarioDoc): ParseResult {
  const result = materialize(doc);
  if (result.errors.length > 0) return { ok: false, errors: result.errors };
  return { ok: true, scenario: result.scenario };
}

export function parseScenarioJson(text: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ path: '(root)', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return parseScenario(raw);
}

export function formatErrors(errors: FieldError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('; ');
}
