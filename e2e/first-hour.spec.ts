/**
 * A cluster that works out of the box, tried as a new user would at 1440x900: every destination the
 * README and the To box suggest is delivered in the default scenario; a cluster built from scratch
 * finds a Service by name through CoreDNS, and says it is CoreDNS that is missing once its pods are
 * deleted; an ingress controller from the palette serves an Ingress; and the bugs of issue 11.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { commitField, dropOnto, expectInCanvas, fileNew, form, hops, inspector, node, send, verdict } from './first-hour-helpers';

test.use({ viewport: { width: 1440, height: 900 } });

test('every destination the README and the To box suggest is delivered in the default scenario', async ({ page }) => {
  await page.goto('/');
  await expect(node(page, 'node-1')).toBeVisible();
  await page.getByRole('tab', { name: 'Packets' }).click();
  // The To box's own examples.
  const placeholder = (await form(page).getByLabel('To', { exact: true }).getAttribute('placeholder'))!;
  const suggested = placeholder.split(', ');
  expect(suggested).toEqual(['web:80', '10.96.0.2:80', 'http://shop.example.com/api']);
  const cases: [RegExp, string][] = [
    [/^pod curl /, 'web:80'],
    [/^pod curl /, 'web.default.svc.cluster.local:80'],
    [/^pod curl /, '10.96.0.2:80'],
    [/^laptop /, '192.168.1.11:30080'],
    [/^laptop /, '203.0.113.100:80'],
    [/^laptop /, 'http://shop.example.com/api'],
  ];
  for (const s of suggested)
    expect(
      cases.some(([, to]) => to === s),
      s,
    ).toBe(true);
  // The README's own list (its Send paragraph): exactly these, from these senders.
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  const listed = /In the default scenario each of these is delivered: (.*?\(the Ingress[^)]*\))/.exec(readme)?.[1] ?? '';
  const [fromCurl, fromLaptop] = listed.split('from the `laptop`');
  const ticks = (text = '') => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).filter((t) => t !== 'curl');
  expect(ticks(fromCurl)).toEqual(cases.filter(([from]) => from.source.includes('curl')).map(([, to]) => to));
  expect(ticks(fromLaptop)).toEqual(cases.filter(([from]) => from.source.includes('laptop')).map(([, to]) => to));
  for (const [from, to] of cases) {
    await send(page, from, to);
    await expect(verdict(page), `${to} from ${from}`).toContainText('Delivered');
    await expect(verdict(page)).not.toContainText('Dropped');
  }
  // By name, the lookup went to a CoreDNS pod behind kube-dns.
  await send(page, /^pod curl /, 'web:80');
  await expect(hops(page)).toContainText('DNS query');
  await expect(
    hops(page)
      .getByRole('region', { name: /^coredns-\d$/ })
      .first(),
  ).toBeVisible();
});

test('File → New, then a node, a pod and a Service: web:80 by name is delivered through CoreDNS; without the CoreDNS pods the drop names CoreDNS; Add cluster DNS brings it back', async ({
  page,
}) => {
  await page.goto('/');
  await expect(node(page, 'node-1')).toBeVisible();
  await fileNew(page);
  await page.screenshot({ path: test.info().outputPath('file-new.png') });
  const pane = page.locator('.react-flow__pane');
  await dropOnto(page, 'subnet', pane, 0.3, 0.3);
  await expect(node(page, 'subnet-1')).toBeVisible();
  await dropOnto(page, 'node', node(page, 'subnet-1'), 0.5, 0.7);
  await expect(node(page, 'node-1')).toBeVisible();
  // The first node to join gets the two CoreDNS replicas that were waiting for one, drawn collapsed
  // to one compact kube-system row at the foot of its pods.
  const row = node(page, 'node-1').getByTestId('system-pods-row');
  await expect(row).toHaveText(/^kube-system2 pods/);
  await expect(row).toHaveAttribute('title', 'coredns-1, coredns-2 (kube-system) run on this node, drawn collapsed: click to show the system pods');
  await expect(node(page, 'coredns-1')).toHaveCount(0);
  await dropOnto(page, 'pod', node(page, 'node-1'), 0.5, 0.6);
  await expect(node(page, 'pod-1')).toBeVisible();
  await dropOnto(page, 'service', pane, 0.75, 0.8);
  await expect(inspector(page).getByRole('heading', { name: 'svc-1' })).toBeVisible();
  await commitField(inspector(page).getByLabel('Name', { exact: true }), 'web');
  await commitField(inspector(page).getByLabel('Selector'), 'app=pod-1');
  await expect(node(page, 'svc-1')).toContainText('1 endpoint');
  await page.screenshot({ path: test.info().outputPath('scratch-build.png') });

  await send(page, /^pod pod-1 /, 'web:80');
  await expect(verdict(page)).toContainText('Delivered');
  // The lookup was answered by a CoreDNS pod (its hops are grouped under its name).
  await expect(
    hops(page)
      .getByRole('region', { name: /^coredns-\d$/ })
      .first(),
  ).toBeVisible();

  // The packet visited CoreDNS, so the system pods are drawn while it is on the canvas.
  await expect(page.getByRole('button', { name: 'System pods: shown' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear' }).click();
  // Cleared, they are collapsed again; the toggle draws them, and both CoreDNS pods are deleted.
  await page.getByRole('button', { name: 'System pods: collapsed' }).click();
  await expect(node(page, 'coredns-1')).toBeVisible();
  // kube-dns was placed at File → New, before the subnet was dropped over its spot: drawn, it sits
  // beside the user's elements, not over them.
  const overlap = async (a: string, b: string) => {
    const [p, q] = [(await node(page, a).boundingBox())!, (await node(page, b).boundingBox())!];
    return p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
  };
  for (const other of ['subnet-1', 'svc-1']) expect(await overlap('kube-dns', other), `kube-dns over ${other}`).toBe(false);
  for (const id of ['coredns-1', 'coredns-2']) {
    await node(page, id).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Delete');
    await expect(node(page, id)).toHaveCount(0);
  }
  await expect(node(page, 'coredns-1')).toHaveCount(0);
  await send(page, /^pod pod-1 /, 'web:80');
  await expect(verdict(page)).toContainText('Dropped (dns-unavailable)');
  await expect(verdict(page)).toContainText('no CoreDNS pods answer behind kube-system/kube-dns');
  await page.screenshot({ path: test.info().outputPath('dns-unavailable.png') });
  // The fix is offered where the drop is, as one undoable action.
  await verdict(page).getByRole('button', { name: 'Add cluster DNS' }).click();
  await expect(node(page, 'coredns-1')).toBeVisible();
  await send(page, /^pod pod-1 /, 'web:80');
  await expect(verdict(page)).toContainText('Delivered');
});

test('an Ingress dropped on a cluster without a controller offers one; the ingress controller from the palette serves it', async ({ page }) => {
  await page.goto('/');
  await expect(node(page, 'node-1')).toBeVisible();
  await fileNew(page);
  const pane = page.locator('.react-flow__pane');
  await dropOnto(page, 'subnet', pane, 0.3, 0.25);
  await dropOnto(page, 'node', node(page, 'subnet-1'), 0.3, 0.7);
  await dropOnto(page, 'pod', node(page, 'node-1'), 0.5, 0.6);
  await dropOnto(page, 'client', node(page, 'subnet-1'), 0.9, 0.5);
  await expect(node(page, 'client-1')).toBeVisible();
  await dropOnto(page, 'service', pane, 0.3, 0.85);
  await commitField(inspector(page).getByLabel('Name', { exact: true }), 'shop');
  await commitField(inspector(page).getByLabel('Selector'), 'app=pod-1');
  await expect(node(page, 'svc-1')).toContainText('1 endpoint');
  // An Ingress onto the Service: a rule for shop.example.com, and an offer to add a controller.
  await dropOnto(page, 'ingress', node(page, 'svc-1'), 0.5, 0.5);
  await expect(node(page, 'ingress-1')).toContainText('shop.example.com');
  // It goes below its Service, not over it.
  await expect
    .poll(async () => {
      const [svc, ing] = [await node(page, 'svc-1').boundingBox(), await node(page, 'ingress-1').boundingBox()];
      return ing!.y - (svc!.y + svc!.height);
    })
    .toBeGreaterThan(10);
  await expectInCanvas(page, node(page, 'ingress-1'));
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('ingress controller');
  await notice.getByRole('button', { name: 'Add ingress controller' }).click();
  await expect(inspector(page).getByRole('heading', { name: 'ingress-nginx-controller' })).toBeVisible();
  // Everything the add-on added (its pod, its Service, its cloud load balancer) is in view on the
  // canvas, without pressing Fit view.
  await expect(node(page, 'ingress-nginx')).toContainText('ingress-nginx-controller');
  await expectInCanvas(page, node(page, 'ingress-nginx-controller-1'));
  await expectInCanvas(page, node(page, 'ingress-nginx'));
  await expectInCanvas(page, page.locator('.react-flow__node-loadBalancer', { hasText: 'ingress-nginx-lb' }));
  await page.screenshot({ path: test.info().outputPath('ingress-controller-added.png') });
  await expect(page.getByRole('region', { name: 'Problems' })).not.toContainText('not-an-ingress-controller');
  await send(page, /^laptop /, 'http://shop.example.com/');
  await expect(verdict(page)).toContainText('Delivered');
  await expect(hops(page)).toContainText('Proxy to backend');
  await expect(
    hops(page)
      .getByRole('button', { name: /at pod-1/ })
      .first(),
  ).toBeVisible();
});

test('an Ingress whose controller Service is an ordinary app is refused, naming the field', async ({ page }) => {
  await page.goto('/');
  await node(page, 'shop').click();
  const controller = inspector(page).getByLabel('Controller Service');
  await controller.selectOption({ label: 'web (LoadBalancer)' });
  await expect(inspector(page).getByRole('alert')).toContainText('must expose an ingress controller');
  await expect(inspector(page).getByRole('alert')).toContainText('Service web selects web-1, web-2, and web-3, which are not ingress controller pods');
});

test('bug: after opening lesson 4, Send uses a sender of lesson 4 (not "curl" of the previous scenario); Send 20 too', async ({ page }) => {
  await page.goto('/');
  await expect(node(page, 'node-1')).toBeVisible();
  await page.getByRole('tab', { name: 'Packets' }).click();
  await expect(form(page).getByLabel('From', { exact: true })).toHaveValue('curl');
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByRole('menuitem', { name: /^Lesson 4: / }).click();
  // The lesson is open (its content is fetched on demand first) before the learner turns to the send form.
  await expect(page.getByRole('complementary', { name: 'Lesson', exact: true }).getByRole('heading', { name: 'A ClusterIP Service and DNS' })).toBeVisible();
  await page.getByRole('tab', { name: 'Packets' }).click();
  await form(page).getByLabel('To', { exact: true }).fill('web:80');
  await form(page).getByRole('button', { name: 'Send', exact: true }).click();
  await expect(form(page)).not.toContainText('unknown source');
  await expect(verdict(page)).toContainText('Delivered');
  await form(page)
    .getByRole('button', { name: /^Send \d+/ })
    .click();
  await expect(form(page)).not.toContainText('unknown source');
});

test('bug: a duplicate address names the element that holds it', async ({ page }) => {
  await page.goto('/');
  await node(page, 'node-1').locator('.cnode-header').click();
  await commitField(inspector(page).getByLabel('eth0 IP', { exact: true }), '192.168.1.11');
  await expect(inspector(page).getByRole('alert')).toHaveText('192.168.1.11 is already used by node-2 on rack-a');
});

test('bug: an out-of-range number says the field range in words; the field is outlined and the problems list counts it', async ({ page }) => {
  await page.goto('/');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  const prefix = inspector(page).getByLabel('Pod CIDR prefix per node');
  await commitField(prefix, '31');
  const alert = inspector(page).getByRole('alert');
  await expect(alert).toHaveText('must be a whole number from 8 to 30 (not 31)');
  await expect(alert).not.toContainText('Too big');
  await expect(prefix).toHaveAttribute('aria-invalid', 'true');
  expect(await prefix.evaluate((e) => getComputedStyle(e).outlineStyle)).toBe('solid');
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).not.toContainText('none');
  await expect(problems).toContainText('1 error');
  await expect(problems.getByTestId('refused-edit')).toContainText('Pod CIDR prefix per node: must be a whole number from 8 to 30 (not 31)');
  await page.screenshot({ path: test.info().outputPath('field-error.png') });
  // Escape reverts the field: the error and its count go.
  await prefix.press('Escape');
  await expect(problems).toContainText('none');
});

test('bug: web:abc is a form error, not a dropped packet; the packet list names senders by their current names', async ({ page }) => {
  await page.goto('/');
  await send(page, /^pod curl /, 'web:abc');
  await expect(form(page).getByRole('alert')).toContainText('abc is not a port');
  await expect(verdict(page)).toHaveCount(0);
  await send(page, /^pod curl /, 'web:80');
  await send(page, /^pod curl /, '10.96.0.2:80');
  await node(page, 'curl').click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await commitField(inspector(page).getByLabel('Name', { exact: true }), 'shell');
  await page.getByRole('tab', { name: 'Packets' }).click();
  const options = await hops(page).getByLabel('Packet').locator('option').allTextContents();
  expect(options).toEqual(['#1 shell → web:80', '#2 shell → 10.96.0.2:80']);
});
