import { chromium } from '@playwright/test';
const port = 4313;
const follow = process.env.FOLLOW !== '0';
const count = Number(process.env.COUNT ?? 1);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await b.newPage({ viewport: { width: 1440, height: 900 } });
if (!follow) await page.addInitScript(() => localStorage.setItem('kube-network-playground:view', JSON.stringify({ follow: false })));
if (process.env.NOLAYER) await page.addInitScript(() => { document.addEventListener('DOMContentLoaded', () => { const st = document.createElement('style'); st.textContent = '.react-flow.camera-moving .react-flow__viewport { will-change: auto !important; }'; document.head.append(st); }); });
await page.goto(`http://127.0.0.1:${port}/?stress=1&zoom=1`);
await page.locator('.react-flow__node[data-id="pod-1"]').waitFor({ timeout: 60000 });
await page.getByRole('tab', { name: 'Packets' }).click();
const form = page.getByRole('form', { name: 'Send a packet' });
await form.getByLabel('From', { exact: true }).selectOption('pod-1');
const to = process.env.TO;
await form.getByLabel('To', { exact: true }).fill(to);
await page.waitForTimeout(500);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
if (count > 1) { await form.getByLabel('Number of requests').fill(String(count)); await form.getByRole('button', { name: `Send ${count}` }).click(); }
else await form.getByRole('button', { name: 'Send', exact: true }).click();
await page.locator('[data-testid="packet-marker"]').first().waitFor();
await b.startTracing(page, { path: '/tmp/w13/trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
await page.evaluate(() => { window.__f = []; let last = performance.now(); const loop = (t) => { window.__f.push(t - last); last = t; window.__raf = requestAnimationFrame(loop); }; window.__raf = requestAnimationFrame(loop); });
await page.waitForTimeout(4000);
const frames = await page.evaluate(() => { cancelAnimationFrame(window.__raf); return window.__f; });
await b.stopTracing();
const total = frames.reduce((a, b) => a + b, 0);
console.log('fps', (frames.length * 1000 / total).toFixed(1), 'frames', frames.length);
import('node:fs').then(({ readFileSync }) => {
  const ev = JSON.parse(readFileSync('/tmp/w13/trace.json', 'utf8')).traceEvents;
  const sum = new Map(); const cnt = new Map();
  for (const e of ev) if (e.ph === 'X' && e.dur) { sum.set(e.name, (sum.get(e.name) ?? 0) + e.dur); cnt.set(e.name, (cnt.get(e.name) ?? 0) + 1); }
  console.log([...sum].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / 1000).toFixed(0).padStart(6)}ms x${cnt.get(k)} ${k}`).join('\n'));
});
await new Promise((r) => setTimeout(r, 2000));
await b.close();
