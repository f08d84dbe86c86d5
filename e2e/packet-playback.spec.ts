/**
 * The packet view at 1440x900, once packets are sent: the hop list grouped by element with the current
 * hop as a layer stack, Export image, and the camera that follows the packet.
 */
import { test, expect } from '@playwright/test';
import { LESSONS } from '../src/lessons/index';
import { openLesson, settled } from './lesson-view';

test.use({ viewport: { width: 1440, height: 900 } });

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
