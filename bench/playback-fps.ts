/**
 * Playback frame rate in headless Chromium: frames per second (requestAnimationFrame, capped by the
 * display's 60 Hz) and p95 frame time while a 20-packet burst (Send 20 from a pod to a Service's
 * ClusterIP) plays on the stress page (`?stress=1`: 100 nodes, 1,000 pods), opened at zoom 1 with
 * the camera following the packet (the default), the same with a single packet, and the same view
 * idle (the machine's baseline: on a loaded machine every row drops). The target is at least 55 fps.
 * Measured from when the packet in focus leaves its first hop until playback ends (at most the seconds below).
 *   npx tsx bench/playback-fps.ts           (or as part of `npm run bench`)
 *   PLAYBACK_BENCH_SECONDS=4                seconds measured per case (default 5)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { build, preview } from 'vite';
import { stressScenario } from '../src/store/stressScenario';
import { launchChromium, START_FRAMES, STOP_FRAMES } from './browser';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const VIEWPORT = { width: 1440, height: 900 };

function seconds(): number {
  const s = Number(process.env.PLAYBACK_BENCH_SECONDS ?? 5);
  return Number.isFinite(s) && s > 0 ? s : 5;
}

interface Sample {
  fps: number;
  p95: number;
  markers: number;
  labels: number;
}

async function measure(browser: Browser, base: string, count: number, follow = true): Promise<Sample> {
  const page: Page = await browser.newPage({ viewport: VIEWPORT });
  try {
    if (!follow) await page.addInitScript(() => localStorage.setItem('kube-network-playground:view', JSON.stringify({ follow: false })));
    await page.goto(`${base}/?stress=1&zoom=1`);
    await page.locator('.react-flow__node[data-id="pod-1"]').waitFor({ timeout: 60_000 });
    const s = stressScenario();
    const svc = s.services[0]!;
    const from = s.pods.find((p) => p.id === 'pod-1')!;
    await page.getByRole('tab', { name: 'Packets' }).click();
    const form = page.getByRole('form', { name: 'Send a packet' });
    await form.getByLabel('From', { exact: true }).selectOption(from.id);
    await form.getByLabel('To', { exact: true }).fill(`${svc.clusterIP}:${svc.ports[0]!.port}`);
    await page.waitForTimeout(500);
    if (count === 0) {
      // Nothing playing: the same view idle, the machine's baseline.
    } else if (count > 1) {
      await form.getByLabel('Number of requests').fill(String(count));
      await form.getByRole('button', { name: `Send ${count}` }).click();
    } else await form.getByRole('button', { name: 'Send', exact: true }).click();
    // The window opens when the packet in focus, the one the camera follows (a burst's last: Send N starts
    // its packets 150 ms apart), leaves its first hop, and closes after the measured seconds or when
    // playback ends. Opened at the first marker instead, a Send 20 window spent its first 2.85 s with the
    // followed packet waiting and the camera standing still: it measured the burst more than the camera
    // following it (and a 4 s window saw none of the camera's long jumps, which came later).
    if (count > 0) await page.locator('[data-testid="packet-marker"].focus:not([data-hop="0"])').waitFor({ timeout: 30_000 });
    await page.evaluate(START_FRAMES);
    if (count > 0)
      await page
        .getByRole('button', { name: 'Play', exact: true })
        .waitFor({ timeout: seconds() * 1000 })
        .catch(() => undefined);
    else await page.waitForTimeout(seconds() * 1000);
    const markers = await page.locator('[data-testid="packet-marker"]').count();
    const labels = await page.locator('[data-testid="packet-label"]').count();
    const frames = (await page.evaluate(STOP_FRAMES)) as number[];
    const total = frames.reduce((a, b) => a + b, 0);
    const sorted = [...frames].sort((a, b) => a - b);
    return {
      fps: total > 0 ? (frames.length * 1000) / total : 0,
      p95: sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]! : 0,
      markers,
      labels,
    };
  } finally {
    await page.close();
  }
}

export async function runPlaybackBench(): Promise<void> {
  console.log('\n## Playback: frames per second while packets play on the stress page (headless Chromium, 1440x900, zoom 1, camera following)');
  const outDir = mkdtempSync(join(tmpdir(), 'playback-bench-'));
  let server: Awaited<ReturnType<typeof preview>> | undefined;
  let browser: Browser | undefined;
  try {
    await build({ root: ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    server = await preview({ root: ROOT, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 4189, strictPort: false } });
    const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? 'http://127.0.0.1:4189';
    browser = await launchChromium();
    console.log(['case'.padEnd(40), 'fps'.padEnd(8), 'p95 ms'.padEnd(8), 'markers', 'labels'].join(' '));
    for (const [count, follow] of [
      [20, true],
      [1, true],
      [20, false],
      [1, false],
      [0, true],
    ] as const) {
      const r = await measure(browser, base, count, follow);
      const verdict = r.fps >= 55 ? 'ok (>= 55)' : 'BELOW 55';
      console.log(
        [
          (
            (count > 1 ? `Send ${count} (burst)` : count === 1 ? 'Send (one packet)' : 'idle (baseline, no packet)') +
            (count > 0 && !follow ? ', camera still' : '')
          ).padEnd(40),
          r.fps.toFixed(1).padEnd(8),
          r.p95.toFixed(1).padEnd(8),
          String(r.markers).padEnd(7),
          String(r.labels).padEnd(6),
          verdict,
        ].join(' '),
      );
    }
  } finally {
    await browser?.close();
    await new Promise<void>((done) => (server ? server.httpServer.close(() => done()) : done()));
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runPlaybackBench().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
