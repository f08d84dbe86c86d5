/**
 * First load: the JavaScript a browser must fetch before the app can start (the entry script and
 * every chunk it preloads), gzipped, beside the same figure for a bare React Flow page (React,
 * React DOM, React Flow and its CSS rendering plain nodes: `src/ui/bench/BareFlow.tsx`). Both are
 * built here from source with the same Vite and plugin, so the comparison is like for like. Issue 12's
 * target: at most 1.6 x the bare page. Chunks loaded on demand (the Chinese dictionaries, lessons,
 * the manifest parser, the stress and bench pages, ...) are listed apart.
 *
 * Run alone: `npx tsx bench/bundle-size.bench.ts`.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import react from '@vitejs/plugin-react';

const ROOT = resolve(import.meta.dirname, '..');
const TARGET_RATIO = 1.6;

export interface Sized {
  file: string;
  raw: number;
  gzip: number;
}

const kb = (n: number) => (n / 1024).toFixed(1);

function size(dir: string, file: string): Sized {
  const bytes = readFileSync(join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
}

/** The scripts index.html loads at once: its module entry and the chunks it preloads. */
export function initialScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="\/?([^"]+)"/g)) out.push(m[1]!);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/?([^"]+)"/g)) out.push(m[1]!);
  return [...new Set(out)];
}

async function viteBuild(root: string, outDir: string): Promise<void> {
  await build({ root, configFile: false, logLevel: 'silent', plugins: [react()], build: { outDir, emptyOutDir: true } });
}

/** The app's own production build: initial scripts, then everything else (on demand). */
export async function measureApp(outDir: string): Promise<{ initial: Sized[]; later: Sized[] }> {
  await viteBuild(ROOT, outDir);
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const first = new Set(initialScripts(html));
  const assets = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
  return {
    initial: [...first].map((f) => size(outDir, f)),
    later: assets.filter((f) => !first.has(`assets/${f}`)).map((f) => size(outDir, `assets/${f}`)),
  };
}

/** A page with nothing but React Flow on it (bench/bare-flow), built the same way. */
export async function measureBareFlow(outDir: string): Promise<Sized[]> {
  await viteBuild(join(ROOT, 'bench/bare-flow'), outDir);
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  return initialScripts(html).map((f) => size(outDir, f));
}

const sum = (xs: Sized[], k: 'raw' | 'gzip') => xs.reduce((n, x) => n + x[k], 0);

export async function runBundleBench(): Promise<{ appGzip: number; bareGzip: number }> {
  const work = mkdtempSync(join(tmpdir(), 'knp-bundle-'));
  try {
    const app = await measureApp(join(work, 'app'));
    const bare = await measureBareFlow(join(work, 'bare'));
    const appGzip = sum(app.initial, 'gzip');
    const bareGzip = sum(bare, 'gzip');
    console.log('\n## First load: JavaScript fetched before the app starts (gzipped; issue 12)');
    console.log('page                              raw kB   gzip kB');
    console.log(`the playground (initial)       ${kb(sum(app.initial, 'raw')).padStart(9)} ${kb(appGzip).padStart(9)}`);
    for (const s of app.initial) console.log(`  ${s.file.padEnd(32)}${kb(s.raw).padStart(7)} ${kb(s.gzip).padStart(9)}`);
    console.log(`bare React Flow page           ${kb(sum(bare, 'raw')).padStart(9)} ${kb(bareGzip).padStart(9)}`);
    const ratio = appGzip / bareGzip;
    console.log(`ratio ${ratio.toFixed(2)}x (target at most ${TARGET_RATIO}x = ${kb(bareGzip * TARGET_RATIO)} kB) ${ratio <= TARGET_RATIO ? 'ok' : 'MISSED'}`);
    console.log('loaded on demand:');
    for (const s of [...app.later].sort((a, b) => b.gzip - a.gzip)) console.log(`  ${s.file.padEnd(40)}${kb(s.gzip).padStart(8)} kB gzip`);
    return { appGzip, bareGzip };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runBundleBench().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
