/**
 * The one validate-and-migrate path for scenarios from outside (files, links, the CLI):
 * unknown JSON -> migrated to the current version -> zod-validated -> addresses allocated.
 */
import type { z } from 'zod/mini';
import { RESERVED_LABEL_KEYS, SCENARIO_VERSION, scenarioSchema, type Scenario, type ScenarioDoc } from './schema';
import { materialize } from './materialize';
import { issueMessage } from './issues';
import { msg, type Message } from '../messages/index';
import type { FieldError } from './field-error';
import { ELEMENT_COLLECTIONS } from './elements';

export type { FieldError } from './field-error';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: FieldError[] };

function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

/** Bring an older document up to the current version. Version 1 is the first; later versions add steps here. */
export function migrate(raw: unknown): { ok: true; doc: unknown } | { ok: false; errors: FieldError[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [{ path: '(root)', msg: msg('input.not-object') }] };
  }
  const version = (raw as { version?: unknown }).version;
  if (version === undefined) return { ok: false, errors: [{ path: 'version', msg: msg('input.version-missing', { version: SCENARIO_VERSION }) }] };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, errors: [{ path: 'version', msg: msg('input.version-invalid', { version: SCENARIO_VERSION }) }] };
  }
  if (version > SCENARIO_VERSION) {
    return { ok: false, errors: [{ path: 'version', msg: msg('input.version-newer', { given: version, version: SCENARIO_VERSION }) }] };
  }
  return { ok: true, doc: migrateLegacyCni(raw as Record<string, unknown>) };
}

/**
 * Before Calico, `cluster.cni` named flannel's backend ("vxlan" | "host-gw"); now it names the plugin
 * and the backend is `cluster.flannelBackend`. Old files and links keep working.
 */
function migrateLegacyCni(doc: Record<string, unknown>): Record<string, unknown> {
  const cluster = doc.cluster;
  if (typeof cluster !== 'object' || cluster === null || Array.isArray(cluster)) return doc;
  const { cni, ...rest } = cluster as Record<string, unknown>;
  if (cni !== 'vxlan' && cni !== 'host-gw') return doc;
  return { ...doc, cluster: { ...rest, cni: 'flannel', flannelBackend: rest.flannelBackend ?? cni } };
}

/** Labels and selectors whose keys name a built-in property of JavaScript objects (`__proto__`, `constructor`). */
export function reservedKeyErrors(doc: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const check = (collection: string, field: string) => {
    const items = (doc as Record<string, unknown>)[collection];
    if (!Array.isArray(items)) return;
    items.forEach((item, i) => {
      const map = item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[field] : undefined;
      if (map === null || typeof map !== 'object' || Array.isArray(map)) return;
      for (const key of RESERVED_LABEL_KEYS) {
        if (Object.prototype.hasOwnProperty.call(map, key))
          errors.push({ path: `${collection}.${i}.${field}.${key}`, msg: msg('schema.reserved-key', { key }) });
      }
    });
  };
  check('pods', 'labels');
  check('services', 'selector');
  return errors;
}

/**
 * Bounded work for anything from outside (links, Import, the CLI): a scenario may hold at most
 * MAX_SCENARIO_ELEMENTS elements and MAX_SCENARIO_VALUES values in all (array entries and object
 * keys, counted without recursion). Parsing, validating and tracing are linear in these, so within
 * the budget every step stays well under a second (`npm run bench`); past it the scenario is refused
 * with a message before any of that work starts.
 */
export const MAX_SCENARIO_ELEMENTS = 20_000;
export const MAX_SCENARIO_VALUES = 400_000;

export function budgetErrors(doc: unknown): FieldError[] {
  const d = doc as Record<string, unknown>;
  let elements = 0;
  for (const c of ELEMENT_COLLECTIONS) if (Array.isArray(d[c])) elements += (d[c] as unknown[]).length;
  if (elements > MAX_SCENARIO_ELEMENTS) {
    return [{ path: '(root)', msg: msg('input.too-many-elements', { elements, max: MAX_SCENARIO_ELEMENTS }) }];
  }
  let values = 0;
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    const children = Array.isArray(v) ? v : Object.values(v);
    values += children.length;
    if (values > MAX_SCENARIO_VALUES) return [{ path: '(root)', msg: msg('input.too-many-values', { max: MAX_SCENARIO_VALUES }) }];
    for (const c of children) if (c !== null && typeof c === 'object') stack.push(c);
  }
  return [];
}

export function parseScenario(raw: unknown): ParseResult {
  const migrated = migrate(raw);
  if (!migrated.ok) return migrated;
  const budget = budgetErrors(migrated.doc);
  if (budget.length > 0) return { ok: false, errors: budget };
  const reserved = reservedKeyErrors(migrated.doc);
  if (reserved.length > 0) return { ok: false, errors: reserved };
  const parsed = scenarioSchema.safeParse(migrated.doc);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i: z.core.$ZodIssue) => ({ path: formatPath(i.path), msg: issueMessage(i, scenarioSchema, migrated.doc) })),
    };
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
    return { ok: false, errors: [{ path: '(root)', msg: msg('input.not-json', { detail: (e as Error).message }) }] };
  }
  return parseScenario(raw);
}

/** Each error as a message naming its field (`pods.2.ip: …`), for lists and the CLI. */
export function fieldErrorMessages(errors: readonly FieldError[]): Message[] {
  return errors.map((e) => msg('input.at', { path: e.path, issue: e.msg }));
}
