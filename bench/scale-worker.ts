/**
 * One scale measurement in a fresh process (so the heap figure is this scenario's alone):
 * `npx tsx bench/scale-worker.ts SCALE [iptables|ipvs]` prints one JSON line. Used by scale.bench.ts.
 */
import { type Scenario } from '../src/sim/index';
import { parseScenarioJson, validateScenario } from '../src/sim/editing';
import { trace } from '../src/sim/tracer';
import { scaleScenarioDoc, scaleShape } from './scale-scenario';

const scale = Number(process.argv[2] ?? 1);
const shape = scaleShape(scale);
const mode = process.argv[3] === 'ipvs' ? 'ipvs' : 'iptables';
const doc = scaleScenarioDoc(shape);
doc.cluster = { ...doc.cluster, kubeProxyMode: mode };
const text = JSON.stringify(doc);
let peak = 0;
/** Live heap: collected first when the worker runs with --expose-gc (scale.bench.ts starts it so). */
const gc = (globalThis as { gc?: () => void }).gc;
const sample = () => {
  gc?.();
  peak = Math.max(peak, process.memoryUsage().heapUsed);
};
const ms = (t0: number) => performance.now() - t0;

let t0 = performance.now();
const parsed = parseScenarioJson(text);
if (!parsed.ok) throw new Error(`scale scenario invalid: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
const parseMs = ms(t0);
sample();
t0 = performance.now();
const problems = validateScenario(parsed.scenario).filter((p) => p.severity === 'error');
const validateMs = ms(t0);
if (problems.length > 0) throw new Error(`scale scenario has problems: ${JSON.stringify(problems.slice(0, 3))}`);
sample();

const s: Scenario = parsed.scenario;
const svc = (i: number) => s.services[2 + (i % shape.services)]!;
t0 = performance.now();
const first = trace(s, { from: 'pod-0', to: svc(7).clusterIP!, port: 80 }, { seed: 1 });
const firstMs = ms(t0);
if (first.verdict !== 'delivered') throw new Error(`first trace ${first.verdict}`);
sample();

// Later traces: each from another pod (so another node) to another Service, plus the big Service and a NodePort.
const samples: number[] = [];
const runs = 400;
for (let i = 0; i < runs; i++) {
  const from = `pod-${(i * 7919) % shape.pods}`;
  const spec =
    i % 10 === 0
      ? { from, to: 'big', port: 80 }
      : i % 10 === 5
        ? {
            from: 'laptop',
            to: `192.168.${Math.floor(((i * 13) % shape.nodes) / 200)}.${10 + (((i * 13) % shape.nodes) % 200)}`,
            port: s.services[1]!.ports[0]!.nodePort!,
          }
        : { from, to: svc(i * 31).clusterIP!, port: 80 };
  const t = performance.now();
  const r = trace(s, spec, { seed: i });
  samples.push(performance.now() - t);
  if (r.verdict !== 'delivered') throw new Error(`trace ${JSON.stringify(spec)} ${r.verdict} ${r.reason?.code}`);
  if (i % 50 === 0) sample();
}
sample();
samples.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    scale,
    mode,
    shape,
    bytes: text.length,
    parseMs,
    validateMs,
    firstTraceMs: firstMs,
    medianTraceMs: samples[Math.floor(samples.length / 2)],
    p95TraceMs: samples[Math.floor(samples.length * 0.95)],
    peakHeapMB: peak / 1e6,
  }),
);
