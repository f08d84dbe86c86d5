/**
 * The bounded fuzz test of issue 15: mutated scenarios (hostile values put anywhere in a valid
 * document, keys deleted, __proto__ and constructor keys added, arrays duplicated) go through parse,
 * validate, trace (every sender to Services, addresses, names and URLs) and the share-link round
 * trip. Whatever the input: no exception escapes (a TraceInputError is the one typed refusal), every
 * trace and reply ends with a verdict, and no single operation takes over a second. Fixed seed and
 * count, so a failure reproduces; it runs in a few seconds on an idle machine.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scenarioDocArbitrary } from './arbitrary-scenario';
import { type Scenario, type TraceResult } from '../sim/index';
import { parseScenarioJson, validateScenario } from '../sim/editing';
import { trace, TraceInputError } from '../sim/tracer';
import { decodeShareLink, encodeShareLink } from './share-link';

const SEED = 15;
const RUNS = 150;
/** Per operation. */
const BUDGET_MS = 1000;

const HOSTILE: unknown[] = [
  '[',
  '(a+)+',
  '.*',
  '',
  ' ',
  'a'.repeat(300),
  '__proto__',
  'constructor',
  '10.244.0.0/33',
  '999.1.1.1',
  '0.0.0.0',
  '255.255.255.255',
  '10.96.0.0/1',
  '0.0.0.0/0',
  '1.2.3',
  -1,
  0,
  1,
  65535,
  65536,
  2 ** 31,
  1e308,
  -0,
  0.5,
  true,
  false,
  null,
  [],
  {},
  [1, 2],
  { a: 1 },
  '中文',
  '\u0000',
  'None',
  'LoadBalancer',
];

type Mutation =
  | { kind: 'set'; path: number[]; value: number }
  | { kind: 'delete'; path: number[] }
  | { kind: 'proto'; path: number[]; key: 0 | 1 }
  | { kind: 'dup'; path: number[] };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), path: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), value: fc.nat(HOSTILE.length - 1) }),
  fc.record({ kind: fc.constant('delete' as const), path: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('proto' as const), path: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), key: fc.constantFrom(0 as const, 1 as const) }),
  fc.record({ kind: fc.constant('dup' as const), path: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }) }),
);

/** Walk `path` (child indexes, modulo each container's size) and apply the mutation there. */
function mutate(doc: unknown, m: Mutation): void {
  let parent: Record<string, unknown> | unknown[] | undefined;
  let key: string | number | undefined;
  let node: unknown = doc;
  for (const step of m.path) {
    if (node === null || typeof node !== 'object') break;
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    parent = node as Record<string, unknown>;
    key = keys[step % keys.length]!;
    node = (parent as Record<string | number, unknown>)[key];
  }
  if (parent === undefined || key === undefined) return;
  const p = parent as Record<string | number, unknown>;
  switch (m.kind) {
    case 'set':
      p[key] = structuredClone(HOSTILE[m.value]);
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete p[key];
      break;
    case 'proto':
      if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
        // As JSON.parse would make it: an own property named __proto__.
        Object.defineProperty(node, m.key === 0 ? '__proto__' : 'constructor', { value: 'x', enumerable: true, configurable: true, writable: true });
      }
      break;
    case 'dup':
      if (Array.isArray(node) && node.length > 0) node.push(structuredClone(node[0]));
      break;
  }
}

function timed<T>(what: string, f: () => T): T {
  const t0 = performance.now();
  const out = f();
  const ms = performance.now() - t0;
  expect(ms, `${what} took ${ms.toFixed(0)} ms`).toBeLessThan(BUDGET_MS);
  return out;
}

function checkTrace(r: TraceResult): void {
  for (const path of [r, r.reply, r.upstream?.request, r.upstream?.reply]) {
    if (!path) continue;
    expect(['delivered', 'dropped']).toContain(path.verdict);
    if (path.verdict === 'dropped') expect(path.reason?.code).toBeTruthy();
  }
}

function traceAll(s: Scenario): void {
  const senders = [...s.pods, ...s.nodes, ...s.clients].slice(0, 4);
  const targets: [string, number | undefined][] = [
    ...s.services
      .slice(0, 3)
      .flatMap((svc) => [
        [svc.name, svc.ports[0]?.port ?? 80] as [string, number],
        [svc.clusterIP ?? svc.name, svc.ports[0]?.port] as [string, number | undefined],
      ]),
    ...s.pods.slice(0, 2).map((p) => [p.ip, p.containers[0]?.ports[0]?.containerPort] as [string, number | undefined]),
    ...s.nodes.slice(0, 2).map((n) => [n.ip, s.services.find((x) => x.ports[0]?.nodePort)?.ports[0]?.nodePort ?? 22] as [string, number]),
    ['http://shop.example.com/api', undefined],
    ['web.default.svc.cluster.local', 80],
    ['8.8.8.8', 53],
  ];
  for (const from of senders) {
    for (const [to, port] of targets) {
      try {
        const r = timed(`trace ${from.id} -> ${to}:${port}`, () => trace(s, { from: from.id, to, ...(port !== undefined ? { port } : {}) }, { seed: 3 }));
        checkTrace(r);
      } catch (e) {
        if (!(e instanceof TraceInputError)) throw e;
      }
    }
  }
}

describe('fuzz: mutated scenarios through parse, validate, trace and the link round trip (issue 15)', () => {
  it(`${RUNS} mutated documents (seed ${SEED}): no exception escapes, every trace ends with a verdict, no operation over ${BUDGET_MS} ms`, () => {
    let opened = 0;
    fc.assert(
      fc.property(scenarioDocArbitrary, fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.nat(), (doc, mutations, flip) => {
        const raw = structuredClone(doc) as unknown;
        for (const m of mutations) mutate(raw, m);
        const text = JSON.stringify(raw);
        const parsed = timed('parse', () => parseScenarioJson(text));
        if (!parsed.ok) {
          expect(parsed.errors.length).toBeGreaterThan(0);
          for (const e of parsed.errors) expect(typeof e.msg.code).toBe('string');
          return;
        }
        opened++;
        const s = parsed.scenario;
        timed('validate', () => validateScenario(s));
        traceAll(s);
        const link = timed('encode link', () => encodeShareLink(s));
        if (!link.ok) return;
        const back = timed('decode link', () => decodeShareLink(link.hash));
        expect(back.ok).toBe(true);
        // A damaged copy of the link is refused or opens a valid scenario, never throws.
        const i = flip % link.hash.length;
        const damaged = link.hash.slice(0, i) + (link.hash[i] === 'A' ? 'B' : 'A') + link.hash.slice(i + 1);
        const d = timed('decode damaged link', () => decodeShareLink(damaged));
        if (d.ok) expect(d.scenario.version).toBe(1);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The mutations must leave enough documents valid to exercise validate, trace and links.
    expect(opened).toBeGreaterThan(RUNS / 5);
  }, 120_000);
});
