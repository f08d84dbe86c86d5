/**
 * Scale benchmark (issue 15): a cluster shaped like Kubernetes' published scalability thresholds,
 * scaled to a browser (bench/scale-scenario.ts: 1,000 nodes, 10,000 pods, 1,000 Services with 10
 * endpoints each, one Service selecting 1,000 pods), and the same shape 10x smaller. For each:
 * parse + validate, the first trace (it builds the indexes), the median of 400 later traces (new
 * senders on other nodes, other Services, the big Service, a NodePort from outside), the peak live
 * heap, and the time to first render when the scenario is opened in the app (File -> Import JSON)
 * in headless Chromium. Each Node measurement runs in its own process (`scale-worker.ts`, with
 * --expose-gc), so the heap figure is that scenario's alone. The traces are measured again with
 * kube-proxy in IPVS mode (virtual servers and ipset members looked up per packet, ipvs-lazy.ts).
 *
 *   npx tsx bench/scale.bench.ts          this table only (npm run bench prints it with the others)
 *   SCALE_BENCH_BROWSER=0                 leave out the Chromium column
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { parseScenarioJson } from '../src/sim/editing';
import { exportScenarioJson } from '../src/io/scenario-file';
import { scaleScenarioDoc, scaleShape } from './scale-scenario';
import { launchChromium } from './browser';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

interface NodeFigures {
  parseMs: number;
  validateMs: number;
  firstTraceMs: number;
  medianTraceMs: number;
  p95TraceMs: number;
  peakHeapMB: number;
  bytes: number;
}

const TARGETS = { parseValidateMs: 1000, firstTraceMs: 500, medianTraceMs: 5, peakHeapMB: 500, firstRenderMs: 3000 };

function measureNode(scale: number, mode: 'iptables' | 'ipvs' = 'iptables'): NodeFigures {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(ROOT, 'bench/scale-worker.ts'), String(scale), mode], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as NodeFigures;
}

/** Milliseconds from choosing the file in File -> Import JSON to the first element of the new scenario on the canvas. */
async function measureRender(scales: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  const outDir = mkdtempSync(join(tmpdir(), 'scale-bench-'));
  let server: Awaited<ReturnType<typeof preview>> | undefined;
  const browser = await launchChromium();
  try {
    await build({ root: ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    server = await preview({ root: ROOT, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 4189, strictPort: false } });
    const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? 'http://127.0.0.1:4189';
    for (const scale of scales) {
      const parsed = parseScenarioJson(JSON.stringify(scaleScenarioDoc(scaleShape(scale))));
      if (!parsed.ok) throw new Error('scale scenario invalid');
      const file = exportScenarioJson(parsed.scenario);
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(base);
      await page.locator('.react-flow__node').first().waitFor();
      const t0 = Date.now();
      await page.setInputFiles('[data-testid="import-file"]', { name: 'scale.json', mimeType: 'application/json', buffer: Buffer.from(file) });
      await page.locator('.react-flow__node[data-id="rack-0"]').waitFor({ state: 'attached', timeout: 120_000 });
      out.set(scale, Date.now() - t0);
      await page.close();
    }
  } finally {
    await browser.close();
    await new Promise<void>((done) => (server ? server.httpServer.close(() => done()) : done()));
    rmSync(outDir, { recursive: true, force: true });
  }
  return out;
}

const f1 = (n: number) => n.toFixed(1).padStart(9);
const f0 = (n: number) => n.toFixed(0).padStart(9);
const mark = (value: number, target: number) => (value <= target ? ' ok' : ' OVER');

export async function runScaleBench(): Promise<void> {
  const small = 0.1;
  const full = 1;
  console.log('\n## Scale: a cluster at Kubernetes-threshold shape scaled to a browser, and 10x smaller (targets from issue 15)');
  const a = measureNode(small);
  const b = measureNode(full);
  const ia = measureNode(small, 'ipvs');
  const ib = measureNode(full, 'ipvs');
  const browser = process.env.SCALE_BENCH_BROWSER === '0' ? undefined : await measureRender([small, full]);
  const shape = (s: number) => {
    const x = scaleShape(s);
    return `${x.nodes} nodes, ${x.pods} pods, ${x.services + 2} Services`;
  };
  console.log(`small: ${shape(small)} (${(a.bytes / 1e6).toFixed(2)} MB of JSON)`);
  console.log(`full:  ${shape(full)} (${(b.bytes / 1e6).toFixed(2)} MB of JSON)`);
  console.log('measure                          small       full    growth   target (full)');
  const row = (name: string, x: number, y: number, target: number, fmt = f1) =>
    console.log(`${name.padEnd(28)}${fmt(x)}  ${fmt(y)}  ${(y / x).toFixed(1).padStart(7)}x   < ${target}${mark(y, target)}`);
  row('parse + validate (ms)', a.parseMs + a.validateMs, b.parseMs + b.validateMs, TARGETS.parseValidateMs, f0);
  row('  parse (ms)', a.parseMs, b.parseMs, TARGETS.parseValidateMs, f0);
  row('  validate (ms)', a.validateMs, b.validateMs, TARGETS.parseValidateMs, f0);
  row('first trace (ms)', a.firstTraceMs, b.firstTraceMs, TARGETS.firstTraceMs);
  row('later traces, median (ms)', a.medianTraceMs, b.medianTraceMs, TARGETS.medianTraceMs, (n) => n.toFixed(2).padStart(9));
  console.log(`${'later traces, p95 (ms)'.padEnd(28)}${f1(a.p95TraceMs)}  ${f1(b.p95TraceMs)}  ${(b.p95TraceMs / a.p95TraceMs).toFixed(1).padStart(7)}x`);
  row('peak live heap (MB)', a.peakHeapMB, b.peakHeapMB, TARGETS.peakHeapMB, f0);
  row('IPVS mode: first trace (ms)', ia.firstTraceMs, ib.firstTraceMs, TARGETS.firstTraceMs);
  row('IPVS mode: median (ms)', ia.medianTraceMs, ib.medianTraceMs, TARGETS.medianTraceMs, (n) => n.toFixed(2).padStart(9));
  row('IPVS mode: peak heap (MB)', ia.peakHeapMB, ib.peakHeapMB, TARGETS.peakHeapMB, f0);
  if (browser) row('first render in Chromium (ms)', browser.get(small)!, browser.get(full)!, TARGETS.firstRenderMs, f0);
  console.log('(growth should be about 10x for 10x the cluster, not 100x; times depend on the machine and its load)');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runScaleBench().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
