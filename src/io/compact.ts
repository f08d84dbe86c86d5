/**
 * The smallest scenario document that parses back to the same scenario: what share links and
 * saved work store.
 *
 * - Fields equal to their schema default are left out. This walks the zod schema itself
 *   (`default`/`prefault` wrappers), so a field the schema gains later is handled without a list
 *   kept here by hand.
 * - Addresses the allocators would hand out anyway (node pod CIDRs, pod IPs, ClusterIPs, nodePorts,
 *   healthCheckNodePorts) are left out, and kept wherever leaving them out would change what `parseScenario` allocates.
 *   The result is checked by parsing it back; if that does not give the same scenario, every
 *   address is kept.
 * - Canvas positions are rounded to whole pixels (sub-pixel digits are invisible and compress badly).
 */
import type { z } from 'zod/mini';
import type { Scenario, ScenarioInput } from '../sim/index';
import { parseScenario, scenarioSchema } from '../sim/editing';
import { jsonEqual } from './json-equal';

type AnySchema = z.core.$ZodType;
type Def = AnySchema['_zod']['def'] & {
  innerType?: AnySchema;
  defaultValue?: unknown;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  valueType?: AnySchema;
};

function defOf(schema: AnySchema): Def {
  return schema._zod.def as Def;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `value` with every field equal to its schema default removed, recursively. Unknown keys are dropped (zod strips them too). */
export function stripDefaults(value: unknown, schema: AnySchema): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'default':
    case 'prefault':
    case 'optional':
    case 'nullable':
    case 'readonly':
      return stripDefaults(value, def.innerType!);
    case 'object': {
      if (!isPlainObject(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [key, fieldSchema] of Object.entries(def.shape!)) {
        const v = value[key];
        if (v === undefined) continue;
        const stripped = stripDefaults(v, fieldSchema);
        const fieldDef = defOf(fieldSchema);
        if (fieldDef.type === 'default' || fieldDef.type === 'prefault') {
          if (jsonEqual(stripped, stripDefaults(fieldDef.defaultValue, fieldDef.innerType!))) continue;
        }
        out[key] = stripped;
      }
      return out;
    }
    case 'array':
      return Array.isArray(value) ? value.map((v) => stripDefaults(v, def.element!)) : value;
    case 'record': {
      if (!isPlainObject(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = stripDefaults(v, def.valueType!);
      return out;
    }
    default:
      return value;
  }
}

/** Positions rounded to whole pixels: the canvas position a link or a save restores. */
export function roundLayout<T extends { layout: Record<string, { x: number; y: number }> }>(s: T): T {
  const layout: Record<string, { x: number; y: number }> = {};
  // `+ 0` turns -0 (from rounding -0.4) into 0, which is what JSON would give back anyway.
  for (const [id, p] of Object.entries(s.layout)) layout[id] = { x: Math.round(p.x) + 0, y: Math.round(p.y) + 0 };
  return { ...s, layout };
}

type Doc = Record<string, unknown> & {
  nodes?: Record<string, unknown>[];
  pods?: Record<string, unknown>[];
  services?: (Record<string, unknown> & { ports?: Record<string, unknown>[] })[];
};

/** A path to one allocatable field and the value the scenario has there. */
interface Allocated {
  get: (d: Doc) => Record<string, unknown> | undefined;
  key: string;
  value: unknown;
}

function allocatedFields(s: Scenario): Allocated[] {
  const out: Allocated[] = [];
  s.nodes.forEach((n, i) => out.push({ get: (d) => d.nodes?.[i], key: 'podCidr', value: n.podCidr }));
  s.pods.forEach((p, i) => out.push({ get: (d) => d.pods?.[i], key: 'ip', value: p.ip }));
  s.services.forEach((svc, i) => {
    if (svc.clusterIP !== undefined && svc.clusterIP !== 'None') out.push({ get: (d) => d.services?.[i], key: 'clusterIP', value: svc.clusterIP });
    if (svc.type === 'NodePort' || svc.type === 'LoadBalancer') {
      svc.ports.forEach((p, j) => {
        if (p.nodePort !== undefined) out.push({ get: (d) => d.services?.[i]?.ports?.[j], key: 'nodePort', value: p.nodePort });
      });
    }
    if (svc.type === 'LoadBalancer' && svc.externalTrafficPolicy === 'Local' && svc.healthCheckNodePort !== undefined) {
      out.push({ get: (d) => d.services?.[i], key: 'healthCheckNodePort', value: svc.healthCheckNodePort });
    }
  });
  return out;
}

function readAllocated(s: Scenario, f: Allocated): unknown {
  return f.get(s as unknown as Doc)?.[f.key];
}

const MAX_ROUNDS = 6;

/**
 * The compact document for `scenario` (positions rounded). `parseScenario(compactScenario(s))`
 * gives `roundLayout(s)` back, field for field.
 */
export function compactScenario(scenario: Scenario): ScenarioInput {
  const target = roundLayout(scenario);
  const full = stripDefaults(target, scenarioSchema) as Doc;
  const fields = allocatedFields(target);

  // Leave every allocatable address out, then put back those the allocator would not reproduce;
  // putting one back can change what the others get, so repeat until nothing changes. Each round
  // is a full parse, so after a few rounds (a heavily hand-addressed scenario) keep every address.
  const doc = structuredClone(full);
  for (const f of fields) delete f.get(doc)?.[f.key];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const parsed = parseScenario(doc);
    if (!parsed.ok) break;
    const wrong = fields.filter((f) => f.get(doc)?.[f.key] === undefined && !jsonEqual(readAllocated(parsed.scenario, f), f.value));
    if (wrong.length === 0) {
      if (jsonEqual(parsed.scenario, target)) return doc as ScenarioInput;
      break;
    }
    for (const f of wrong) {
      const holder = f.get(doc);
      if (holder) holder[f.key] = f.value;
    }
  }
  return full as ScenarioInput;
}
