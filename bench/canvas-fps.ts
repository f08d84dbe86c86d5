/**
 * Canvas frame rate in headless Chromium: frames per second (requestAnimationFrame count) and p95
 * frame time while panning the canvas and while dragging an element, on the playground's stress
 * page (`?stress=1`: 100 nodes, 1,000 pods, ~1,200 edges) and on a bare React Flow page with the
 * same number of plain default nodes (`?bare=1&n=1100`), on the same machine, in three viewports:
 * the whole scene fitted in view (the playground draws pods as tiles there), zoom 0.55 (pods drawn
 * in full, hundreds on screen) and zoom 1 (most elements off screen), all from the top-left.
 *
 * Three gestures, each a slow circle with the button held: a pan (pressed on empty canvas); a drag
 * of the element nearest the middle of the canvas (it stays well inside the view); and a drag of
 * the top-left element that crosses the canvas edge, so React Flow auto-pans the view on every
 * frame while the element moves (the heaviest case: the view scrolls and the element moves).
 *
 * Self-contained: builds the app into a temporary folder, serves it with `vite preview`, drives
 * Chromium (CHROMIUM_PATH or /usr/bin/chromium, the flags playwright.config.ts uses).
 *   npx tsx bench/canvas-fps.ts            (or as part of `npm run bench`)
 *   CANVAS_BENCH_SECONDS=3                 seconds per measurement (default 4)
 *   CANVAS_BENCH_RUNS=3                    measure each case this many times, report the median (default 1)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { build, preview } from 'vite';
import { launchChromium, START_FRAMES } from './browser';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const VIEWPORT = { width: 1400, height: 900 };
const ELEMENTS = 1100;

interface Sample {
  fps: number;
  p95: number;
  frames: number;
}

declare global {
  interface Window {
    __benchFrames?: number[];
    __benchRun?: boolean;
  }
}

function runs(): number {
  const n = Number(process.env.CANVAS_BENCH_RUNS ?? 1);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

function seconds(): number {
  const s = Number(process.env.CANVAS_BENCH_SECONDS ?? 4);
  return Number.isFinite(s) && s > 0 ? s : 4;
}

const EMPTY_PANE_POINT = `(() => {
  const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
  for (let fy = 0.05; fy < 0.95; fy += 0.01) {
    for (let fx = 0.05; fx < 0.95; fx += 0.01) {
      const x = pane.left + pane.width * fx;
      const y = pane.top + pane.height * fy;
      const el = document.elementFromPoint(x, y);
      if (el && el.classList.contains('react-flow__pane')) return { x, y };
    }
  }
  return null;
})()`;

async function startFrames(page: Page): Promise<void> {
  await page.evaluate(START_FRAMES);
}

async function stopFrames(page: Page): Promise<Sample> {
  const frames = await page.evaluate(() => {
    window.__benchRun = false;
    return window.__benchFrames ?? [];
  });
  const total = frames.reduce((a, b) => a + b, 0);
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    fps: total > 0 ? (frames.length * 1000) / total : 0,
    p95: sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]! : 0,
    frames: frames.length,
  };
}

/** A point of the canvas where a press pans the view: nothing but the pane under it. */
async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const p = (await page.evaluate(EMPTY_PANE_POINT)) as { x: number; y: number } | null;
  if (!p) throw new Error('no empty spot of the canvas to pan from');
  return p;
}

/**
 * Press at `from` and keep moving (a slow circle) for `ms`, as a hand panning or dragging does.
 * `kind` is what the press must have started: it is checked before the button is let go, so a
 * press that missed its element (and panned instead) fails the run rather than report a pan as a drag.
 */
async function gesture(page: Page, kind: 'pan' | 'drag', from: { x: number; y: number }, ms: number, radius: number): Promise<Sample> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 8, from.y + 8, { steps: 2 });
  await startFrames(page);
  const t0 = Date.now();
  let i = 0;
  while (Date.now() - t0 < ms) {
    const a = (i++ / 40) * Math.PI;
    await page.mouse.move(from.x + 8 + radius * Math.sin(a), from.y + 8 + radius * (1 - Math.cos(a)) * 0.6);
  }
  const sample = await stopFrames(page);
  const started = kind === 'pan' ? '.react-flow__pane.dragging' : '.react-flow__node.dragging';
  const ok = (await page.locator(started).count()) > 0;
  await page.mouse.up();
  if (!ok) throw new Error(`the ${kind} gesture at ${from.x},${from.y} did not start a ${kind} (no ${started})`);
  return sample;
}

async function centreOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The element matching `selector` whose centre is nearest the middle of the canvas: a point to press on it. */
async function middleElement(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const script = `(() => {
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    const cx = pane.left + pane.width / 2, cy = pane.top + pane.height / 2;
    let best = null, bestDistance = Infinity;
    for (const el of document.querySelectorAll(${JSON.stringify(selector)})) {
      const r = el.getBoundingClientRect();
      const d = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
      if (d < bestDistance) { bestDistance = d; best = { x: r.left + r.width / 2, y: r.top + r.height / 2 }; }
    }
    return best;
  })()`;
  const p = (await page.evaluate(script)) as { x: number; y: number } | null;
  if (!p) throw new Error(`no ${selector} on screen`);
  return p;
}

interface PageCase {
  label: string;
  path: string;
  ready: string;
  /** Where elements are pressed to drag them (the one nearest the middle is dragged). */
  draggable: string;
  /** The top-left element's drag handle: dragged across the canvas edge. */
  edgeTarget: string;
}

/** `fit`: the whole scene in view (pods drawn as tiles); a number: that zoom at the canvas origin. */
type View = 'fit' | number;

interface Measured {
  pan: Sample;
  drag: Sample;
  edge: Sample;
}

async function open(page: Page, url: string, ready: string): Promise<void> {
  await page.goto(url);
  await page.locator(ready).first().waitFor({ state: 'attached', timeout: 60_000 });
  await page.waitForTimeout(1500);
}

async function measurePage(browser: Browser, base: string, c: PageCase, view: View): Promise<Measured> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const url = `${base}${c.path}${view === 'fit' ? '' : `&zoom=${view}`}`;
  const ms = seconds() * 1000;
  // Each gesture starts from a fresh load: the one before moved the view or an element.
  await open(page, url, c.ready);
  const pan = await gesture(page, 'pan', await emptyPanePoint(page), ms, 220);
  await open(page, url, c.ready);
  const drag = await gesture(page, 'drag', await middleElement(page, c.draggable), ms, 160);
  await open(page, url, c.ready);
  const edge = await gesture(page, 'drag', await centreOf(page, c.edgeTarget), ms, 160);
  await page.close();
  return { pan, drag, edge };
}

function median(samples: Sample[]): Sample {
  const sorted = [...samples].sort((a, b) => a.fps - b.fps);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const row = (cells: (string | number)[], widths: number[]) => cells.map((c, i) => String(c).padEnd(widths[i]!)).join(' ');

export async function runCanvasBench(): Promise<void> {
  console.log(`\n## Canvas: frames per second and p95 frame time while panning / dragging (headless Chromium, ${ELEMENTS.toLocaleString('en')} nodes)`);
  const outDir = mkdtempSync(join(tmpdir(), 'canvas-bench-'));
  let server: Awaited<ReturnType<typeof preview>> | undefined;
  let browser: Browser | undefined;
  try {
    await build({ root: ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    server = await preview({ root: ROOT, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 4188, strictPort: false } });
    const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? 'http://127.0.0.1:4188';
    browser = await launchChromium();
    const cases: PageCase[] = [
      {
        label: 'playground ?stress=1',
        path: '/?stress=1',
        ready: '.react-flow__node[data-id="rack-1"]',
        draggable: '.react-flow__node-clusterNode .cnode-header',
        edgeTarget: '.react-flow__node[data-id="node-1"] .cnode-header',
      },
      {
        label: `bare React Flow ?bare=1&n=${ELEMENTS}`,
        path: `/?bare=1&n=${ELEMENTS}`,
        ready: '.react-flow__node[data-id="n0"]',
        draggable: '.react-flow__node',
        edgeTarget: '.react-flow__node[data-id="n0"]',
      },
    ];
    const n = runs();
    if (n > 1) console.log(`(median of ${n} runs per cell)`);
    const widths = [32, 10, 15, 15, 15];
    const cell = (x: Sample) => `${x.fps.toFixed(1)} / ${x.p95.toFixed(1)}`;
    console.log(row(['page', 'view', 'pan fps/p95ms', 'drag fps/p95ms', 'drag at edge'], widths));
    for (const view of ['fit', 0.55, 1] as View[]) {
      for (const c of cases) {
        const all: Measured[] = [];
        for (let i = 0; i < n; i++) all.push(await measurePage(browser, base, c, view));
        const r = { pan: median(all.map((x) => x.pan)), drag: median(all.map((x) => x.drag)), edge: median(all.map((x) => x.edge)) };
        console.log(row([c.label, view === 'fit' ? 'fit' : `zoom ${view}`, cell(r.pan), cell(r.drag), cell(r.edge)], widths));
      }
    }
  } finally {
    await browser?.close();
    await new Promise<void>((done) => (server ? server.httpServer.close(() => done()) : done()));
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runCanvasBench().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
