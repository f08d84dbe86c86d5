/**
 * The editing code (parsing, validation, every edit, saved work) is fetched just after the first
 * paint, not before it (src/store/editing.ts). When the network fails to deliver it: the example is
 * on the canvas all the same and packets can be sent, the inspector says what failed with Try again,
 * and saved work is never written over.
 */
import { test, expect, type Page } from '@playwright/test';
import { blockChunk } from './block-chunk';

test.use({ viewport: { width: 1440, height: 900 } });

const SAVED_WORK_KEY = 'kube-network-playground:saved-work:v1';
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

test('the editing code cannot be fetched: the example is drawn and traced, the inspector says so; Try again brings the editor', async ({ page }) => {
  const code = await blockChunk(page, 'editing-code');
  await page.goto('/');
  await expect(page.locator('.react-flow__node[data-id="web-3"]')).toBeVisible();
  const failed = page.getByRole('tabpanel', { name: 'Inspector' }).getByRole('alert');
  await expect(failed).toContainText('could not be loaded');
  await expect(page.getByTestId('crash')).toHaveCount(0);
  // Sending needs the tracer, not the editor.
  await page.getByRole('tab', { name: 'Packets' }).click();
  const form = page.getByRole('form', { name: 'Send a packet' });
  await form.getByLabel('From').selectOption('curl');
  await form.getByLabel('To', { exact: true }).fill('web:80');
  await form.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Hops' }).getByTestId('verdict')).toContainText('Delivered');
  await code.release();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await failed.getByRole('button', { name: 'Try again' }).click();
  await expect(inspector(page).getByLabel('Scenario name')).toHaveValue('Two racks, one router');
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('none');
  // The editor edits now: the Ingress goes with the Delete key.
  await page.getByRole('button', { name: 'Fit view' }).click();
  await page.locator('.react-flow__node[data-id="shop"]').click();
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node[data-id="shop"]')).toHaveCount(0);
});

test('saved work whose code cannot be fetched is kept untouched, and opens after a reload', async ({ page }) => {
  await page.goto('/');
  const name = inspector(page).getByLabel('Scenario name');
  await name.fill('My racks');
  await name.press('Enter');
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k) ?? '', SAVED_WORK_KEY)).toContain('My racks');
  const saved = await page.evaluate((k) => localStorage.getItem(k), SAVED_WORK_KEY);

  const code = await blockChunk(page, 'editing-code');
  await page.reload();
  await expect(page.getByTestId('startup-banner')).toContainText('Your saved work is kept');
  await expect(page.locator('.react-flow__node[data-id="web-3"]')).toBeVisible();
  // A change that would be autosaved (the layout) is not written over the saved work.
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await page.waitForTimeout(1500);
  expect(await page.evaluate((k) => localStorage.getItem(k), SAVED_WORK_KEY)).toBe(saved);

  await code.release();
  await page.reload();
  await expect(name).toHaveValue('My racks');
  await expect(page.getByTestId('startup-banner')).toHaveCount(0);
});
