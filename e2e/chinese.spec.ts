/**
 * Chinese all the way, in Chromium: with the browser preferring Chinese, every lesson's suggested
 * packets are sent and the hop list, the verdict and the drop reason read in Chinese: what is left
 * in Latin letters outside monospace (names, addresses, tool output) is never an English sentence.
 * An invalid field says why in Chinese; switching the language back to English re-words the same
 * hops and the same field error in English. The panels fetched on demand (Policies, Inside, the
 * manifest dialog) bring their strings in both languages (src/i18n/parts) and show them in Chinese.
 */
import { test, expect, type Page } from '@playwright/test';
import { LESSONS, type Lesson } from '../src/lessons/index';

test.use({ locale: 'zh-CN' });

/** Three English words in a row: a sentence, not a name (same rule as the dictionaries' unit test). */
const ENGLISH_RUN = /\b[A-Za-z][a-z]+(?:[ ,]+[A-Za-z][a-z]+){2,}\b/;
const HAN = /[\u4e00-\u9fff]/;
/** An English action word in a hop-group summary (the English summaries say "send → route"). */
const ACTION_WORD = /\b(send|route|switch|encap|decap|deliver|loopback|policy|proxy|un-NAT)\b/;

/**
 * The prose the reader sees in the hop list and the verdict: every text outside monospace type,
 * one entry per hop row (and one for the verdict). Names, addresses and tool output are monospace.
 */
async function proseOfHops(page: Page): Promise<{ hops: string[]; explains: string[]; summaries: string[]; verdict: string }> {
  return page.evaluate(() => {
    const prose = (root: Element) => {
      const out: string[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement;
        if (!parent || /mono/i.test(getComputedStyle(parent).fontFamily)) continue;
        out.push(n.textContent ?? '');
      }
      return out.join('').replace(/\s+/g, ' ').trim();
    };
    const inspector = document.querySelector('.hop-inspector')!;
    return {
      hops: [...inspector.querySelectorAll('ol.hops > li')].map(prose),
      explains: [...inspector.querySelectorAll('ol.hops .explain')].map(prose),
      summaries: [...inspector.querySelectorAll('.hop-group-summary')].map((el) => el.textContent ?? ''),
      verdict: prose(document.querySelector('[data-testid="verdict"]')!),
    };
  });
}

async function openLesson(page: Page, lesson: Lesson) {
  await page.getByRole('button', { name: '课程', exact: true }).click();
  await page.getByRole('menuitem', { name: new RegExp(`^第 ${lesson.number} 课`) }).click();
  await expect(page.getByRole('complementary', { name: '课程', exact: true }).getByRole('heading', { name: lesson.title['zh-CN'] })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node[data-id="node-1"]')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

for (const lesson of LESSONS) {
  test(`第 ${lesson.number} 课: every suggested packet's hops, verdict and drop reason read in Chinese`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openLesson(page, lesson);
    await expect(page.locator('.scenario-name')).toHaveText(lesson.scenarioName['zh-CN']);
    const panel = page.getByRole('complementary', { name: '课程', exact: true });
    for (const packet of lesson.packets) {
      await panel.getByTestId(`send-${packet.id}`).click();
      await expect(panel.getByTestId(`outcome-${packet.id}`)).toHaveAttribute('data-verdict', packet.expect);
      const verdict = page.getByTestId('verdict');
      await expect(verdict).toContainText(packet.expect === 'delivered' ? '已送达' : `已丢弃 (${packet.expectCode})`);
      const { hops, explains, summaries, verdict: verdictText } = await proseOfHops(page);
      expect(hops.length, packet.id).toBeGreaterThan(0);
      for (const [i, text] of hops.entries()) expect(text, `${packet.id} hop ${i + 1}: ${text}`).not.toMatch(ENGLISH_RUN);
      for (const [i, text] of explains.entries()) expect(text, `${packet.id} hop ${i + 1}`).toMatch(HAN);
      // The group headings ("veth → cni0 → 目的地址转换 → 路由"): interface names as the kernel names them, actions in Chinese.
      expect(summaries.length, packet.id).toBeGreaterThan(0);
      for (const text of summaries) expect(text, `${packet.id} group: ${text}`).not.toMatch(ACTION_WORD);
      expect(verdictText, packet.id).not.toMatch(ENGLISH_RUN);
      if (packet.expect === 'dropped') {
        // The drop reason is a Chinese sentence under the verdict.
        const reason = page.getByTestId('verdict').locator('.reason');
        await expect(reason).toHaveText(HAN);
        expect(verdictText).toMatch(HAN);
      }
    }
    await page.screenshot({ path: test.info().outputPath(`lesson-${lesson.number}-zh.png`), animations: 'disabled' });
    expect(errors).toEqual([]);
  });
}

test('an invalid field says why in Chinese; switching back to English re-words it and the hops', async ({ page }) => {
  // A packet first, so there are hops to re-word.
  const lesson = LESSONS[2]!;
  await openLesson(page, lesson);
  await page.getByRole('complementary', { name: '课程', exact: true }).getByTestId(`send-${lesson.packets[0].id}`).click();
  await expect(page.getByTestId('verdict')).toContainText('已丢弃');
  const reason = page.getByTestId('verdict').locator('.reason');
  await expect(reason).toContainText('host-gw 要求节点位于同一个二层子网');

  await page.locator('.react-flow__node[data-id="node-2"] .cnode-header').click();
  await page.getByRole('tab', { name: '检查器' }).click();
  const ip = page.getByRole('textbox', { name: 'eth0 IP 地址' });
  await ip.fill('192.168.2.999');
  await ip.press('Enter');
  const alert = page.getByRole('complementary', { name: '检查器' }).getByRole('alert');
  await expect(alert).toHaveText(/不是 IPv4 地址/);
  await expect(alert.locator('code')).toHaveText('192.168.1.10');
  await page.screenshot({ path: test.info().outputPath('invalid-field-zh.png'), animations: 'disabled' });

  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.getByRole('complementary', { name: 'Inspector' }).getByRole('alert')).toHaveText('not an IPv4 address (expected e.g. 192.168.1.10)');
  await page.getByRole('tab', { name: 'Packets' }).click();
  await expect(reason).toContainText('host-gw needs the nodes on one L2 subnet');
  await expect(page.getByTestId('verdict')).toContainText('Dropped (not-l2-adjacent)');
  const { explains } = await proseOfHops(page);
  for (const text of explains) expect(text).not.toMatch(HAN);
  await expect(page.locator('.scenario-name')).toHaveText(lesson.scenarioName.en);
});

test('the panels fetched on demand bring their own Chinese: Policies, Inside, the manifest dialog; in English once switched', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node[data-id="node-1"]')).toBeVisible();
  await page.getByRole('tab', { name: '策略', exact: true }).click();
  const policies = page.getByRole('region', { name: 'NetworkPolicy 网络策略' });
  await expect(policies.getByRole('heading', { name: 'NetworkPolicy 网络策略' })).toBeVisible();
  await expect(policies.getByRole('button', { name: '连通性矩阵' })).toBeVisible();

  await page.locator('.react-flow__node[data-id="node-1"] .cnode-header').click();
  await page.getByRole('tab', { name: '节点内部', exact: true }).click();
  const inside = page.getByRole('region', { name: 'node-1 内部' });
  await expect(inside.getByRole('tablist', { name: '命令' })).toBeVisible();

  await page.getByRole('button', { name: '文件', exact: true }).click();
  await page.getByRole('menuitem', { name: /导入清单/ }).click();
  const dialog = page.getByRole('dialog', { name: '导入 Kubernetes 清单' });
  await expect(dialog.getByText('粘贴 YAML（一个或多个以 --- 分隔的文档），打开 .yaml 文件，或把文件拖到这里。')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toHaveCount(0);

  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.getByRole('region', { name: 'Inside node-1' }).getByRole('tablist', { name: 'Commands' })).toBeVisible();
  await page.getByRole('tab', { name: 'Policies', exact: true }).click();
  await expect(page.getByRole('region', { name: 'NetworkPolicies' }).getByRole('button', { name: 'Reachability matrix' })).toBeVisible();
});
