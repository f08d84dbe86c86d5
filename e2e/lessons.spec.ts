/**
 * Lessons in Chromium: open each lesson from the menu, read its steps, and send every suggested
 * packet from the lesson panel; the packet's change (if any) is made first, the packet travels on
 * the canvas, and the Hops list's verdict is the one the lesson expects.
 */
import { test, expect, type Page } from '@playwright/test';
import { LESSONS, lessonScenario, type Lesson } from '../src/lessons/index';

async function openLesson(page: Page, lesson: Lesson) {
  await page.getByRole('button', { name: 'Lessons' }).click();
  const menu = page.getByRole('menu', { name: 'Lessons' });
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: new RegExp(`^Lesson ${lesson.number}: `) }).click();
  await expect(menu).toHaveCount(0);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node[data-id="node-1"]')).toBeVisible();
});

test('the lesson menu lists the eight lessons in order with their summaries', async ({ page }) => {
  await page.getByRole('button', { name: 'Lessons' }).click();
  const items = page.getByRole('menu', { name: 'Lessons' }).getByRole('menuitem');
  await expect(items).toHaveCount(8);
  for (const lesson of LESSONS) {
    const item = items.nth(lesson.number - 1);
    await expect(item).toContainText(lesson.title.en);
    await expect(item).toContainText(lesson.summary.en);
  }
  // Keyboard: arrows move through the items, Escape closes and gives focus back.
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('lesson-menu.png'), animations: 'disabled' });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Lessons' })).toBeFocused();
});

for (const lesson of LESSONS) {
  test(`lesson ${lesson.number}: ${lesson.title.en} — every suggested packet ends as the lesson says`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openLesson(page, lesson);

    const panel = page.getByRole('complementary', { name: 'Lesson' });
    await expect(panel.getByRole('heading', { name: lesson.title.en })).toBeVisible();
    await expect(page.locator('.scenario-name')).toHaveText(lessonScenario(lesson).name);
    // The lesson's scenario is on the canvas, laid out: every cluster node drawn, named with its eth0 address
    // (the accessible name: far out the canvas draws pods as tiles and nodes by name only).
    const scenario = lessonScenario(lesson);
    for (const n of scenario.nodes)
      await expect(page.locator(`.react-flow__node[data-id="${n.id}"]`)).toHaveAttribute('aria-label', new RegExp(`eth0 ${n.ip.replaceAll('.', '\\.')}\\b`));

    // Steps, one at a time.
    const step = panel.getByTestId('lesson-step');
    await expect(step).toHaveText(lesson.steps[0]!.en);
    await panel.getByRole('button', { name: /Next/ }).click();
    await expect(step).toHaveText(lesson.steps[1]!.en);
    await expect(panel).toContainText(`Step 2 of ${lesson.steps.length}`);

    for (const packet of lesson.packets) {
      await panel.getByTestId(`send-${packet.id}`).click();
      const outcome = panel.getByTestId(`outcome-${packet.id}`);
      await expect(outcome).toHaveAttribute('data-verdict', packet.expect);
      await expect(outcome).toContainText('as the lesson expects');
      // The Hops list shows the packet just sent, with the verdict the lesson expects.
      const verdict = page.getByTestId('verdict');
      // The ingress controller's own answer: a delivered request with its HTTP status (lesson 7's 404).
      if (packet.expectHttp !== undefined) {
        await expect(verdict).toContainText(`Delivered · HTTP ${packet.expectHttp}`);
        await expect(outcome).toContainText(`Delivered · HTTP ${packet.expectHttp}`);
      } else if (packet.expect === 'delivered') await expect(verdict).toContainText('Delivered');
      else await expect(verdict).toContainText(`Dropped (${packet.expectCode})`);
      if (packet.change?.kind === 'cluster' && packet.change.set.flannelBackend) {
        // The packet's change was made to the scenario: the cluster settings show it.
        await expect(page.getByLabel('flannel backend')).toHaveValue(packet.change.set.flannelBackend);
      }
    }
    // A marker for the last packet is on the canvas while it plays.
    await expect(page.locator('.packet-layer')).toHaveCount(1);
    await page.screenshot({ path: test.info().outputPath(`lesson-${lesson.number}.png`), animations: 'disabled' });
    expect(errors).toEqual([]);
  });
}

test('lesson 3: the VXLAN packet switches the cluster from host-gw to vxlan first, and undo takes it back', async ({ page }) => {
  const lesson = LESSONS[2]!;
  await openLesson(page, lesson);
  const panel = page.getByRole('complementary', { name: 'Lesson' });
  const [hostGw, vxlan] = lesson.packets;
  await panel.getByTestId(`send-${hostGw.id}`).click();
  await expect(page.getByTestId('verdict')).toContainText(`Dropped (${hostGw.expectCode})`);
  await expect(panel).toContainText('This first changes the scenario: cluster flannelBackend → vxlan');
  await panel.getByTestId(`send-${vxlan!.id}`).click();
  await expect(page.getByTestId('verdict')).toContainText('Delivered');
  // The hop list shows the VXLAN outer header (UDP 8472 between the node IPs).
  await expect(page.getByRole('region', { name: 'Hops' })).toContainText('8472');
  await page.screenshot({ path: test.info().outputPath('lesson-3-vxlan.png'), animations: 'disabled' });
  await expect(panel).toContainText('This first changes the scenario: cluster flannelBackend → host-gw');
  await page.getByRole('button', { name: /Undo/ }).click();
  await expect(panel).toContainText('This first changes the scenario: cluster flannelBackend → vxlan');
});

test('a reload opens the lesson at the step the reader was on', async ({ page }) => {
  const lesson = LESSONS[2]!;
  await openLesson(page, lesson);
  const panel = page.getByRole('complementary', { name: 'Lesson' });
  await panel.getByRole('button', { name: /^Next/ }).click();
  await panel.getByRole('button', { name: /^Next/ }).click();
  await expect(panel.getByTestId('lesson-step')).toHaveText(lesson.steps[2]!.en);
  await page.reload();
  await expect(panel.getByTestId('lesson-step')).toHaveText(lesson.steps[2]!.en);
  await expect(panel).toContainText(`Step 3 of ${lesson.steps.length}`);
});

test('the lesson panel collapses to a tab, comes back, and Reset to lesson puts the scenario back', async ({ page }) => {
  const lesson = LESSONS[0]!;
  await openLesson(page, lesson);
  const panel = page.getByRole('complementary', { name: 'Lesson' });
  await page.locator('.react-flow__node[data-id="pod-web"]').click();
  await page.getByRole('toolbar', { name: 'Editing' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('.react-flow__node[data-id="pod-web"]')).toHaveCount(0);

  await panel.getByRole('button', { name: 'Collapse the lesson panel' }).click();
  await expect(panel.getByRole('heading')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('lesson-collapsed.png'), animations: 'disabled' });
  await panel.getByRole('button', { name: /Show the lesson/ }).click();
  await expect(panel.getByRole('heading', { name: lesson.title.en })).toBeVisible();

  await panel.getByRole('button', { name: 'Reset to lesson' }).click();
  await expect(page.locator('.react-flow__node[data-id="pod-web"]')).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('Lesson 1 is back as it started');
});

test('undo walks back through a lesson switch: edit, undo, undo brings the previous lesson back with its scenario', async ({ page }) => {
  const [first, second] = [LESSONS[0]!, LESSONS[1]!];
  const panel = page.getByRole('complementary', { name: 'Lesson' });
  const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
  const undo = page.getByRole('button', { name: /Undo/ });
  // Lesson 1 has pod-shop on one node; lesson 2 has no pod-shop and a second node.
  await openLesson(page, first);
  await expect(panel.getByRole('heading', { name: first.title.en })).toBeVisible();
  await expect(node('pod-shop')).toBeVisible();
  await openLesson(page, second);
  await expect(panel.getByRole('heading', { name: second.title.en })).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('Opened lesson 2');
  await expect(node('node-2')).toBeVisible();
  await expect(node('pod-shop')).toHaveCount(0);

  await node('pod-web').click();
  await page.getByRole('toolbar', { name: 'Editing' }).getByRole('button', { name: 'Delete' }).click();
  await expect(node('pod-web')).toHaveCount(0);
  await undo.click();
  await expect(node('pod-web')).toBeVisible();
  await expect(panel.getByRole('heading', { name: second.title.en })).toBeVisible();

  // One more undo is one step back: lesson 1 and its scenario together.
  await undo.click();
  await expect(panel.getByRole('heading', { name: first.title.en })).toBeVisible();
  await expect(node('pod-shop')).toBeVisible();
  await expect(node('node-2')).toHaveCount(0);
  // The message about opening lesson 2 went with the step it described.
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('undo-lesson-switch.png'), animations: 'disabled' });
  // The saved work follows: a reload opens lesson 1 with its scenario.
  await page.reload();
  await expect(panel.getByRole('heading', { name: first.title.en })).toBeVisible();
  await expect(node('pod-shop')).toBeVisible();
});
