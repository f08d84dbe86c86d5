/**
 * The selected packet's label at 1440x900, hop by hop: it sits where it covers no card (pods,
 * Services, routers, node and subnet headers, edge labels), and at a NAT it shows the rewritten address old → new.
 */
import { test, expect, type Page } from '@playwright/test';

test.use({ viewport: { width: 1440, height: 900 } });

/** How much of the label (0..1) lies over a card's box, and whether it is inside the canvas. */
async function labelCover(page: Page) {
  return page.evaluate(() => {
    const label = document.querySelector('[data-testid="packet-label"]');
    if (!label) return undefined;
    const l = label.getBoundingClientRect();
    const view = document.querySelector('.react-flow')!.getBoundingClientRect();
    const cards = [
      ...document.querySelectorAll(
        '.react-flow__node-pod, .react-flow__node-service, .react-flow__node-router, .react-flow__node-client, .react-flow__node-loadBalancer, .react-flow__node-ingress, .cnode-header, .subnet-bar, .react-flow__edge-textwrapper',
      ),
    ].map((e) => e.getBoundingClientRect());
    let covered = 0;
    for (const c of cards) {
      const w = Math.min(l.right, c.right) - Math.max(l.left, c.left);
      const h = Math.min(l.bottom, c.bottom) - Math.max(l.top, c.top);
      if (w > 0 && h > 0) covered += w * h;
    }
    const inView = l.left >= view.left && l.right <= view.right && l.top >= view.top && l.bottom <= view.bottom;
    return { share: covered / (l.width * l.height), inView, text: label.textContent ?? '' };
  });
}

test('the label keeps off the cards hop by hop, and shows a NAT old → new', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node[data-id="node-1"]')).toBeVisible();
  await page.getByRole('tab', { name: 'Packets' }).click();
  await page.getByLabel('To', { exact: true }).fill('10.96.0.2:80');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByTestId('verdict')).toContainText('Delivered');
  await page
    .getByRole('button', { name: 'Pause' })
    .click({ timeout: 2000 })
    .catch(() => undefined);
  const scrubber = page.getByTestId('scrubber');
  await scrubber.fill('0');
  const last = Number(await scrubber.getAttribute('max'));
  const covers: number[] = [];
  let sawNat = false;
  for (let i = 0; i <= last; i++) {
    await scrubber.fill(String(i));
    await page.waitForTimeout(550); // the camera's glide
    const c = (await labelCover(page))!;
    covers.push(c.share);
    expect(c.inView, `hop ${i + 1}: the label is in view`).toBe(true);
    const hop = page.locator('[data-testid="hop"][aria-current="step"]');
    if ((await hop.locator('.action-dnat').count()) > 0) {
      // kube-proxy rewrote the destination: ClusterIP:port struck through, the endpoint pod's after it.
      const label = page.getByTestId('packet-label');
      await expect(label.locator('del.label-old')).toHaveText('10.96.0.2:80');
      await expect(label.locator('.label-new')).toHaveText(/^10\.244\.\d+\.\d+:\d+$/);
      await page.screenshot({ path: test.info().outputPath('label-dnat.png') });
      sawNat = true;
    }
  }
  expect(sawNat).toBe(true);
  // Off the cards at most hops; never more than a sliver over one.
  expect(covers.filter((x) => x === 0).length / covers.length).toBeGreaterThanOrEqual(0.8);
  expect(Math.max(...covers)).toBeLessThan(0.35);
});

test('lesson 7: gliding along every link of the trip, the label never covers a router interface label', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node[data-id="node-1"]')).toBeVisible();
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page
    .getByRole('menu', { name: 'Lessons' })
    .getByRole('menuitem', { name: /^Lesson 7: / })
    .click();
  // The lesson is open (its content is fetched on demand first), then fitted (animated); the learner
  // reads, then sends from the view it opened with.
  await expect(page.getByRole('complementary', { name: 'Lesson', exact: true }).getByRole('heading', { name: /^An Ingress/ })).toBeVisible();
  let last = '';
  await expect
    .poll(async () => {
      const now = await page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
  const sends = page.locator('[data-testid^="send-"]');
  // The request with no rule for its Host: laptop → LB → edge-router → rack-a → ingress-nginx → 404 and back.
  await sends.nth((await sends.count()) - 1).click();
  // Every animation frame of the trip while the marker travels a link (data-edge; the camera follows and
  // glides): the label's box against the edge labels' boxes.
  const seen = await page.evaluate(async () => {
    const covering: string[] = [];
    let frames = 0;
    const until = performance.now() + 9000;
    while (performance.now() < until) {
      await new Promise(requestAnimationFrame);
      const label = document.querySelector('[data-testid="packet-label"]');
      const marker = label?.closest<HTMLElement>('[data-testid="packet-marker"]');
      if (!label || !marker?.dataset.edge) continue;
      frames++;
      const l = label.getBoundingClientRect();
      for (const e of document.querySelectorAll('.react-flow__edge-textwrapper')) {
        const c = e.getBoundingClientRect();
        if (Math.min(l.right, c.right) > Math.max(l.left, c.left) && Math.min(l.bottom, c.bottom) > Math.max(l.top, c.top))
          covering.push(`hop ${marker.dataset.hop} on ${marker.dataset.edge}: over "${e.textContent}"`);
      }
    }
    return { frames, covering, edgeLabels: document.querySelectorAll('.react-flow__edge-textwrapper').length };
  });
  expect(seen.edgeLabels).toBeGreaterThanOrEqual(2);
  expect(seen.frames).toBeGreaterThan(60);
  expect(seen.covering).toEqual([]);
});

test("lesson 3: a dropped packet's badge rests beside the interface it was dropped at, its name left readable", async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node[data-id="node-1"]')).toBeVisible();
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page
    .getByRole('menu', { name: 'Lessons' })
    .getByRole('menuitem', { name: /^Lesson 3: / })
    .click();
  // host-gw across subnets: node-1 cannot add the route via 192.168.2.10 (not on its eth0 subnet) and drops at eth0.
  await page.locator('[data-testid^="send-"]').first().click();
  const marker = page.locator('[data-testid="packet-marker"].dropped');
  await expect(marker).toHaveAttribute('data-at', 'node-1');
  const eth0 = page.locator('.react-flow__node[data-id="node-1"] [data-iface="eth0"]');
  await expect(eth0).toHaveText('eth0');
  // Measured once the follow camera has stopped (marker and card move together while it glides).
  await expect
    .poll(async () => {
      const boxes = await Promise.all([marker, page.getByTestId('packet-label'), eth0].map((l) => l.boundingBox()));
      const [badge, label, name] = boxes;
      if (!badge || !label || !name) return 'not drawn';
      const meets = (a: typeof name, b: typeof name) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      if (meets(badge, name)) return `badge over eth0: ${JSON.stringify([badge, name])}`;
      if (meets(label, name)) return `label over eth0: ${JSON.stringify([label, name])}`;
      // Beside it: level with it, just to its left.
      return Math.abs(badge.y + badge.height / 2 - (name.y + name.height / 2)) < 4 && badge.x + badge.width <= name.x && name.x - (badge.x + badge.width) < 12
        ? 'beside'
        : `not beside: ${JSON.stringify([badge, name])}`;
    })
    .toBe('beside');
});
