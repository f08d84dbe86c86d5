import { test, expect, type Page } from '@playwright/test';

/** Open the Packets tab and send one packet with the form. */
async function send(page: Page, from: string, to: string) {
  await page.getByRole('tab', { name: 'Packets' }).click();
  const form = page.getByRole('form', { name: 'Send a packet' });
  await form.getByLabel('From', { exact: true }).selectOption({ label: from });
  await form.getByLabel('To', { exact: true }).fill(to);
  await form.getByRole('button', { name: 'Send', exact: true }).click();
}

const inspector = (page: Page) => page.getByRole('region', { name: 'Hops' });
const marker = (page: Page) => page.getByTestId('packet-marker').first();

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node[data-id="web-3"]')).toBeVisible();
});

test('pod to pod on another node under VXLAN: outer header in the hop list, marker reaches the pod', async ({ page }) => {
  await send(page, 'pod curl (10.244.0.2)', '10.244.2.2:8080');
  await expect(inspector(page).getByTestId('verdict')).toContainText('Delivered');
  const outer = inspector(page).getByTestId('outer-header').first();
  await expect(outer).toContainText('192.168.1.10');
  await expect(outer).toContainText('192.168.2.10:8472 UDP VXLAN VNI 1');
  // The marker plays along the canvas; clicking the delivery hop moves it onto the target pod.
  await expect(marker(page)).toBeVisible();
  await inspector(page)
    .getByRole('button', { name: /deliver at web-3/ })
    .first()
    .click();
  await expect(marker(page)).toHaveAttribute('data-at', 'web-3');
  // The marker sits on the pod card (polled: the follow-the-packet camera may still be gliding, which
  // moves the marker and the card between two separate measurements).
  await expect
    .poll(async () => {
      const box = await marker(page).boundingBox();
      const pod = await page.locator('.react-flow__node[data-id="web-3"]').boundingBox();
      if (!box || !pod) return 'not drawn';
      return box.x >= pod.x - 20 && box.x <= pod.x + pod.width + 20 ? 'on the pod' : `marker x ${box.x}, pod ${pod.x}..${pod.x + pod.width}`;
    })
    .toBe('on the pod');
  await page.screenshot({ path: test.info().outputPath('vxlan-delivered.png') });
});

test('a Service ClusterIP is DNATed by kube-proxy, and stepping moves the marker back and forth', async ({ page }) => {
  await send(page, 'pod curl (10.244.0.2)', '10.96.0.2:80');
  const ins = inspector(page);
  await expect(ins.getByTestId('verdict')).toContainText('Delivered');
  await page
    .getByRole('button', { name: 'Pause' })
    .click({ timeout: 2000 })
    .catch(() => undefined);
  const dnat = ins.locator('li.hop-dnat').first();
  // The hop list is one line per hop; the hop in focus opens to its layers and the rule that matched.
  await dnat.getByRole('button').click();
  await expect(dnat).toHaveAttribute('aria-current', 'step');
  await expect(dnat).toContainText('KUBE-SEP-');
  await expect(dnat.locator('.hdr.changed').first()).toContainText(/10\.244\.\d+\.\d+/);
  // Step: the current hop and the marker follow.
  await ins.getByRole('button', { name: /^Hop 3:/ }).click();
  await expect(ins.locator('li[aria-current="step"]')).toContainText('3');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(ins.locator('li[aria-current="step"] .hop-index')).toHaveText('4');
  await page.getByRole('button', { name: 'Step back' }).click();
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(ins.locator('li[aria-current="step"] .hop-index')).toHaveText('2');
  await expect(marker(page)).toHaveAttribute('data-hop', '1');
  await page.screenshot({ path: test.info().outputPath('service-dnat.png') });
});

test('a Service without endpoints is rejected with the reason shown', async ({ page }) => {
  await page.locator('.react-flow__node[data-id="web"]').click();
  const selector = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Selector');
  await selector.fill('app=nothing');
  await selector.press('Enter');
  await send(page, 'pod curl (10.244.0.2)', '10.96.0.2:80');
  const verdict = inspector(page).getByTestId('verdict');
  await expect(verdict).toContainText('Dropped (no-endpoints)');
  await expect(verdict).toContainText('REJECT');
  await page.getByRole('button', { name: 'Replay' }).click();
  await expect(page.locator('.packet-marker.dropped')).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: test.info().outputPath('no-endpoints.png') });
});

test('send mode: click a source and a target on the canvas; send 20 shows the spread', async ({ page }) => {
  await page.getByRole('tab', { name: 'Packets' }).click();
  await page.getByRole('button', { name: 'Pick on canvas' }).click();
  await page.locator('.react-flow__node[data-id="curl"]').click();
  await expect(page.getByText('now click the target')).toBeVisible();
  await page.locator('.react-flow__node[data-id="web"]').click();
  await expect(inspector(page).getByTestId('verdict')).toContainText('Delivered');
  const form = page.getByRole('form', { name: 'Send a packet' });
  await form.getByLabel('To', { exact: true }).fill('10.96.0.2:80');
  await form.getByRole('button', { name: 'Send 20' }).click();
  const tally = page.getByRole('figure', { name: 'Where the requests went' });
  await expect(tally).toContainText('20 requests');
  await expect(tally.locator('li')).toHaveCount(3);
  await page.screenshot({ path: test.info().outputPath('burst.png') });
});

test('a packet that never leaves its sender (an unknown name) ends with its reason, and the page keeps working', async ({ page }) => {
  // Regression: the marker label's placement read the hop at the cursor of a trace with no hops and the page crashed.
  await send(page, 'pod curl (10.244.0.2)', 'http://nothere.example.com/');
  await expect(inspector(page).getByTestId('verdict')).toContainText('unknown-destination');
  await expect(inspector(page).getByTestId('verdict')).toContainText('No Ingress has a rule for host nothere.example.com');
  await expect(page.locator('.react-flow__node[data-id="web-3"]')).toBeVisible();
  // The next packet still goes out and arrives.
  await send(page, 'pod curl (10.244.0.2)', 'web:80');
  await expect(inspector(page).getByTestId('verdict')).toContainText('Delivered');
});

test('a marker travels on the line drawn for the link it crosses (the path is worked out from the canvas store, not read from the page)', async ({ page }) => {
  await send(page, 'pod curl (10.244.0.2)', '10.244.2.2:8080');
  // Every animation frame for 2.5 s: where the marker in focus is (canvas units) and, when it is on a
  // link, how far that is from the link's line as the browser drew it.
  const samples = await page.evaluate(async () => {
    const out: { edge: string; off: number }[] = [];
    const until = performance.now() + 2500;
    while (performance.now() < until) {
      await new Promise(requestAnimationFrame);
      const m = document.querySelector<HTMLElement>('.packet-marker.focus');
      const edge = m?.dataset.edge;
      const path = edge ? document.querySelector<SVGPathElement>(`.react-flow__edge[data-id="${CSS.escape(edge)}"] path.react-flow__edge-path`) : null;
      const at = m && /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(m.style.transform);
      if (!edge || !path || !at) continue;
      const [x, y] = [Number(at[1]), Number(at[2])];
      const len = path.getTotalLength();
      let off = Infinity;
      for (let d = 0; d <= len; d += 0.5) {
        const p = path.getPointAtLength(d);
        off = Math.min(off, Math.hypot(p.x - x, p.y - y));
      }
      out.push({ edge, off });
    }
    return out;
  });
  const edges = new Set(samples.map((s) => s.edge));
  // veth → cni0, eth0 up to the subnet and across, cni0 → veth on the far node: several links, many frames.
  expect(edges.size, JSON.stringify([...edges])).toBeGreaterThanOrEqual(2);
  expect(samples.length).toBeGreaterThanOrEqual(10);
  const worst = samples.reduce((a, b) => (b.off > a.off ? b : a));
  expect(worst.off, `furthest from its line: ${JSON.stringify(worst)}`).toBeLessThan(1.5);
});
