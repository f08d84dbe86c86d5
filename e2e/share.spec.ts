/**
 * Share links, saved work, files and languages in Chromium: a copied link opens the same canvas in
 * a fresh browser; damaged links show a message and open the saved work without writing a byte; a
 * bad file lists its errors by field path and changes nothing; Chinese is chosen, shown and
 * remembered; a crash shows a message and keeps the saved work.
 */
import { test, expect, type Page, type Browser } from '@playwright/test';
import { LESSONS, lessonScenario } from '../src/lessons/index';
import { SAVED_WORK_BACKUP_KEY, SAVED_WORK_KEY } from '../src/io/saved-work';
import { LOCALE_STORAGE_KEY } from '../src/i18n/index';

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

async function openLesson(page: Page, n: number) {
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByRole('menuitem', { name: new RegExp(`^Lesson ${n}: `) }).click();
  // Open means its heading is there (the lesson's content is fetched on demand first).
  await expect(page.getByRole('complementary', { name: 'Lesson' }).getByRole('heading', { name: LESSONS[n - 1]!.title.en })).toBeVisible();
}

async function storageOf(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)!])));
}

/** Every element on the canvas with its accessible name (names and addresses): what "the same canvas" means. */
async function canvasElements(page: Page): Promise<string[]> {
  await expect(node(page, 'node-1')).toBeVisible();
  return (
    await page
      .locator('.react-flow__node')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-id')} | ${e.getAttribute('aria-label') ?? e.textContent}`))
  ).sort();
}

async function copyLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
  await expect(dialog.getByTestId('share-status')).toHaveText(/Link copied|did not allow copying/);
  const url = await dialog.getByTestId('share-url').inputValue();
  expect(url.startsWith(new URL('/#s=1.', page.url()).href)).toBe(true);
  expect(url).toMatch(/#s=1\.[A-Za-z0-9_-]+$/);
  // The link is in the address bar too.
  expect(page.url()).toBe(url);
  return url;
}

async function freshPage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  return { context, page: await context.newPage() };
}

test('copy a link, open it in a fresh browser: the same canvas, the same lesson', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await openLesson(page, 4);
  // Make it this user's own scenario: rename it and move a pod to another node.
  await page.getByRole('complementary', { name: 'Lesson' }).getByRole('button', { name: 'Collapse the lesson panel' }).click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  const nameField = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Scenario name');
  await nameField.fill('Shared by the e2e test');
  await nameField.press('Enter');
  await expect(page.locator('.scenario-name')).toHaveText('Shared by the e2e test');

  const url = await copyLink(page);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await page.screenshot({ path: test.info().outputPath('share-dialog.png'), animations: 'disabled' });
  const before = await canvasElements(page);

  const fresh = await freshPage(browser);
  await fresh.page.goto(url);
  await expect(fresh.page.locator('.scenario-name')).toHaveText('Shared by the e2e test');
  expect(await canvasElements(fresh.page)).toEqual(before);
  // The link named the lesson: its panel is there (collapsed state is not part of a link).
  await expect(fresh.page.getByRole('complementary', { name: 'Lesson' }).getByRole('heading', { name: LESSONS[3]!.title.en })).toBeVisible();
  await expect(fresh.page.getByTestId('startup-banner')).toHaveCount(0);
  // Opened from a link, it is saved as the fresh browser's work.
  const saved = JSON.parse((await storageOf(fresh.page))[SAVED_WORK_KEY]!);
  expect(saved).toMatchObject({ origin: 'link', lesson: 'clusterip-dns', scenario: { name: 'Shared by the e2e test' } });
  await fresh.page.screenshot({ path: test.info().outputPath('share-opened-fresh.png'), animations: 'disabled' });
  // The address keeps the link until the scenario changes; then it no longer describes it and goes.
  expect(fresh.page.url()).toBe(url);
  await fresh.page.getByRole('tab', { name: 'Inspector' }).click();
  const field = fresh.page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Scenario name');
  await field.fill('Edited after opening');
  await field.press('Enter');
  await expect.poll(() => fresh.page.url()).toBe(new URL('/', url).href);
  expect(JSON.parse((await storageOf(fresh.page))[SAVED_WORK_KEY]!)).toMatchObject({ origin: 'edit', scenario: { name: 'Edited after opening' } });
  await fresh.context.close();
});

test('a corrupted, truncated or newer-version link shows why, opens the saved work, and leaves storage untouched', async ({ page }) => {
  const lesson2 = lessonScenario(LESSONS[1]!).name;
  await page.goto('/');
  await openLesson(page, 2);
  const good = await copyLink(page);
  await page.keyboard.press('Escape');
  // Saved work: lesson 2. A reload (the link is still in the address) opens the same, writing nothing new.
  await page.reload();
  await expect(page.locator('.scenario-name')).toHaveText(lesson2);
  const stored = await storageOf(page);
  expect(Object.keys(stored)).toContain(SAVED_WORK_KEY);

  const [base, data] = good.split('#s=1.');
  const middle = Math.floor(data!.length / 2);
  const cases: [string, string, RegExp][] = [
    ['corrupted', `${base}#s=1.${data!.slice(0, middle)}${data![middle] === 'A' ? 'B' : 'A'}${data!.slice(middle + 1)}`, /This link is damaged/],
    ['truncated', `${base}#s=1.${data!.slice(0, middle)}`, /This link is incomplete/],
    ['newer-version', `${base}#s=2.${data}`, /made by a newer version of the playground/],
    ['not a link', `${base}#s=1.%%%garbage`, /not a playground share link/],
  ];
  for (const [name, url, message] of cases) {
    await page.goto('about:blank');
    await page.goto(url);
    const banner = page.getByTestId('startup-banner');
    await expect(banner, name).toContainText(message);
    await expect(banner).toContainText('Your last saved work was opened instead; it has not been changed.');
    // Not a blank page: the saved work is on the canvas.
    await expect(page.locator('.scenario-name')).toHaveText(lesson2);
    await expect(node(page, 'node-2')).toBeVisible();
    await page.waitForTimeout(700); // longer than the autosave delay
    expect(await storageOf(page), name).toEqual(stored);
    await page.screenshot({ path: test.info().outputPath(`bad-link-${name.replace(/ /g, '-')}.png`) });
  }
  // Dismissed, it goes away; the link stays in the address until the work changes.
  await page.getByTestId('startup-banner').getByRole('button', { name: 'Dismiss message' }).click();
  await expect(page.getByTestId('startup-banner')).toHaveCount(0);
});

test('import a bad JSON file: errors by field path, the work untouched; export and import round-trip; restore previous work', async ({ page }) => {
  await page.goto('/');
  await openLesson(page, 1);
  await page.waitForTimeout(600);
  const stored = await storageOf(page);

  const bad = {
    version: 1,
    name: 'broken',
    subnets: [{ id: 'rack', name: 'rack', cidr: '192.168.1.0/33' }],
    nodes: [{ id: 'n1', name: 'n1', subnet: 'rack', ip: '999.1.1.1' }],
  };
  await page.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Cannot import this file: broken.json');
  await expect(dialog.locator('.field-path')).toContainText(['subnets.0.cidr', 'nodes.0.ip']);
  await expect(dialog).toContainText('Your current work was not changed.');
  await page.screenshot({ path: test.info().outputPath('import-errors.png'), animations: 'disabled' });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.scenario-name')).toHaveText('Lesson 1: two pods on one node');
  expect(await storageOf(page)).toEqual(stored);

  // Not JSON at all.
  await page.getByTestId('import-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByRole('alertdialog').locator('.field-path')).toHaveText(['(root)']);
  await page.keyboard.press('Escape');

  // Export JSON downloads the documented format ...
  await page.getByRole('button', { name: 'File' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /Export JSON/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('lesson-1-two-pods-on-one-node.json');
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const exported = JSON.parse(text);
  expect(exported).toMatchObject({ version: 1, name: 'Lesson 1: two pods on one node' });
  // The lesson's three pods, then its two CoreDNS replicas (every cluster the app makes has them).
  expect(exported.pods.map((p: { ip: string }) => p.ip)).toEqual(['10.244.0.2', '10.244.0.3', '10.244.0.4', '10.244.0.5', '10.244.0.6']);
  expect(exported.pods.slice(3).map((p: { namespace: string; labels: Record<string, string> }) => `${p.namespace} ${p.labels['k8s-app']}`)).toEqual([
    'kube-system kube-dns',
    'kube-system kube-dns',
  ]);

  // ... New clears the canvas (a new cluster has only its DNS add-on: the kube-dns Service, whose
  // CoreDNS pods wait for a node), Import brings the file back, Restore previous work goes back.
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: /^New/ }).click();
  await expect(page.locator('.scenario-name')).toHaveText('Untitled scenario');
  // Drawn collapsed, as system pods are outside DNS lessons: the canvas is empty until they are shown.
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.getByRole('button', { name: 'System pods: collapsed' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  await expect(node(page, 'kube-dns')).toContainText('10.96.0.10');
  await page.getByRole('button', { name: 'System pods: shown' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.getByTestId('import-file').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('notice')).toContainText('Imported mine.json');
  await expect(node(page, 'pod-web')).toBeVisible();
  await expect(page.locator('.scenario-name')).toHaveText('Lesson 1: two pods on one node');
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: /Restore previous work/ }).click();
  await expect(page.locator('.scenario-name')).toHaveText('Untitled scenario');
});

test('switch to Chinese: the interface and the lesson in Chinese, remembered after a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('button', { name: '课程', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '文件' })).toBeVisible();
  await expect(page.getByRole('button', { name: '复制链接' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Kube 网络演练场' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('navigation')).toContainText('集群节点');
  // The canvas too: card text, accessible names, React Flow's controls and the minimap.
  const canvas = page.getByRole('region', { name: '网络画布' });
  await expect(canvas.locator('.react-flow__node[data-id="web"]')).toContainText('3 个端点');
  await expect(canvas.locator('.react-flow__node[data-id="node-1"]')).toContainText('网桥');
  await expect(canvas.locator('.react-flow__node[data-id="node-1"]')).toHaveAttribute(
    'aria-label',
    /^节点 node-1，eth0 192\.168\.1\.10，Pod 网段 10\.244\.0\.0\/24，2 个 Pod$/,
  );
  await expect(page.getByRole('button', { name: '放大' })).toBeVisible();
  await expect(page.getByRole('img', { name: '画布缩略图' })).toBeVisible();

  await page.getByRole('button', { name: '课程', exact: true }).click();
  const lesson = LESSONS[2]!;
  await page.getByRole('menuitem', { name: new RegExp(`^第 ${lesson.number} 课`) }).click();
  const panel = page.getByRole('complementary', { name: '课程', exact: true });
  await expect(panel.getByRole('heading', { name: lesson.title['zh-CN'] })).toBeVisible();
  await expect(panel.getByTestId('lesson-step')).toHaveText(lesson.steps[0]!['zh-CN']);
  await panel.getByTestId(`send-${lesson.packets[0].id}`).click();
  await expect(panel.getByTestId(`outcome-${lesson.packets[0].id}`)).toContainText('与课程预期一致');
  await expect(page.getByTestId('notice')).toContainText(`已打开第 3 课`);
  await page.screenshot({ path: test.info().outputPath('chinese.png'), animations: 'disabled' });

  await page.reload();
  await expect(page.getByRole('button', { name: '课程', exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '语言' })).toHaveValue('zh-CN');
  // The saved work remembers the open lesson too.
  await expect(page.getByRole('complementary', { name: '课程', exact: true }).getByRole('heading', { name: lesson.title['zh-CN'] })).toBeVisible();
  expect((await storageOf(page))[LOCALE_STORAGE_KEY]).toBe('zh-CN');
  await page.screenshot({ path: test.info().outputPath('chinese-after-reload.png'), animations: 'disabled' });

  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.getByRole('button', { name: 'Lessons', exact: true })).toBeVisible();
  await expect(page.locator('.react-flow__node-clusterNode').first()).toContainText('bridge');
  await expect(page.getByRole('button', { name: 'Zoom in' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Lesson' }).getByRole('heading', { name: lesson.title.en })).toBeVisible();
});

test.describe('a browser that prefers Chinese', () => {
  test.use({ locale: 'zh-CN' });
  test('opens in Chinese by default', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('button', { name: '课程', exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: '问题' })).toContainText('无');
  });
});

test('a crash while drawing shows a message and keeps the saved work', async ({ page }) => {
  await page.goto('/');
  await openLesson(page, 6);
  await page.waitForTimeout(600);
  const stored = await storageOf(page);
  expect(stored[SAVED_WORK_KEY]).toBeDefined();
  // The example it replaced is the previous work.
  expect(JSON.parse(stored[SAVED_WORK_BACKUP_KEY]!).scenario.name).toBe('Two racks, one router');
  // A browser without ResizeObserver: the canvas cannot be drawn.
  await page.addInitScript(() => {
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
      constructor() {
        throw new Error('ResizeObserver is not available in this browser');
      }
    };
  });
  await page.reload();
  const crash = page.getByTestId('crash');
  await expect(crash).toContainText('Something went wrong while drawing the playground');
  await expect(crash).toContainText('Your saved work is safe');
  await expect(crash).toContainText('ResizeObserver is not available');
  await expect(crash.getByRole('button', { name: 'Download saved work (JSON)' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('crash.png'), animations: 'disabled' });
  expect(await storageOf(page)).toEqual(stored);
});
