/**
 * A big scenario opens with its steps shown, then the canvas (issue 15: "big-but-legal scenarios load
 * with progress instead of a blank page"): Import JSON of a 300-node, 3,000-pod cluster, a share link,
 * and the stress page.
 */
import { test, expect, type Page } from '@playwright/test';
import { parseScenarioJson } from '../src/sim/editing';
import { exportScenarioJson } from '../src/io/scenario-file';
import { encodeShareLink } from '../src/io/share-link';
import { scaleScenarioDoc, scaleShape } from '../bench/scale-scenario';

function scaled(scale: number) {
  const r = parseScenarioJson(JSON.stringify(scaleScenarioDoc(scaleShape(scale))));
  if (!r.ok) throw new Error('the scale scenario does not parse');
  return r.scenario;
}

/** Records every step (and title) the progress card shows; runs in the page from its first script on. */
function recorder() {
  const w = window as unknown as { __steps: string[]; __titles: string[] };
  w.__steps = [];
  w.__titles = [];
  const note = () => {
    const card = document.querySelector('[data-testid="loading-progress"]');
    const step = card?.getAttribute('data-step');
    if (step && w.__steps[w.__steps.length - 1] !== step) w.__steps.push(step);
    const title = card?.querySelector('h2')?.textContent;
    if (title && !w.__titles.includes(title)) w.__titles.push(title);
  };
  const start = () =>
    new MutationObserver(note).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-step'] });
  if (document.documentElement) start();
  else document.addEventListener('DOMContentLoaded', start);
}
const recordSteps = (page: Page) => page.evaluate(recorder);
const steps = (page: Page) => page.evaluate(() => (window as unknown as { __steps: string[] }).__steps);
const titles = (page: Page) => page.evaluate(() => (window as unknown as { __titles: string[] }).__titles);

test.describe('a first open (empty storage: the welcome card is up)', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('Import JSON of a 300-node, 3,000-pod cluster shows parse, validate, layout and render, then the canvas', async ({ page }) => {
    const s = scaled(0.3);
    await page.goto('/');
    await expect(page.locator('.react-flow__node[data-id="node-1"]')).toBeVisible();
    // The first open's welcome describes the default scenario: it goes once another one is imported.
    await expect(page.getByTestId('welcome')).toBeVisible();
    await recordSteps(page);
    await page.setInputFiles('[data-testid="import-file"]', {
      name: 'scale-300.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exportScenarioJson(s)),
    });
    const progress = page.getByTestId('loading-progress');
    await expect(progress).toBeVisible();
    await expect(progress).toContainText('Importing scale-300.json');
    await expect(page.getByTestId('loading-counts')).toHaveText('300 nodes, 3,002 pods, 302 Services', { timeout: 30_000 });
    await page.screenshot({ path: test.info().outputPath('import-progress.png') });
    await expect(page.locator('.react-flow__node[data-id="rack-0"]')).toBeAttached({ timeout: 60_000 });
    await expect(progress).toBeHidden();
    expect(await steps(page)).toEqual(['parse', 'validate', 'layout', 'render']);
    await expect(page.getByTestId('welcome')).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Imported scale-300.json' })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('import-done.png') });
  });
});

test('a share link of a big scenario opens with its steps shown, in Chinese', async ({ page }) => {
  const link = encodeShareLink(scaled(0.05));
  if (!link.ok) throw new Error(`the link does not encode: ${link.error.code}`);
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'languages', { get: () => ['zh-CN', 'zh'] });
  });
  await page.addInitScript(recorder);
  await page.goto(`/${link.hash}`);
  await expect(page.locator('.react-flow__node[data-id="rack-0"]')).toBeAttached({ timeout: 60_000 });
  await expect(page.getByTestId('loading-progress')).toBeHidden();
  expect(await steps(page)).toEqual(['parse', 'validate', 'layout', 'render']);
  expect(await titles(page)).toEqual(['正在打开分享的场景…']);
});

test('the stress page builds 300 nodes off the page thread, showing the steps, then draws them', async ({ page }) => {
  await page.addInitScript(recorder);
  await page.goto('/?stress=1&nodes=300');
  await expect(page.locator('.react-flow__node[data-id="rack-1"]')).toBeAttached({ timeout: 60_000 });
  await expect(page.getByTestId('loading-progress')).toBeHidden();
  expect(await steps(page)).toEqual(['parse', 'validate', 'layout', 'render']);
  expect(await titles(page)).toEqual(['Building the stress cluster…']);
});
