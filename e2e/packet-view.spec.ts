/**
 * The packet view at 1440x900, as a learner sees it: room for the canvas with a lesson open, card
 * names and addresses readable at the view a lesson opens, the marker's label saying what is on the
 * wire where it is (the VXLAN outer header on the underlay), one packet in focus.
 */
import { test, expect, type Page } from '@playwright/test';
import { LESSONS, applyLessonChange, lessonScenario, type Lesson } from '../src/lessons/index';
import { type Scenario, type TraceResult } from '../src/sim/index';
import { trace } from '../src/sim/tracer';
import { packetSpec } from '../src/store/lessonPackets';

test.use({ viewport: { width: 1440, height: 900 } });

async function openLesson(page: Page, lesson: Lesson) {
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page
    .getByRole('menu', { name: 'Lessons' })
    .getByRole('menuitem', { name: new RegExp(`^Lesson ${lesson.number}: `) })
    .click();
  await expect(page.getByRole('complementary', { name: 'Lesson' }).getByRole('heading', { name: lesson.title.en })).toBeVisible();
}

/** Wait until the viewport stops moving (the fit after opening a lesson is animated). */
async function settled(page: Page) {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
        const same = now === last;
        last = now;
        return same;
      },
      { intervals: [150, 150, 150, 250] },
    )
    .toBe(true);
}

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

test('hops grouped by element, the current hop as a layer stack, a timeline and the arrow keys to step', async ({ page }) => {
  await page.goto('/');
  await openLesson(page, LESSONS[2]!);
  const panel = page.getByRole('complementary', { name: 'Lesson' });
  await panel.getByTestId('send-vxlan-works').click();
  await expect(page.getByTestId('verdict')).toContainText('Delivered');
  const inspector = page.getByRole('region', { name: 'Hops' });
  // node-1's hops are one group that says what happened there, in order.
  const node1 = inspector.getByRole('region', { name: 'node-1' }).first();
  await expect(node1.locator('.hop-group-summary')).toContainText('veth → cni0');
  await expect(node1.locator('.hop-group-summary')).toContainText('VXLAN encap');
  // Step to the router with the timeline, then with the keys.
  const router = inspector
    .getByTestId('hop')
    .filter({ hasText: 'ROUTE' })
    .filter({ has: page.locator('.outer') });
  await router.first().getByRole('button').click();
  const current = inspector.locator('[data-testid="hop"][aria-current="step"]');
  const stack = current.getByTestId('layer-stack');
  await expect(stack.locator('[data-layer="outer"]')).toContainText('192.168.1.10 → 192.168.2.10');
  await expect(stack.locator('[data-layer="outer"]')).toContainText('8472');
  await expect(stack.locator('[data-layer="outer"]')).toContainText('VNI 1');
  await expect(stack.locator('[data-layer="ip"]')).toContainText('Inner IP');
  // Ethernet as Wireshark shows a VXLAN frame: the outer frame between NICs (52:54:00:…), then the
  // inner frame between the flannel.1 devices (random, locally administered), with its neighbour entry.
  await expect(stack.locator('[data-layer="outer-eth"]')).toContainText(/Outer Ethernet\s*52:54:00:[0-9a-f:]{8} → 52:54:00:[0-9a-f:]{8}/);
  const inner = stack.locator('[data-layer="eth"]');
  await expect(inner).toContainText('Inner Ethernet');
  await expect(inner).toContainText(/[0-9a-f][26ae](:[0-9a-f]{2}){5} → [0-9a-f][26ae](:[0-9a-f]{2}){5}/);
  await expect(stack.locator('[data-layer="outer-eth"]')).toHaveClass(/layer-outer/);
  // The first layer is the outer frame, as on the wire.
  await expect(stack.locator('[data-layer]').first()).toHaveAttribute('data-layer', 'outer-eth');
  const scrubber = page.getByTestId('scrubber');
  const at = Number(await scrubber.inputValue());
  await page
    .locator('body')
    .click({ position: { x: 700, y: 20 } })
    .catch(() => undefined);
  await page.keyboard.press('ArrowRight');
  await expect(scrubber).toHaveValue(String(at + 1));
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(scrubber).toHaveValue(String(at - 1));
  await expect(page.locator('[data-testid="packet-marker"]')).toHaveAttribute('data-hop', String(at - 1));
  // The timeline seeks.
  await scrubber.fill('0');
  await expect(page.locator('[data-testid="packet-marker"]')).toHaveAttribute('data-hop', '0');
  await page.screenshot({ path: test.info().outputPath('layer-stack.png') });
});

test('Export image writes a valid SVG and PNG with the packet path numbered', async ({ page }) => {
  await page.goto('/');
  await openLesson(page, LESSONS[2]!);
  await page.getByRole('complementary', { name: 'Lesson' }).getByTestId('send-vxlan-works').click();
  await expect(page.getByTestId('verdict')).toContainText('Delivered');
  const downloads: import('@playwright/test').Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: 'Export image' }).click();
  await expect.poll(() => downloads.length).toBe(2);
  const byExt = Object.fromEntries(downloads.map((d) => [d.suggestedFilename().split('.').pop(), d]));
  expect(byExt.svg!.suggestedFilename()).toMatch(/^lesson-3-.*\.svg$/);
  const fs = await import('node:fs/promises');
  const svg = await fs.readFile((await byExt.svg!.path())!, 'utf8');
  // Valid: the browser's XML parser reads it as an SVG document without errors.
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      root: doc.documentElement.nodeName,
      errors: doc.getElementsByTagName('parsererror').length,
      steps: doc.querySelectorAll('[data-step]').length,
      text: doc.documentElement.textContent,
    };
  }, svg);
  expect(parsed.root).toBe('svg');
  expect(parsed.errors).toBe(0);
  expect(parsed.steps).toBeGreaterThan(4);
  for (const name of ['client', 'web', 'node-1', 'node-2', 'core-router', '192.168.1.10', '10.244.1.2']) expect(parsed.text).toContain(name);
  const png = await fs.readFile((await byExt.png!.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  expect(png.readUInt32BE(16)).toBeGreaterThan(600);
  expect(png.readUInt32BE(20)).toBeGreaterThan(300);
  await expect(page.getByTestId('notice')).toContainText('.png');
});

test('Export image draws the links scrolled out of view as the canvas draws them, with their labels', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node[data-id="node-1"]')).toBeVisible();
  // Zoomed in and panned down the canvas: the router's links are out of view, so the canvas does not draw them.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.waitForTimeout(400);
  for (let i = 0; i < 2; i++) {
    await page.mouse.move(260, 850);
    await page.mouse.down();
    await page.mouse.move(260, 500, { steps: 8 });
    await page.mouse.move(260, 100, { steps: 8 });
    await page.mouse.up();
  }
  await page.waitForTimeout(400);
  await expect(page.locator('.react-flow__edge[data-id^="if:"]')).toHaveCount(0);
  const downloads: import('@playwright/test').Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: 'Export image' }).click();
  await expect.poll(() => downloads.length).toBe(2);
  const svgFile = downloads.find((d) => d.suggestedFilename().endsWith('.svg'))!;
  const svg = await (await import('node:fs/promises')).readFile((await svgFile.path())!, 'utf8');
  // The router's interfaces, named on their links, and the links drawn as elbows (smooth-step paths), not grey straight lines.
  expect(svg).toContain('eth0 192.168.1.1');
  expect(svg).toContain('eth1 192.168.2.1');
  expect(svg).not.toMatch(/<path d="[^"]*" fill="none" stroke="#94a3b8"/);
  expect(svg).toMatch(/<path d="M[^"]*Q[^"]*" fill="none" stroke="#1e293b"/);
});

test('follow the packet: the camera keeps the current hop in view; off, the view stays put', async ({ page }) => {
  await page.goto('/');
  await openLesson(page, LESSONS[6]!);
  await settled(page);
  // Zoom in on a corner, far from where the packet starts.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  await settled(page);
  await page.getByRole('complementary', { name: 'Lesson' }).locator('[data-testid^="send-"]').first().click();
  const marker = page.locator('[data-testid="packet-marker"].focus');
  // The first send of a page fetches the tracer (src/store/tracer.ts) if the idle preload has not yet: wait for the packet.
  await expect(marker).toBeVisible();
  const inView = async () => {
    const v = (await page.locator('.react-flow').boundingBox())!;
    const m = await marker.boundingBox();
    return !!m && m.x >= v.x && m.x <= v.x + v.width && m.y >= v.y && m.y <= v.y + v.height;
  };
  for (let i = 0; i < 5; i++) {
    await page.waitForTimeout(700);
    await settled(page);
    expect(await inView()).toBe(true);
  }
  // Off: stepping does not move the view.
  await page.getByRole('button', { name: /Follow the packet/ }).click();
  await expect(page.getByRole('button', { name: /Follow the packet/ })).toHaveAttribute('aria-pressed', 'false');
  const before = await page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  await page.getByTestId('scrubber').fill('0');
  await page.waitForTimeout(600);
  expect(await page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform)).toBe(before);
});
