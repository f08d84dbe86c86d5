/**
 * The first open, as a new user sees it at 1440x900: a welcome card that says what to do first and
 * goes for good once dismissed; the kube-system pods collapsed to one compact row per node outside
 * the lessons where DNS matters.
 */
import { test, expect, type Page } from '@playwright/test';
import { hops, inspector, node, verdict } from './first-hour-helpers';

test.use({ viewport: { width: 1440, height: 900 } });

test.describe('the first open (an empty browser storage)', () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  const welcome = (page: Page) => page.getByRole('region', { name: 'Welcome! This cluster already works.' });

  test('a welcome card says what to do first; dismissed, it stays gone after a reload', async ({ page }) => {
    await page.goto('/');
    await expect(node(page, 'node-1')).toBeVisible();
    await expect(welcome(page)).toBeVisible();
    await expect(welcome(page).getByRole('button', { name: 'Start lesson 1' })).toBeVisible();
    await expect(welcome(page).getByRole('button', { name: 'Send curl → web:80' })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('first-open.png') });
    // A card over a corner, not a modal: the canvas around it still takes clicks.
    await node(page, 'web').click();
    await expect(inspector(page).getByRole('heading', { name: 'web' })).toBeVisible();
    await expect(welcome(page)).toBeVisible();
    await welcome(page).getByRole('button', { name: 'Dismiss the welcome' }).click();
    await expect(welcome(page)).toHaveCount(0);
    await page.reload();
    await expect(node(page, 'node-1')).toBeVisible();
    await expect(welcome(page)).toHaveCount(0);
  });

  test('its first packet is delivered from curl to web:80 by name, and then it goes', async ({ page }) => {
    await page.goto('/');
    await welcome(page).getByRole('button', { name: 'Send curl → web:80' }).click();
    await expect(verdict(page)).toContainText('Delivered');
    await expect(hops(page)).toContainText('DNS query');
    await expect(welcome(page)).toHaveCount(0);
    await page.reload();
    await expect(node(page, 'node-1')).toBeVisible();
    await expect(welcome(page)).toHaveCount(0);
  });

  test('Start lesson 1 opens the first lesson; in Chinese too', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    const card = page.getByRole('region', { name: '欢迎！这个集群已经可以工作了。' });
    await expect(card).toContainText('从这里开始');
    await card.getByRole('button', { name: '开始第 1 课' }).click();
    await expect(page.getByRole('complementary', { name: '课程' })).toBeVisible();
    await expect(card).toHaveCount(0);
  });

  test('a shared link opens without it', async ({ page }) => {
    await page.goto('/');
    await welcome(page).getByRole('button', { name: 'Dismiss the welcome' }).click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    const url = await page.getByRole('dialog', { name: 'Share this scenario' }).getByTestId('share-url').inputValue();
    await page.evaluate(() => localStorage.clear());
    await page.goto(url);
    await expect(node(page, 'node-1')).toBeVisible();
    await expect(welcome(page)).toHaveCount(0);
  });
});

test('system pods: one compact kube-system row per node, a click draws them; lesson 4 (DNS) draws them from the start', async ({ page }) => {
  await page.goto('/');
  await expect(node(page, 'node-1')).toBeVisible();
  // CoreDNS's two replicas run on node-1 and node-2 (kubeadm's 2 replicas): each node says so in one row.
  for (const id of ['node-1', 'node-2']) await expect(node(page, id).getByTestId('system-pods-row')).toHaveText(/^kube-system1 pod/);
  await expect(node(page, 'node-3').getByTestId('system-pods-row')).toHaveCount(0);
  await expect(node(page, 'coredns-1')).toHaveCount(0);
  await expect(node(page, 'kube-dns')).toHaveCount(0);
  // The row sits below the node's last pod, inside the node.
  const lastPod = (await node(page, 'web-1').boundingBox())!;
  const rowBox = (await node(page, 'node-1').getByTestId('system-pods-row').boundingBox())!;
  const nodeBox = (await node(page, 'node-1').boundingBox())!;
  expect(rowBox.y).toBeGreaterThan(lastPod.y + lastPod.height);
  expect(rowBox.y + rowBox.height).toBeLessThan(nodeBox.y + nodeBox.height);
  await node(page, 'node-1')
    .getByRole('button', { name: /^kube-system: 1 collapsed system pods \(coredns-1\)/ })
    .click();
  await expect(node(page, 'coredns-1')).toBeVisible();
  await expect(node(page, 'kube-dns')).toBeVisible();
  await expect(page.getByTestId('system-pods-row')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'System pods: shown' })).toBeVisible();
  await page.getByRole('button', { name: 'System pods: shown' }).click();
  await expect(node(page, 'coredns-1')).toHaveCount(0);
  await expect(page.getByTestId('system-pods-row')).toHaveCount(2);
  // Lesson 4 is about Service discovery: CoreDNS is drawn, not collapsed (the toggle's automatic mode,
  // back after a reload); lesson 3 (pod to pod across nodes) collapses it again.
  await page.reload();
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByRole('menuitem', { name: /^Lesson 4: / }).click();
  await expect(node(page, 'pod-coredns-1')).toBeVisible();
  await expect(page.getByTestId('system-pods-row')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'System pods: shown' })).toBeVisible();
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByRole('menuitem', { name: /^Lesson 3: / }).click();
  await expect(page.getByRole('button', { name: 'System pods: collapsed' })).toBeVisible();
  await expect(page.getByTestId('system-pods-row').first()).toBeVisible();
});
