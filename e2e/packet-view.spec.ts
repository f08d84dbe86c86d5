/**
 * The packet view at 1440x900, as a learner sees it: room for the canvas with a lesson open, card
 * names and addresses readable at the view a lesson opens, the marker's label saying what is on the
 * wire where it is (the VXLAN outer header on the underlay), one packet in focus.
 */
import { test, expect } from '@playwright/test';
import { LESSONS, applyLessonChange, lessonScenario, type Lesson } from '../src/lessons/index';
import { openLesson, settled } from './lesson-view';
import { type Scenario, type TraceResult } from '../src/sim/index';
import { trace } from '../src/sim/tracer';
import { packetSpec } from '../src/store/lessonPackets';

test.use({ viewport: { width: 1440, height: 900 } });

/** Every element a lesson's suggested packets visit (each packet's change made first, as the lesson panel does). */
function visitedBy(lesson: Lesson): Set<string> {
  let s: Scenario = lessonScenario(lesson);
  const ids = new Set<string>();
  const add = (hops: { at: string }[] | undefined) => hops?.forEach((h) => ids.add(h.at));
  for (const p of lesson.packets) {
    if (p.change) {
      const r = applyLessonChange(s, p.change);
      if (r.ok) s = r.scenario;
    }
    const r: TraceResult = trace(s, packetSpec(p), { seed: 1 });
    add(r.dns?.hops);
    add(r.dns?.reply?.hops);
    add(r.hops);
    add(r.upstream?.request.hops);
    add(r.upstream?.reply?.hops);
    add(r.reply?.hops);
  }
  return ids;
}

/** The text of an element that names it or gives its address, with its size on screen. */
const NAME_TEXT =
  '.pod-name, .pod-ip, .cnode-title strong, .cnode-meta b, .card-body strong, .card-body .mono, .svc-head strong, .svc-row, .subnet-name, .subnet-cidr';

for (const lesson of LESSONS) {
  test(`lesson ${lesson.number} opens with room for the canvas and the visited elements' names and addresses readable`, async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.react-flow__node[data-id="node-1"]')).toBeVisible();
    await openLesson(page, lesson);
    await settled(page);
    const canvas = page.locator('.react-flow');
    const box = (await canvas.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(900);

    const visited = [...visitedBy(lesson)];
    expect(visited.length).toBeGreaterThan(2);
    const sizes = await page.evaluate(
      ({ ids, sel }) => {
        const view = document.querySelector('.react-flow')!.getBoundingClientRect();
        return ids.map((id) => {
          const node = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
          if (!node) return { id, drawn: false, inView: false, min: 0, texts: 0 };
          const r = node.getBoundingClientRect();
          const inView = r.right > view.left && r.left < view.right && r.bottom > view.top && r.top < view.bottom;
          // Rendered size: what a glyph measures on screen (font size times the canvas zoom).
          const texts = [...node.querySelectorAll<HTMLElement>(sel)].filter((e) => e.offsetParent !== null && e.textContent!.trim() !== '');
          const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
          const min = Math.min(...texts.map((e) => parseFloat(getComputedStyle(e).fontSize) * zoom));
          return { id, drawn: true, inView, min, texts: texts.length };
        });
      },
      { ids: visited, sel: NAME_TEXT },
    );
    for (const s of sizes) {
      expect(s.drawn, `${s.id} is drawn`).toBe(true);
      expect(s.inView, `${s.id} is in view`).toBe(true);
      expect(s.texts, `${s.id} shows a name`).toBeGreaterThan(0);
      expect(s.min, `${s.id}'s name and address render at 11px or more`).toBeGreaterThanOrEqual(11);
    }
  });
}

test('lesson 7: the ingress-nginx controller pods show their whole names, wrapped at a hyphen, at 11px or more', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node[data-id="node-1"]')).toBeVisible();
  await openLesson(
    page,
    LESSONS.find((l) => l.number === 7)!,
  );
  await settled(page);
  const names = await page.evaluate(() => {
    const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
    return [...document.querySelectorAll<HTMLElement>('.react-flow__node-pod .pod-name')]
      .filter((e) => e.textContent!.startsWith('ingress-nginx-controller-'))
      .map((e) => {
        const card = e.closest('.pod')!.getBoundingClientRect();
        const r = e.getBoundingClientRect();
        return {
          text: e.textContent,
          // Nothing cut: the text needs no more room than it has, and it lies inside its card.
          cut: e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight,
          inCard: r.left >= card.left && r.right <= card.right && r.top >= card.top && r.bottom <= card.bottom,
          lines: Math.round(r.height / parseFloat(getComputedStyle(e).lineHeight)),
          px: parseFloat(getComputedStyle(e).fontSize) * zoom,
        };
      });
  });
  expect(names.map((n) => n.text).sort()).toEqual(['ingress-nginx-controller-1', 'ingress-nginx-controller-2']);
  for (const n of names) {
    expect(n, n.text!).toMatchObject({ cut: false, inCard: true, lines: 2 });
    expect(n.px, n.text!).toBeGreaterThanOrEqual(11);
  }
});

test('lesson 3: the VXLAN packet at the router is labelled with the outer node addresses and UDP 8472', async ({ page }) => {
  await page.goto('/');
  await openLesson(page, LESSONS[2]!);
  const panel = page.getByRole('complementary', { name: 'Lesson' });
  // The host-gw packet is dropped: its badge is on the canvas.
  await panel.getByTestId('send-host-gw-fails').click();
  await expect(page.getByTestId('verdict')).toContainText('Dropped (not-l2-adjacent)');
  await expect(page.getByTestId('packet-label')).toContainText('✕ not-l2-adjacent', { timeout: 20_000 });

  // After the switch to VXLAN the same packet is delivered, and the old drop badge is gone.
  await panel.getByTestId('send-vxlan-works').click();
  await expect(page.getByTestId('verdict')).toContainText('Delivered');
  await expect(page.locator('[data-testid="packet-marker"].dropped')).toHaveCount(0);
  await expect(page.getByText('✕ not-l2-adjacent')).toHaveCount(0);
  await expect(page.getByTestId('packet-marker')).toHaveCount(1);

  // Step to the router's hop: the label shows what the router sees.
  const hop = page.getByRole('region', { name: 'Hops' }).getByRole('region', { name: 'core-router' }).first().getByTestId('hop').first();
  await hop.getByRole('button').click();
  await expect(hop).toHaveAttribute('aria-current', 'step');
  const marker = page.locator('[data-testid="packet-marker"][data-at="router-core"]');
  await expect(marker).toHaveCount(1);
  const label = page.getByTestId('packet-label');
  await expect(label).toHaveCount(1);
  await expect(label).toContainText('192.168.1.10 → 192.168.2.10');
  await expect(label).toContainText('8472');
  await expect(label).toContainText('VNI 1');
  // The inner pod addresses are there, nested and dimmed, after the outer header.
  await expect(label.locator('.label-outer')).toContainText('192.168.1.10 → 192.168.2.10 UDP 8472');
  await expect(label.locator('.label-inner.dim')).toContainText('10.244.');
  // Readable on screen.
  const px = await label.evaluate((el) => el.getBoundingClientRect().height);
  expect(px).toBeGreaterThan(24);
  await page.screenshot({ path: test.info().outputPath('lesson-3-vxlan-at-router.png') });
});

test('Send 20 plays as dots: at most 3 packet labels on the canvas, the tally beside', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node[data-id="node-1"]')).toBeVisible();
  await page.getByRole('tab', { name: 'Packets' }).click();
  const to = page.getByLabel('To', { exact: true });
  await to.fill('10.96.0.2:80');
  await page.getByRole('button', { name: /Send 20/ }).click();
  await expect(page.getByTestId('packet-marker')).toHaveCount(20);
  for (let i = 0; i < 6; i++) {
    expect(await page.getByTestId('packet-label').count()).toBeLessThanOrEqual(3);
    await page.waitForTimeout(400);
  }
  await page.screenshot({ path: test.info().outputPath('send-20.png') });
  // Once the dots have arrived, the spread is drawn on the Service's lines to its endpoints: each
  // line's count, the counts adding up to 20 and agreeing with the tally, the line as heavy as its share.
  const flows = page.locator('.react-flow__edge[data-id^="ep:"]').filter({ has: page.locator('.edge-flow') });
  await expect(flows.first()).toBeVisible({ timeout: 20_000 });
  const tally = page.getByRole('figure', { name: 'Where the requests went' });
  const rows = await tally
    .locator('li')
    .evaluateAll((lis) =>
      lis.map((li) => ({ name: li.querySelector('.tally-label')!.textContent!, count: Number(li.querySelector('.tally-count')!.textContent) })),
    );
  const drawn = await flows.evaluateAll((edges) =>
    edges.map((e) => ({
      id: e.getAttribute('data-id')!,
      text: e.querySelector('.react-flow__edge-text')?.textContent ?? '',
      width: parseFloat(getComputedStyle(e.querySelector('.edge-flow')!).strokeWidth),
    })),
  );
  expect(drawn.length).toBe(rows.length);
  const counts = drawn.map((d) => Number(/^(\d+) of 20$/.exec(d.text)?.[1]));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(20);
  expect(counts.sort((a, b) => a - b)).toEqual(rows.map((r) => r.count).sort((a, b) => a - b));
  const heaviest = drawn.reduce((a, b) => (Number(/^\d+/.exec(b.text)![0]) > Number(/^\d+/.exec(a.text)![0]) ? b : a));
  const lightest = drawn.reduce((a, b) => (Number(/^\d+/.exec(b.text)![0]) < Number(/^\d+/.exec(a.text)![0]) ? b : a));
  if (heaviest.text !== lightest.text) expect(heaviest.width).toBeGreaterThan(lightest.width);
  await page.screenshot({ path: test.info().outputPath('send-20-spread.png') });
  // A new packet clears the spread, on the canvas and in the tally.
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.locator('.edge-flow')).toHaveCount(0);
  await expect(tally).toHaveCount(0);
});
