/**
 * zod's issues as messages for a person: "a whole number from 8 to 30 (not 31)" rather than zod's
 * "Too big: expected number to be <=30". The allowed range comes from the schema itself (both bounds,
 * though zod reports only the one that was crossed), so a field the schema gains later is covered.
 * Messages a schema writes itself (refinements such as "not an IPv4 address ...") are kept.
 * The field is named by the caller (as a path in files and the CLI, by its label in the inspector).
 */
import type { z } from 'zod/mini';
import { msg, type Message } from '../messages/index';
import { ID_MESSAGE, K8S_NAME_MESSAGE } from './schema';

type AnySchema = z.core.$ZodType;
type Issue = z.core.$ZodIssue;
type Def = { type: string; innerType?: AnySchema; shape?: Record<string, AnySchema>; element?: AnySchema; valueType?: AnySchema };

function defOf(s: AnySchema): Def {
  return s._zod.def as unknown as Def;
}

function unwrap(s: AnySchema): AnySchema {
  let cur = s;
  for (let guard = 0; guard < 10; guard++) {
    const d = defOf(cur);
    if (d.innerType && ['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch'].includes(d.type)) cur = d.innerType;
    else break;
  }
  return cur;
}

/** The schema of the value at `path` under `root`, when the path leads through objects, arrays and records. */
export function schemaAt(root: AnySchema, path: readonly PropertyKey[]): AnySchema | undefined {
  let cur: AnySchema | undefined = root;
  for (const key of path) {
    if (!cur) return undefined;
    const d = defOf(unwrap(cur));
    if (d.type === 'object') cur = d.shape?.[String(key)];
    else if (d.type === 'array') cur = d.element;
    else if (d.type === 'record') cur = d.valueType;
    else return undefined;
  }
  return cur ? unwrap(cur) : undefined;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur = input;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key as string];
  }
  return cur;
}

function finite(n: unknown): number | undefined {
  return typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined;
}

type CheckDef = { check?: string; value?: unknown; format?: string };

/**
 * What a number schema's checks allow: the tightest lower and upper bound and whether it must be whole,
 * read from its checks (`z.int()`, `z.minimum`, `z.maximum`, `z.gt`, `z.lt`, `z.multipleOf`) as zod's
 * classic `minValue`/`maxValue`/`isInt` read them. zod/mini schemas carry no such getters.
 */
function numberChecks(schema: AnySchema | undefined): { isInt: boolean; minValue?: number; maxValue?: number } {
  if (!schema || defOf(schema).type !== 'number') return { isInt: false };
  const own = schema._zod.def as CheckDef;
  const checks = [own, ...((schema._zod.def.checks ?? []) as { _zod: { def: CheckDef } }[]).map((c) => c._zod.def)];
  let isInt = false;
  let minValue = Number.NEGATIVE_INFINITY;
  let maxValue = Number.POSITIVE_INFINITY;
  for (const c of checks) {
    if (c.format?.includes('int')) isInt = true;
    if (c.check === 'multiple_of' && Number.isSafeInteger(c.value)) isInt = true;
    if (c.check === 'greater_than' && typeof c.value === 'number') minValue = Math.max(minValue, c.value);
    if (c.check === 'less_than' && typeof c.value === 'number') maxValue = Math.min(maxValue, c.value);
  }
  return { isInt, minValue, maxValue };
}

/** The bounds the schema puts on a number (both, though zod reports only the one crossed). */
function numberRange(schema: AnySchema | undefined, issue: Issue): { int: boolean; min?: number; max?: number } {
  const num = numberChecks(schema);
  const int = num.isInt || (issue.code === 'invalid_type' && issue.expected === 'int');
  const min = finite(num.minValue) ?? (issue.code === 'too_small' ? finite(Number(issue.minimum)) : undefined);
  const max = finite(num.maxValue) ?? (issue.code === 'too_big' ? finite(Number(issue.maximum)) : undefined);
  return { int, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

function shown(v: unknown): string {
  if (typeof v === 'string') return `"${v}"`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === undefined || v === null) return String(v);
  return Array.isArray(v) ? '[…]' : '{…}';
}

const TYPES = ['string', 'number', 'boolean', 'array', 'object'] as const;
const typeOf = (t: unknown) => ((TYPES as readonly unknown[]).includes(t) ? (t as (typeof TYPES)[number]) : 'other');

const ORIGINS = ['number', 'string', 'array'] as const;
const originOf = (o: unknown) => ((ORIGINS as readonly unknown[]).includes(o) ? (o as (typeof ORIGINS)[number]) : 'other');

export function issueMessage(issue: z.core.$ZodIssue, root?: AnySchema, input?: unknown): Message {
  const schema = root ? schemaAt(root, issue.path) : undefined;
  const given = input === undefined ? undefined : valueAt(input, issue.path);
  const kind = schema ? defOf(schema).type : undefined;
  const shownGiven = given === undefined ? {} : { given: shown(given) };
  if (issue.code === 'invalid_type' && given === undefined && input !== undefined) return msg('schema.required');
  const numeric =
    ((issue.code === 'too_big' || issue.code === 'too_small') && (issue.origin === 'number' || issue.origin === 'int' || kind === 'number')) ||
    (issue.code === 'invalid_type' && (issue.expected === 'number' || issue.expected === 'int' || kind === 'number'));
  if (numeric) {
    const r = numberRange(schema, issue);
    return msg('schema.number', { int: r.int, ...(r.min !== undefined ? { min: r.min } : {}), ...(r.max !== undefined ? { max: r.max } : {}), ...shownGiven });
  }
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1) return msg('schema.not-empty');
  switch (issue.code) {
    case 'custom': {
      const code = (issue.params as { msg?: unknown } | undefined)?.msg;
      if (
        code === 'schema.ipv4' ||
        code === 'schema.cidr' ||
        code === 'schema.dns-domain' ||
        code === 'schema.peer-empty' ||
        code === 'schema.peer-ipblock-mixed' ||
        code === 'schema.end-port'
      )
        return msg(code);
      break;
    }
    case 'too_small':
      return msg('schema.too-small', { origin: originOf(issue.origin), min: Number(issue.minimum), inclusive: issue.inclusive !== false });
    case 'too_big':
      return msg('schema.too-big', { origin: originOf(issue.origin), max: Number(issue.maximum), inclusive: issue.inclusive !== false });
    case 'invalid_type':
      return issue.expected === 'int' ? msg('schema.not-integer') : msg('schema.invalid-type', { expected: typeOf(issue.expected), ...shownGiven });
    case 'invalid_value':
      return msg('schema.invalid-value', { values: issue.values.map((v) => String(v)), ...shownGiven });
    case 'invalid_format':
      if (issue.message === K8S_NAME_MESSAGE) return msg('schema.k8s-name');
      if (issue.message === ID_MESSAGE) return msg('schema.id');
      break;
    case 'unrecognized_keys':
      return msg('schema.unknown-keys', { keys: issue.keys });
    case 'invalid_union':
      return msg('input.no-variant', shownGiven);
    case 'invalid_key':
      // zod/mini loads no locale (its own message would be "Invalid input"): keep the words zod's English gave.
      return msg('schema.invalid', { detail: `Invalid key in ${issue.origin}` });
  }
  return msg('schema.invalid', { detail: issue.message });
}

/** The field message for an issue: the issue under its path (`ports.0.port: must be at most 65535`). */
export function fieldIssueMessage(issue: z.core.$ZodIssue, root?: AnySchema, input?: unknown): { msg: Message; field?: string } {
  const path = issue.path.map(String).join('.');
  const m = issueMessage(issue, root, input);
  return path ? { msg: msg('edit.field', { field: path, issue: m }), field: String(issue.path[0]) } : { msg: m };
}
