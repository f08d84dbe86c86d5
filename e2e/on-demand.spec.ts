/**
 * Code that loads on demand (the tracer, the hop list, the lessons, the Chinese pack), when the
 * network fails to deliver it: the learner is told in a sentence where they were looking, nothing
 * is lost, and trying again works once the network is back. Never the crash screen.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { parseScenarioJson } from '../src/sim/editing';
import { encodeShareLink } from '../src/io/share-link';
import { blockChunk as block } from './block-chunk';

const packetsForm = (page: Page) => page.getByRole('form', { name: 'Send a packet' });

test.use({ viewport: { width: 1440, height: 900 } });

test.describe('from the welcome card', () => {
  // A fresh profile: the welcome card shows (the other specs start with it dismissed).
  test.use({ storageState: { cookies: [], origins: [] } });

  test('the tracer cannot be fetched: the Packets tab says so, the destination is not marked wrong; Send again works', async ({ page }) => {
    const tracer = await block(page, 'tracer');
    await page.goto('/');
    await expect(page.locator('.react-flow__node[data-id="web-3"]')).toBeVisible();
    await page.getByRole('button', { name: 'Send curl → web:80' }).click();
    // The welcome card's send switches to the Packets tab, where the sentence is.
    await expect(page.getByRole('tab', { name: 'Packets' })).toHaveAttribute('aria-selected', 'true');
    await expect(packetsForm(page).getByRole('alert')).toContainText('The packet tracer could not be loaded');
    await expect(packetsForm(page).getByLabel('To', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('crash')).toHaveCount(0);
    await tracer.release();
    await packetsForm(page).getByLabel('To', { exact: true }).fill('web:80');
    await packetsForm(page).getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Hops' }).getByTestId('verdict')).toContainText('Delivered');
  });

  test("the hop list's code cannot be fetched: the panel says so with Try again, the canvas keeps working", async ({ page }) => {
    const hops = await block(page, 'HopInspector');
    await page.goto('/');
    await expect(page.locator('.react-flow__node[data-id="web-3"]')).toBeVisible();
    await page.getByRole('button', { name: 'Send curl → web:80' }).click();
    const failed = page.getByRole('tabpanel', { name: 'Packets' }).getByRole('alert').filter({ hasText: 'could not be loaded' });
    await expect(failed).toBeVisible();
    await expect(page.getByTestId('crash')).toHaveCount(0);
    await expect(page.getByTestId('packet-marker').first()).toBeVisible();
    await hops.release();
    await failed.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('region', { name: 'Hops' }).getByTestId('verdict')).toContainText('Delivered');
  });

  test("the canvas's packet layer cannot be fetched: the canvas says so with Try again, the hop list still shows; Try again draws the packet", async ({
    page,
  }) => {
    const layer = await block(page, 'PacketLayer');
    await page.goto('/');
    await expect(page.locator('.react-flow__node[data-id="web-3"]')).toBeVisible();
    await page.getByRole('button', { name: 'Send curl → web:80' }).click();
    const failed = page.getByTestId('packet-layer-pending').getByRole('alert');
    await expect(failed).toContainText('could not be loaded');
    await expect(page.getByTestId('crash')).toHaveCount(0);
    // The trace itself is there: the hop list shows it.
    await expect(page.getByRole('region', { name: 'Hops' }).getByTestId('verdict')).toContainText('Delivered');
    await expect(page.getByTestId('packet-marker')).toHaveCount(0);
    await layer.release();
    await failed.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('packet-marker').first()).toBeVisible();
    await expect(page.getByTestId('packet-layer-pending')).toHaveCount(0);
  });
});

test('the lessons cannot be fetched: opening one says so and keeps the scenario; after a reload on a lesson, Try again brings its steps', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node[data-id="web-3"]')).toBeVisible();
  // Open lesson 5 while the network works, so the saved work names it.
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page
    .getByRole('menu', { name: 'Lessons' })
    .getByRole('menuitem', { name: /^Lesson 5: / })
    .click();
  const panel = page.getByRole('complementary', { name: 'Lesson', exact: true });
  await expect(panel.getByTestId('lesson-step')).toBeVisible();
  const lessons = await block(page, 'lessons');
  await page.reload();
  await expect(panel.getByRole('alert')).toContainText('Could not load the lessons');
  await expect(page.getByTestId('crash')).toHaveCount(0);
  // The lesson's scenario is on the canvas all the same (it is in the saved work).
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await lessons.release();
  await panel.getByRole('button', { name: 'Try again' }).click();
  await expect(panel.getByTestId('lesson-step')).toBeVisible();
});

test("the lesson panel's code cannot be fetched: the panel says so with Try again, the lesson's scenario is open; Try again shows its steps", async ({
  page,
}) => {
  const code = await block(page, 'LessonPanelBody');
  await page.goto('/');
  await expect(page.locator('.react-flow__node[data-id="web-3"]')).toBeVisible();
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page
    .getByRole('menu', { name: 'Lessons' })
    .getByRole('menuitem', { name: /^Lesson 2: / })
    .click();
  const panel = page.getByRole('complementary', { name: 'Lesson', exact: true });
  await expect(panel.getByRole('alert')).toContainText('Could not load the lessons');
  await expect(page.getByTestId('crash')).toHaveCount(0);
  // The lesson itself opened: its scenario is on the canvas.
  await expect(page.getByTitle('Scenario', { exact: true })).toHaveText('Lesson 2: host-gw between two nodes');
  await code.release();
  await panel.getByRole('button', { name: 'Try again' }).click();
  await expect(panel.getByTestId('lesson-step')).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Pods on two nodes: host-gw routes' })).toBeVisible();
});

test('a Calico cluster while the tracer cannot be fetched: its veths are named cali… (being worked out), never wrongly; once the tracer is here, by their real names', async ({
  page,
}) => {
  const r = parseScenarioJson(readFileSync(new URL('../examples/calico-policy.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('examples/calico-policy.json does not parse');
  const link = encodeShareLink(r.scenario);
  if (!link.ok) throw new Error('link');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !m.text().includes('ERR_INTERNET_DISCONNECTED') && errors.push(m.text()));
  const tracer = await block(page, 'tracer');
  await page.goto(`/${link.hash}`);
  await expect(page.locator('.react-flow__node[data-id="db"]')).toBeVisible();
  const veths = page.locator('.veth-port');
  await expect(veths.first()).toBeVisible();
  for (const title of await veths.evaluateAll((els) => els.map((e) => e.getAttribute('title')))) expect(title).toBe('cali…');
  await expect(page.getByTestId('crash')).toHaveCount(0);
  await tracer.release();
  // A send fetches the tracer again; the names come with it.
  const form = packetsForm(page);
  await page.getByRole('tab', { name: 'Packets' }).click();
  await form.getByLabel('To', { exact: true }).fill('db:5432');
  await form.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Hops' }).getByTestId('verdict')).toBeVisible();
  await expect(veths.first()).toHaveAttribute('title', /^cali[0-9a-f]{11}$/);
  for (const title of await veths.evaluateAll((els) => els.map((e) => e.getAttribute('title')))) expect(title).toMatch(/^cali[0-9a-f]{11}$/);
  expect(errors).toEqual([]);
});

test('what the manifest importer says cannot be fetched: the dialog says so with Try again; then its sentences show in English', async ({ page }) => {
  const sentences = await block(page, 'en-manifest');
  await page.goto('/');
  await expect(page.locator('.react-flow__node[data-id="web-3"]')).toBeVisible();
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: /Import manifests/ }).click();
  const failed = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
  await expect(failed).toBeVisible();
  await expect(page.getByTestId('crash')).toHaveCount(0);
  await sentences.release();
  await failed.getByRole('button', { name: 'Try again' }).click();
  const dialog = page.getByTestId('manifest-dialog');
  await dialog.getByTestId('manifest-text').fill('kind: [');
  await expect(dialog.getByTestId('manifest-errors')).toContainText('not valid YAML');
});

test.describe('a browser that prefers Chinese, when the Chinese pack cannot be fetched', () => {
  test.use({ locale: 'zh-CN' });

  test('opens in English, says why, and choosing 简体中文 again fetches it', async ({ page }) => {
    const pack = await block(page, 'pack.zh-CN');
    await page.goto('/');
    await expect(page.locator('.react-flow__node[data-id="web-3"]')).toBeVisible();
    const language = page.getByRole('combobox', { name: 'Language' });
    await expect(language).toHaveValue('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('alert').filter({ hasText: 'Could not load 简体中文' })).toBeVisible();
    await pack.release();
    await language.selectOption('zh-CN');
    await expect(page.getByRole('combobox', { name: '语言' })).toHaveValue('zh-CN');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });
});
