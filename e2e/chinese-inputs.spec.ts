/**
 * Chinese all the way, beyond the hop list (issue 14): what the reader sees when something from
 * outside is wrong or needs a note, and the views that show tool output, in a browser that prefers
 * Chinese. A bad JSON file, a broken share link, manifests with errors and with notes, a refused
 * NetworkPolicy YAML edit, the Policies tab, the reachability matrix and the Inside view: every text
 * outside monospace (names, paths, addresses and tool output are monospace) is Chinese, never an
 * English sentence.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { encodeShareLink } from '../src/io/share-link';
import { type Scenario } from '../src/sim/index';
import { parseScenarioJson } from '../src/sim/editing';
import { GUESTBOOK_YAML } from '../src/io/manifests/testdata/guestbook';

test.use({ locale: 'zh-CN' });

/** Three English words in a row: a sentence, not a name (the rule of the dictionaries' unit test). */
const ENGLISH_RUN = /\b[A-Za-z][a-z]+(?:[ ,]+[A-Za-z][a-z]+){2,}\b/;
const HAN = /[\u4e00-\u9fff]/;

/** The prose inside `root`: every visible text outside monospace type and outside text boxes. */
async function proseOf(root: Locator): Promise<string[]> {
  return root.evaluate((el) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest('textarea') || /mono/i.test(getComputedStyle(parent).fontFamily)) continue;
      const text = (n.textContent ?? '').trim();
      if (text) out.push(text);
    }
    return out;
  });
}

async function expectChinese(root: Locator, what: string) {
  const prose = await proseOf(root);
  expect(prose.join(' '), what).toMatch(HAN);
  for (const text of prose) expect(text, `${what}: ${text}`).not.toMatch(ENGLISH_RUN);
}

function example(name: string): Scenario {
  const r = parseScenarioJson(readFileSync(new URL(`../examples/${name}.json`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(`examples/${name}.json does not parse`);
  return structuredClone(r.scenario);
}

async function start(page: Page, hash = '') {
  await page.goto(`/${hash}`);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
}

test('a bad JSON file: why, field by field, in Chinese; the work is untouched', async ({ page }) => {
  await start(page);
  const bad = {
    version: 1,
    name: 'broken',
    subnets: [{ id: 'rack', name: 'rack', cidr: '192.168.1.0/33' }],
    nodes: [{ id: 'n1', name: 'n1', subnet: 'rack', ip: '999.1.1.1' }],
  };
  await page.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('无法导入这个文件');
  await expect(dialog.locator('li').filter({ hasText: 'nodes.0.ip' })).toContainText('不是 IPv4 地址');
  await expect(dialog.locator('li').filter({ hasText: 'subnets.0.cidr' })).toContainText('不是 IPv4 CIDR');
  await expectChinese(dialog, 'import errors');
  await page.screenshot({ path: test.info().outputPath('import-errors-zh.png'), animations: 'disabled' });
  await dialog.getByRole('button', { name: '关闭' }).click();

  await page.getByTestId('import-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByRole('alertdialog')).toContainText('不是合法的 JSON');
  await expectChinese(page.getByRole('alertdialog'), 'not JSON');
});

test('a broken share link and a link to an invalid scenario say why in Chinese', async ({ page }) => {
  const good = encodeShareLink(example('clusterip'));
  if (!good.ok) throw new Error('link');
  const data = good.hash.slice('#s=1.'.length);
  const middle = Math.floor(data.length / 2);
  await start(page, `#s=1.${data.slice(0, middle)}${data[middle] === 'A' ? 'B' : 'A'}${data.slice(middle + 1)}`);
  const banner = page.getByTestId('startup-banner');
  await expect(banner).toContainText('这个链接已损坏');
  await expectChinese(banner, 'corrupted link');

  const invalid = example('clusterip');
  invalid.nodes[0]!.ip = '192.168.1.999';
  const link = encodeShareLink(invalid);
  if (!link.ok) throw new Error('link');
  await page.goto('about:blank');
  await start(page, link.hash);
  await expect(banner).toContainText('链接可以读取，但其中的场景无效');
  await banner.getByText('出了什么问题').click();
  await expect(banner.locator('li').filter({ hasText: 'nodes.0.ip' })).toBeVisible();
  await expect(banner.locator('li').filter({ hasText: 'nodes.0.ip' })).toContainText('不是 IPv4 地址');
  await expectChinese(banner, 'invalid scenario link');
  await page.screenshot({ path: test.info().outputPath('bad-link-zh.png'), animations: 'disabled' });
});

test('manifests: errors beside the text and the notes of an import, in Chinese', async ({ page }) => {
  await start(page);
  await page.getByRole('button', { name: '文件' }).click();
  await page.getByRole('menuitem', { name: /导入清单/ }).click();
  const dialog = page.getByTestId('manifest-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('manifest-text').fill(GUESTBOOK_YAML.replace('  - port: 6379\n    targetPort: 6379', '  - port: 70000\n    targetPort: 6379'));
  const errors = dialog.getByTestId('manifest-errors');
  await expect(errors).toContainText('第 2 个文档 (Service/redis-leader)');
  await expect(errors).toContainText('spec.ports[0].port 必须是 1 到 65535 之间的整数（而不是 70000）');
  await expectChinese(dialog, 'manifest errors');
  await page.screenshot({ path: test.info().outputPath('manifest-errors-zh.png'), animations: 'disabled' });

  const withNotes =
    'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: cfg }\n---\napiVersion: v1\nkind: Service\nmetadata: { name: shop }\nspec: { type: LoadBalancer, selector: { app: shop }, ports: [{ port: 80 }] }\n';
  await dialog.getByTestId('manifest-text').fill(withNotes);
  await expect(dialog.getByTestId('manifest-summary')).toBeVisible();
  await dialog.locator('.manifest-notes summary').click();
  const notes = dialog.locator('.manifest-notes');
  await expect(notes).toContainText('已忽略：ConfigMap 类型与网络无关');
  await expect(notes).toContainText('LoadBalancer 类型：导入时不会创建云负载均衡器');
  await expect(notes).toContainText('服务 default/shop 的选择器（app=shop）没有选中任何 Pod：它没有端点');
  await expectChinese(dialog, 'manifest notes');
  await page.screenshot({ path: test.info().outputPath('manifest-notes-zh.png'), animations: 'disabled' });
  // Onto a new cluster: the generated cluster's name is shown in Chinese too.
  await dialog.getByRole('radio', { name: /用新集群替换画布/ }).check();
  await dialog.getByTestId('manifest-import').click();
  await expect(page.locator('.scenario-name')).toHaveText('从清单导入的集群');
});

test('NetworkPolicy YAML refused in Chinese; the Policies tab, the matrix and Inside read in Chinese', async ({ page }) => {
  await start(page);
  await page.getByRole('button', { name: '课程', exact: true }).click();
  await page.getByRole('menuitem', { name: /^第 8 课/ }).click();
  await expect(page.locator('.scenario-name')).toContainText('第 8 课');
  await page.getByRole('tab', { name: '策略' }).click();
  const panel = page.getByRole('tabpanel').filter({ has: page.getByTestId('open-matrix') });
  await expectChinese(panel, 'Policies tab');

  const yaml = panel.getByLabel(/^YAML/).first();
  const original = await yaml.inputValue();
  await yaml.fill(original.replace('kind: NetworkPolicy', 'kind: Service'));
  await panel.getByRole('button', { name: '应用 YAML' }).first().click();
  const alert = panel.getByRole('alert');
  await expect(alert).toHaveText('kind：应当是 NetworkPolicy，而不是 Service');
  await yaml.fill(original.replace(/podSelector:/, 'podSelector: 5\n  x:'));
  await panel.getByRole('button', { name: '应用 YAML' }).first().click();
  await expect(alert).toContainText(HAN);
  await expectChinese(panel, 'refused YAML');
  await page.screenshot({ path: test.info().outputPath('policy-yaml-zh.png'), animations: 'disabled' });

  await page.getByTestId('open-matrix').click();
  const matrix = page.getByRole('dialog', { name: '连通性矩阵' });
  await expect(matrix.getByTestId('matrix-cell').first()).toBeVisible();
  await expect(matrix.getByTestId('matrix-status')).toContainText(HAN);
  await expectChinese(matrix, 'matrix');
  const titles = await matrix.getByTestId('matrix-cell').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('title') ?? ''))]);
  // A cell dropped for another reason says the reason, not only its code.
  expect(titles.some((x) => x.includes('丢弃（port-closed）：目的地上没有进程监听这个端口'))).toBe(true);
  for (const title of titles) {
    expect(title).toMatch(HAN);
    expect(title.replace(/^\S+ → \S+: /, '')).not.toMatch(ENGLISH_RUN);
  }
  await page.screenshot({ path: test.info().outputPath('matrix-zh.png'), animations: 'disabled' });
  await page.keyboard.press('Escape');

  await page.locator('.react-flow__node[data-id="node-1"]').click({ position: { x: 12, y: 10 } });
  await page.getByRole('tab', { name: '节点内部' }).click();
  const inside = page.getByRole('region', { name: 'node-1 内部' });
  for (const tool of ['ip route', 'iptables-save', 'conntrack -L']) {
    await inside.getByRole('tab', { name: tool }).click();
    await expectChinese(inside, `Inside ${tool}`);
  }
  await page.screenshot({ path: test.info().outputPath('inside-zh.png'), animations: 'disabled' });
});
