/**
 * Importing 10,000 manifest documents (issue 17: under 2 s): 100 Nodes, 3,300 Deployments of one
 * replica, 3,300 Services selecting them, 3,300 ConfigMaps (ignored kinds), in one YAML stream,
 * placed on a generated cluster. Prints the time of each step (YAML parse + check, the whole
 * import) and of exporting the result back to YAML, as wall-clock time and as the CPU time of this
 * process (process.cpuUsage: all its threads, GC included). The 2 s budget is checked on CPU time,
 * which other programs on a shared machine cannot inflate; the wall time is printed beside it.
 */
import { importManifests, exportManifests } from '../src/io/manifests/index';
import { readDocuments } from '../src/io/manifests/documents';

export const IMPORT_BUDGET_MS = 2000;

export function manifestsOf(apps: number, nodes: number, configMaps: number): string {
  const docs: string[] = [];
  for (let i = 0; i < nodes; i++) {
    docs.push(`apiVersion: v1
kind: Node
metadata:
  name: worker-${i}
  labels: { topology.kubernetes.io/zone: zone-${i % 3} }
spec:
  podCIDR: 10.244.${i}.0/24
status:
  addresses:
    - { type: InternalIP, address: 10.0.${Math.floor(i / 200)}.${(i % 200) + 10} }
`);
  }
  for (let i = 0; i < apps; i++) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: team-${i % 20}
spec:
  replicas: 1
  selector:
    matchLabels: { app: app-${i} }
  template:
    metadata:
      labels: { app: app-${i}, tier: backend }
    spec:
      containers:
        - name: app
          image: registry.example.com/app:${i}
          ports: [{ name: http, containerPort: 8080 }]
          readinessProbe: { httpGet: { path: /healthz, port: http } }
`);
    docs.push(`apiVersion: v1
kind: Service
metadata:
  name: app-${i}
  namespace: team-${i % 20}
spec:
  selector: { app: app-${i} }
  ports: [{ name: http, port: 80, targetPort: http }]
`);
  }
  for (let i = 0; i < configMaps; i++) docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata: { name: cfg-${i} }\ndata: { key: value-${i} }\n`);
  return docs.join('---\n');
}

/**
 * yaml's Node build reads process.env.LOG_TOKENS for every token (its browser build does not), and
 * Node's process.env is a slow native accessor: a plain copy measures what the browser runs.
 */
function snapshotEnv(): void {
  process.env = { ...process.env };
}

function ms(fn: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  fn();
  const c = process.cpuUsage(c0);
  return { wall: Number(process.hrtime.bigint() - t0) / 1e6, cpu: (c.user + c.system) / 1000 };
}

export function runManifestsBench(): void {
  snapshotEnv();
  console.log('\n## Manifest import: 10,000 documents (100 Nodes, 3,300 Deployments, 3,300 Services, 3,300 ConfigMaps)');
  const text = manifestsOf(3300, 100, 3300);
  const sources = [{ name: 'bench.yaml', text }];
  // one warm-up run (JIT), then the median of three
  importManifests(sources);
  const parse: { wall: number; cpu: number }[] = [];
  const whole: { wall: number; cpu: number }[] = [];
  let result: ReturnType<typeof importManifests> | undefined;
  for (let i = 0; i < 3; i++) {
    parse.push(ms(() => readDocuments(sources)));
    whole.push(ms(() => (result = importManifests(sources))));
  }
  if (!result?.ok) throw new Error('the benchmark manifests did not import');
  const scenario = result.scenario;
  let yaml = '';
  const exported = ms(() => (yaml = exportManifests(scenario)));
  const median = (xs: { wall: number; cpu: number }[]) => [...xs].sort((a, b) => a.cpu - b.cpu)[1]!;
  const row = (label: string, t: { wall: number; cpu: number }, extra = '') =>
    console.log(`${label.padEnd(34)} ${t.cpu.toFixed(0).padStart(7)} ${t.wall.toFixed(0).padStart(9)}${extra}`);
  console.log(
    `documents ${text.split('---\n').length}; pods / services / nodes ${scenario.pods.length} / ${scenario.services.length} / ${scenario.nodes.length}`,
  );
  console.log(`${'step'.padEnd(34)} ${'cpu(ms)'.padStart(7)} ${'wall(ms)'.padStart(9)}`);
  row('YAML read, every document (median)', median(parse));
  row('whole import (median of 3)', median(whole), `   budget ${IMPORT_BUDGET_MS} ms cpu`);
  row('export back to YAML', exported, `   (${(yaml.length / 1e6).toFixed(1)} MB)`);
  if (median(whole).cpu >= IMPORT_BUDGET_MS) {
    console.log(`!! importing 10,000 documents took ${median(whole).cpu.toFixed(0)} ms of CPU, over the ${IMPORT_BUDGET_MS} ms budget`);
    process.exitCode = 1;
  }
}
