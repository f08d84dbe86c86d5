/**
 * NetworkPolicy and Calico as a user meets them: a Calico cluster opened from a link in each pool
 * mode, a packet a policy drops (naming the policies), the what-if fix and its undo, the policy's
 * YAML view, the reachability matrix, and flannel ignoring the same policies.
 */
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { calicoIpamState, type Scenario } from '../src/sim/index';
import { parseScenarioJson } from '../src/sim/editing';
import { encodeShareLink } from '../src/io/share-link';
import { policyCluster } from '../bench/policy-cluster';

function example(edit: (s: Scenario) => void = () => {}): Scenario {
  const r = parseScenarioJson(readFileSync(new URL('../examples/calico-policy.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('examples/calico-policy.json does not parse');
  const s = structuredClone(r.scenario);
  edit(s);
  return s;
}

async function open(page: Page, s: Scenario) {
  const link = encodeShareLink(s);
  if (!link.ok) throw new Error('link');
  await page.goto(`/${link.hash}`);
  await expect(page.locator('.react-flow__node[data-id="db"]')).toBeVisible();
}

/** `from` is the start of an option's label: pod addresses come from Calico IPAM and differ by mode. */
async function send(page: Page, from: string, to: string) {
  await page.getByRole('tab', { name: 'Packets' }).click();
  const form = page.getByRole('form', { name: 'Send a packet' });
  const label = (await form.getByLabel('From', { exact: true }).locator('option', { hasText: from }).first().textContent())!;
  await form.getByLabel('From', { exact: true }).selectOption({ label });
  await form.getByLabel('To', { exact: true }).fill(to);
  await form.getByRole('button', { name: 'Send', exact: true }).click();
}

const inspector = (page: Page) => page.getByRole('region', { name: 'Hops' });
const FRONTEND = 'pod shop/frontend (10.244.';

for (const [mode, crossSubnet, expected] of [
  ['ipip', false, 'IPIP (proto 4)'],
  ['vxlan', false, '192.168.2.10:4789 UDP VXLAN VNI 4096'],
  // node-3's block (Calico IPAM hands it out of the pool) through the gateway.
  ['bgp', false, `${calicoIpamState(example((s) => (s.cluster.calicoMode = 'bgp')))!.blocks.get('node-3')![0]} via 192.168.1.1 dev eth0 proto bird`],
  ['ipip', true, 'IPIP (proto 4)'],
] as const) {
  test(`Calico ${mode}${crossSubnet ? ' CrossSubnet' : ''}: a pod reaches a pod on another subnet the way the mode says`, async ({ page }) => {
    await open(
      page,
      example((s) => {
        s.networkPolicies = [];
        s.cluster.calicoMode = mode;
        s.cluster.crossSubnet = crossSubnet;
        s.routers[0]!.bgpPeer = true;
      }),
    );
    await send(page, FRONTEND, 'db:5432');
    await expect(inspector(page).getByTestId('verdict')).toContainText('Delivered');
    // Hop details show for the selected hop: the pod's only route is via 169.254.1.1 ...
    await inspector(page)
      .getByRole('button', { name: /send at frontend/ })
      .first()
      .click();
    await expect(inspector(page)).toContainText('default via 169.254.1.1 dev eth0');
    // ... and node-1's route (and the outer header, if any) is the mode's.
    await inspector(page)
      .getByRole('button', { name: /route at node-1/ })
      .first()
      .click();
    await expect(inspector(page)).toContainText(expected);
    // The cluster settings show the mode.
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await expect(page.getByLabel('CNI plugin')).toHaveValue('calico');
    await expect(page.getByLabel('Calico mode')).toHaveValue(mode);
    await page.screenshot({ path: test.info().outputPath(`calico-${mode}${crossSubnet ? '-crosssubnet' : ''}.png`) });
  });
}

test('Calico BGP without the router as a BGP peer: the router has no route to the pod block', async ({ page }) => {
  await open(
    page,
    example((s) => ((s.networkPolicies = []), (s.cluster.calicoMode = 'bgp'))),
  );
  await send(page, FRONTEND, 'db:5432');
  await expect(inspector(page).getByTestId('verdict')).toContainText('Dropped (no-route)');
  await expect(inspector(page).getByTestId('verdict')).toContainText('does not peer with them');
  // Make the router a BGP peer in its inspector: it learns the /26 blocks and the packet crosses it.
  await page.locator('.react-flow__node[data-id="core"]').click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page.getByLabel('BGP peer of the Calico nodes').check();
  await send(page, FRONTEND, 'db:5432');
  await expect(inspector(page).getByTestId('verdict')).toContainText('Delivered');
});

test('Calico BGP with the node-to-node mesh off: no node learns a route until a node is made a route reflector', async ({ page }) => {
  await open(
    page,
    example((s) => ((s.networkPolicies = []), (s.cluster.calicoMode = 'bgp'), (s.cluster.bgpMesh = false))),
  );
  // frontend (node-1) and api (node-2) share rack-a: without BGP routes node-1 uses its default route.
  await send(page, FRONTEND, 'api:8080');
  await expect(inspector(page).getByTestId('verdict')).toContainText('Dropped (no-route)');
  await expect(inspector(page).getByTestId('verdict')).toContainText('the node-to-node BGP mesh is off and no node is a route reflector');
  // The cluster setting says what the mesh is.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await expect(page.getByLabel('BGP node-to-node mesh')).not.toBeChecked();
  // Make node-3 a route reflector in its inspector: every node learns every block through it.
  await page.locator('.react-flow__node[data-id="node-3"] .cnode-header').click();
  await page.getByLabel('BGP route reflector').check();
  await send(page, FRONTEND, 'api:8080');
  await expect(inspector(page).getByTestId('verdict')).toContainText('Delivered');
  await inspector(page)
    .getByRole('button', { name: /route at node-1/ })
    .first()
    .click();
  await expect(inspector(page)).toContainText('via 192.168.1.11 dev eth0 proto bird');
  await page.screenshot({ path: test.info().outputPath('calico-route-reflector.png') });
});

test('a policy drop names the policies; the what-if rule allows it in one click, and undo takes it back', async ({ page }) => {
  await open(page, example());
  await send(page, FRONTEND, 'db:5432');
  const verdict = inspector(page).getByTestId('verdict');
  await expect(verdict).toContainText('Dropped (policy-denied)');
  const denied = inspector(page).getByTestId('policy-denied');
  await expect(denied).toContainText('Denied on the way out');
  await expect(denied).toContainText('shop/default-deny-all, shop/allow-dns, shop/frontend-to-api');
  await expect(inspector(page).getByTestId('whatif-rule')).toHaveText('shop/frontend-to-api egress: to podSelector app=db, port TCP 5432');
  await page.screenshot({ path: test.info().outputPath('policy-denied.png') });

  // Allow it: the rule is added and the packet sent again; now db's own ingress policy is the one in the way.
  await inspector(page).getByTestId('whatif-apply').click();
  await expect(denied).toContainText('Denied on the way in');
  await expect(inspector(page).getByTestId('whatif-rule')).toHaveText('shop/db-from-api ingress: from podSelector app=frontend, port TCP 5432');
  await inspector(page).getByTestId('whatif-apply').click();
  await expect(verdict).toContainText('Delivered');
  // The allowing rule is the policy hop's match: open the hop at node-3 to read it.
  await inspector(page)
    .getByRole('button', { name: /policy at node-3/ })
    .first()
    .click();
  await expect(inspector(page)).toContainText('shop/db-from-api ingress[1]: from podSelector app=frontend, port TCP 5432');

  // Two undo steps take both rules back; sending again is denied as at first.
  await page.getByRole('button', { name: /Undo/ }).click();
  await page.getByRole('button', { name: /Undo/ }).click();
  await send(page, FRONTEND, 'db:5432');
  await expect(inspector(page).getByTestId('verdict')).toContainText('Dropped (policy-denied)');
  await expect(inspector(page).getByTestId('policy-denied')).toContainText('Denied on the way out');
});

test('the Policies tab shows each policy as a form and as YAML; a YAML edit is applied or refused with its reason', async ({ page }) => {
  await open(page, example());
  await page.getByRole('tab', { name: 'Policies' }).click();
  const panel = page.getByRole('region', { name: 'NetworkPolicies' });
  await expect(panel).toContainText('Calico enforces these policies');
  await panel.getByRole('button', { name: /shop\/frontend-to-api/ }).click();
  await expect(panel.getByLabel('Pod selector (matchLabels)')).toHaveValue('app=frontend');
  await expect(panel).toContainText('egress[0] to podSelector app=api; TCP 8080');
  const yaml = panel.getByLabel(/^YAML/);
  await expect(yaml).toHaveValue(/kind: NetworkPolicy\nmetadata:\n {2}name: frontend-to-api\n {2}namespace: shop/);
  // A broken edit is refused with the field named; the scenario keeps the policy as it was.
  await yaml.fill((await yaml.inputValue()).replace('port: 8080', 'port: 8080\n          endPort: 80'));
  await panel.getByRole('button', { name: 'Apply YAML' }).click();
  await expect(panel.getByRole('alert')).toContainText('endPort needs a numeric port and must not be below it');
  // A good edit: open 8080-8090.
  await yaml.fill((await yaml.inputValue()).replace('endPort: 80\n', 'endPort: 8090\n'));
  await panel.getByRole('button', { name: 'Apply YAML' }).click();
  await expect(panel).toContainText('egress[0] to podSelector app=api; TCP 8080-8090');
  await page.screenshot({ path: test.info().outputPath('policies-tab.png') });
  // The form edits the same policy: the pod selector.
  await panel.getByLabel('Pod selector (matchLabels)').fill('app=frontend, tier=web');
  await panel.getByLabel('Pod selector (matchLabels)').press('Enter');
  await expect(yaml).toHaveValue(/tier: web/);
});

test('the reachability matrix traces every pod to every pod and Service in a worker; a cell opens its trace', async ({ page }) => {
  await open(page, example());
  await page.getByRole('tab', { name: 'Policies' }).click();
  await page.getByTestId('open-matrix').click();
  const dialog = page.getByRole('dialog', { name: 'Reachability matrix' });
  await expect(dialog.getByTestId('matrix-status')).toContainText('60 traces in');
  await expect(dialog.getByTestId('matrix-cell')).toHaveCount(60);
  const allowed = dialog.locator('[data-testid="matrix-cell"][data-from="frontend"][data-to="api"]');
  await expect(allowed).toHaveAttribute('data-verdict', 'allowed');
  await expect(allowed).toHaveAttribute('title', /allowed by shop\/frontend-to-api egress\[0\]/);
  const denied = dialog.locator('[data-testid="matrix-cell"][data-from="frontend"][data-to="db"]');
  await expect(denied).toHaveAttribute('data-verdict', 'denied');
  await expect(denied).toHaveAttribute('title', /denied by the sender's egress policies shop\/default-deny-all/);
  await page.screenshot({ path: test.info().outputPath('matrix.png') });
  await denied.click();
  await expect(dialog).toHaveCount(0);
  await expect(inspector(page).getByTestId('verdict')).toContainText('Dropped (policy-denied)');
  // One port for every target.
  await page.getByRole('tab', { name: 'Policies' }).click();
  await page.getByTestId('open-matrix').click();
  await dialog.getByLabel('Port', { exact: true }).fill('8080');
  await dialog.getByRole('button', { name: 'Trace all' }).click();
  await expect(dialog.getByTestId('matrix-status')).toContainText('traces in');
  await expect(dialog.locator('[data-testid="matrix-cell"][data-from="frontend"][data-to="db"]')).toHaveAttribute('title', /:8080/);
});

test('a 100-pod matrix (10,100 cells) fills in while the page stays usable, and scrolls to its far corner', async ({ page }) => {
  const link = encodeShareLink(policyCluster(100));
  if (!link.ok) throw new Error('link');
  await page.goto(`/${link.hash}`);
  await expect(page.locator('.react-flow__node[data-id="node-0"]')).toBeVisible();
  await page.getByRole('tab', { name: 'Policies' }).click();
  await page.getByTestId('open-matrix').click();
  const dialog = page.getByRole('dialog', { name: 'Reachability matrix' });
  await expect(dialog.getByTestId('matrix-status')).toContainText('10100 traces in', { timeout: 60_000 });
  const grid = dialog.getByTestId('matrix');
  await expect(grid).toHaveAttribute('data-rows', '100');
  await expect(grid).toHaveAttribute('data-cols', '101');
  // Only the cells in view are in the page (the grid is windowed), not all 10,100.
  const shown = await dialog.getByTestId('matrix-cell').count();
  expect(shown).toBeGreaterThan(200);
  expect(shown).toBeLessThan(3000);
  // The last pod to the kube-dns Service (the last column), out of view until scrolled there: TCP to
  // port 53 is denied, as allow-dns opens only UDP 53.
  const corner = dialog.locator('[data-testid="matrix-cell"][data-from="p97"][data-to="kube-dns"]');
  await expect(corner).toHaveCount(0);
  await grid.evaluate((el) => el.scrollTo(el.scrollWidth, el.scrollHeight));
  await expect(corner).toHaveAttribute('data-verdict', 'denied');
  await expect(corner).toHaveAttribute(
    'aria-label',
    /shop\/api-97 → kube-system\/kube-dns:53: denied by the sender's egress policies shop\/default-deny-all, shop\/allow-dns/,
  );
  await page.screenshot({ path: test.info().outputPath('matrix-100-corner.png') });
  await corner.click();
  await expect(inspector(page).getByTestId('verdict')).toContainText('Dropped (policy-denied)');
});

test('labelling a namespace makes a namespaceSelector match it (and the name label cannot be changed)', async ({ page }) => {
  // api's ingress rule also admits pods of namespaces labelled team=clients; none is, yet.
  await open(
    page,
    example((s) =>
      s.networkPolicies.find((p) => p.id === 'np-api-in')!.spec.ingress![0]!.from!.push({ namespaceSelector: { matchLabels: { team: 'clients' } } }),
    ),
  );
  const client = 'pod client (';
  await send(page, client, 'api:8080');
  await expect(inspector(page).getByTestId('verdict')).toContainText('Dropped (policy-denied)');
  await page.getByRole('tab', { name: 'Policies' }).click();
  const labels = page.getByRole('textbox', { name: 'Labels of namespace default' });
  await expect(labels).toHaveValue('');
  await labels.fill('team=clients');
  await labels.press('Enter');
  await expect(page.getByRole('region', { name: 'NetworkPolicies' })).toContainText('selected by shop/api-from-frontend ingress[0]');
  await page.screenshot({ path: test.info().outputPath('namespace-labels.png') });
  await send(page, client, 'api:8080');
  await expect(inspector(page).getByTestId('verdict')).toContainText('Delivered');
  // The control plane's own label is fixed.
  await page.getByRole('tab', { name: 'Policies' }).click();
  await labels.fill('team=clients, kubernetes.io/metadata.name=shop');
  await labels.press('Enter');
  await expect(page.getByRole('region', { name: 'NetworkPolicies' }).getByRole('alert')).toContainText(
    "is set by the control plane to the namespace's own name (default) and cannot be changed",
  );
  // Undo takes the label back: denied again.
  await labels.fill('team=clients');
  await labels.press('Enter');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(labels).toHaveValue('');
  await send(page, client, 'api:8080');
  await expect(inspector(page).getByTestId('verdict')).toContainText('Dropped (policy-denied)');
});

test('with flannel the same policies have no effect, and the trace says so once', async ({ page }) => {
  await open(page, example());
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page.getByLabel('CNI plugin').selectOption('flannel');
  await send(page, FRONTEND, 'db:5432');
  await expect(inspector(page).getByTestId('verdict')).toContainText('Delivered');
  await expect(inspector(page).getByTestId('policy-note')).toHaveCount(1);
  await expect(inspector(page).getByTestId('policy-note')).toContainText('flannel does not implement NetworkPolicy; this policy has no effect');
  await page.getByRole('tab', { name: 'Policies' }).click();
  await expect(page.getByRole('region', { name: 'NetworkPolicies' })).toContainText('flannel does not implement NetworkPolicy');
});
