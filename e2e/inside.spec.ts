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

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node[data-id="web-3"]')).toBeVisible();
});

test("a hop's matched iptables rule opens the node's Inside view at that line, highlighted", async ({ page }) => {
  await send(page, 'pod curl (10.244.0.2)', '10.96.0.2:80');
  const ins = inspector(page);
  await expect(ins.getByTestId('verdict')).toContainText('Delivered');
  await page
    .getByRole('button', { name: 'Pause' })
    .click()
    .catch(() => undefined);
  const dnat = ins.locator('li.hop-dnat').first();
  // Open the DNAT hop: its matched entries and their links show.
  await dnat.locator('button.hop-button').click();
  const rule = (await dnat.locator('code.match', { hasText: 'DNAT --to-destination' }).first().innerText()).replace(/^\[[^\]]*\]\s*/, '');
  const sep = /^-A (KUBE-SEP-\S+)/.exec(rule)![1]!;
  await dnat.getByRole('link', { name: `Show the ${sep} entry in iptables-save on node-1` }).click();

  // The Inside tab opens on the node that applied the DNAT, at iptables-save, with that rule lit.
  await expect(page.getByRole('tab', { name: 'Inside' })).toHaveAttribute('aria-selected', 'true');
  const view = page.getByRole('region', { name: 'Inside node-1' });
  await expect(view.getByRole('tab', { name: 'iptables-save' })).toHaveAttribute('aria-selected', 'true');
  const lit = view.locator('[data-highlighted="true"]');
  await expect(lit).toHaveCount(1);
  await expect(lit.locator('.inside-text')).toHaveText(rule);
  await expect(lit).toBeInViewport();
  // The line says which hop used it, and going there selects that hop.
  const use = lit.getByRole('button', { name: /^Used by hop \d+ of packet / });
  await expect(use).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('inside-iptables.png') });
  await use.click();
  await page.getByRole('tab', { name: 'Packets' }).click();
  await expect(ins.locator('li[aria-current="step"]')).toHaveClass(/hop-dnat/);

  // Other tabs print the real tools' output for the same node.
  await page.getByRole('tab', { name: 'Inside' }).click();
  await view.getByRole('tab', { name: 'ip route' }).click();
  await expect(view.getByTestId('inside-output')).toContainText('proto kernel scope link src');
  await view.getByRole('tab', { name: 'conntrack -L' }).click();
  await expect(view.getByTestId('inside-output')).toContainText(/tcp {6}6 431999 ESTABLISHED src=10\.244\.0\.2 dst=10\.96\.0\.2 sport=\d+ dport=80 /);
});

test("a pod's Inside view shows its namespace: ip addr, ip route, resolv.conf", async ({ page }) => {
  await page.locator('.react-flow__node[data-id="web-3"]').click();
  await page.getByRole('tab', { name: 'Inside' }).click();
  const view = page.getByRole('region', { name: 'Inside web-3' });
  await expect(view.getByTestId('inside-output')).toContainText(/2: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450/);
  await view.getByRole('tab', { name: 'ip route' }).click();
  await expect(view.getByTestId('inside-output')).toContainText('default via 10.244.2.1 dev eth0');
  await view.getByRole('tab', { name: 'cat /etc/resolv.conf' }).click();
  await expect(view.getByTestId('inside-output')).toContainText('options ndots:5');
  await page.screenshot({ path: test.info().outputPath('inside-pod.png') });
});

test("the cluster hairpinMode control turns the bridge ports' hairpin off, as bridge -d link prints it", async ({ page }) => {
  // Nothing selected: the inspector shows the cluster settings, with the bridge plugin's hairpinMode (on, as kube-flannel sets it).
  await page.getByRole('tab', { name: 'Inspector' }).click();
  const hairpin = page.getByLabel(/^hairpinMode/);
  await expect(hairpin).toBeChecked();
  await hairpin.uncheck();
  await expect(hairpin).not.toBeChecked();
  await page.locator('.react-flow__node[data-id="node-1"]').click({ position: { x: 40, y: 12 } });
  await page.getByRole('tab', { name: 'Inside' }).click();
  const view = page.getByRole('region', { name: 'Inside node-1' });
  await view.getByRole('tab', { name: 'bridge -d link' }).click();
  await expect(view.getByTestId('inside-output')).toContainText('hairpin off');
  await expect(view.getByTestId('inside-output')).not.toContainText('hairpin on');
  await page.screenshot({ path: test.info().outputPath('inside-hairpin-off.png') });
  // Undo puts it back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(view.getByTestId('inside-output')).toContainText('hairpin on');
});

test('a load balancer in vip mode: the node catches its IP with kube-proxy\'s "loadbalancer IP" rule, highlighted in iptables-save', async ({ page }) => {
  await page.locator('.react-flow__node[data-id="web-lb"]').click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page.getByLabel('Hands connections to the nodes').selectOption('vip');
  await expect(page.getByText(/KUBE-SERVICES rule "-d <LB IP> … -j KUBE-EXT-…" takes it/)).toBeVisible();
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await send(page, 'laptop (203.0.113.50)', '203.0.113.100:80');
  const ins = inspector(page);
  await expect(ins.getByTestId('verdict')).toContainText('Delivered');
  await page
    .getByRole('button', { name: 'Pause' })
    .click()
    .catch(() => undefined);
  const dnat = ins.locator('li.hop-dnat').first();
  await dnat.locator('button.hop-button').click();
  const rule = dnat.locator('code.match', { hasText: 'loadbalancer IP' }).first();
  await expect(rule).toContainText(
    '-A KUBE-SERVICES -d 203.0.113.100/32 -p tcp -m comment --comment "default/web:http loadbalancer IP" -m tcp --dport 80 -j KUBE-EXT-',
  );
  // The DNAT happens on the node the balancer picked: its Inside view opens at that rule.
  const link = dnat.getByRole('link', { name: /^Show the KUBE-SERVICES entry in iptables-save on node-\d$/ }).first();
  const name = /on (node-\d)$/.exec((await link.getAttribute('aria-label')) ?? '')![1]!;
  await link.click();
  const view = page.getByRole('region', { name: `Inside ${name}` });
  const lit = view.locator('[data-highlighted="true"]');
  await expect(lit.first()).toContainText('loadbalancer IP');
  await expect(lit.first()).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('inside-lb-vip.png') });
});

test('IPVS mode: the reply is un-NATed by IPVS, and its hop links to the connection in ipvsadm -Lnc', async ({ page }) => {
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page.getByLabel('kube-proxy mode').selectOption('ipvs');
  await send(page, 'pod curl (10.244.0.2)', '10.96.0.2:80');
  const ins = inspector(page);
  await expect(ins.getByTestId('verdict')).toContainText('Delivered');
  await page
    .getByRole('button', { name: 'Pause' })
    .click()
    .catch(() => undefined);
  // The request: PREROUTING -> local route -> INPUT (KUBE-IPVS-FILTER) as one step, then IPVS at LOCAL_IN.
  const dnat = ins.locator('li.hop-dnat').first();
  await dnat.locator('button.hop-button').click();
  await expect(dnat).toContainText('takes the packet at LOCAL_IN');
  // The reply: IPVS rewrites the source back to the virtual server from its own table.
  const unnat = ins.locator('li.hop-unnat').first();
  await unnat.locator('button.hop-button').click();
  await expect(unnat).toContainText('un-NATs the reply itself');
  await unnat.getByRole('link', { name: /^Show the ipvs entry in ipvsadm -Lnc on node-\d$/ }).click();
  const lit = page.locator('[data-highlighted="true"]');
  await expect(lit).toHaveCount(1);
  await expect(lit.locator('.inside-text')).toHaveText(/^TCP 14:59 {2}ESTABLISHED 10\.244\.0\.2:\d+ +10\.96\.0\.2:80 +10\.244\.\d+\.\d+:8080$/);
  await page.screenshot({ path: test.info().outputPath('inside-ipvs-conns.png') });
});
