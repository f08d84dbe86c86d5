/**
 * Kubernetes manifests in the app: File → Import manifests, paste the guestbook with a mistake, see
 * the problem beside the text with its line marked and the canvas untouched; fix it, import onto a
 * new cluster, trace frontend → redis-leader:6379; mark a pod not Ready in the inspector and see the
 * EndpointSlice and the drop say so; File → Export manifests downloads YAML.
 */
import { test, expect, type Page } from '@playwright/test';
import { GUESTBOOK_YAML } from '../src/io/manifests/testdata/guestbook';

async function openImport(page: Page) {
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: /Import manifests/ }).click();
  const dialog = page.getByTestId('manifest-dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

async function send(page: Page, from: RegExp, to: string) {
  await page.getByRole('tab', { name: 'Packets' }).click();
  const form = page.getByRole('form', { name: 'Send a packet' });
  const option = await form.getByLabel('From', { exact: true }).locator('option').filter({ hasText: from }).first().textContent();
  await form.getByLabel('From', { exact: true }).selectOption({ label: option! });
  await form.getByLabel('To', { exact: true }).fill(to);
  await form.getByRole('button', { name: 'Send', exact: true }).click();
}

const inspector = (page: Page) => page.getByRole('region', { name: 'Hops' });

test('paste manifests: errors beside the text with the line marked, nothing replaced until Import; then trace, readiness and export', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node[data-id="web-3"]')).toBeVisible();
  const name = await page.locator('.scenario-name').textContent();

  const dialog = await openImport(page);
  const broken = GUESTBOOK_YAML.replace('  - port: 6379\n    targetPort: 6379', '  - port: 70000\n    targetPort: 6379');
  const brokenLine = broken.split('\n').findIndex((l) => l.includes('port: 70000')) + 1;
  await dialog.getByTestId('manifest-text').fill(broken);
  const errors = dialog.getByTestId('manifest-errors');
  await expect(errors).toContainText(`Document 2 (Service/redis-leader), line ${brokenLine}`);
  await expect(errors).toContainText('spec.ports[0].port must be a whole number from 1 to 65535 (not 70000)');
  await expect(dialog.getByTestId('manifest-error-line')).toHaveAttribute('data-line', String(brokenLine));
  await expect(dialog.getByTestId('manifest-import')).toBeDisabled();
  // Clicking the problem selects its line in the text.
  await errors.getByRole('button').first().click();
  const selected = await dialog.getByTestId('manifest-text').evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
  expect(selected).toContain('port: 70000');
  await page.screenshot({ path: test.info().outputPath('manifest-errors.png') });
  // Cancel: the canvas is as it was.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.scenario-name')).toHaveText(name!);
  await expect(page.locator('.react-flow__node[data-id="web-3"]')).toBeVisible();

  // The fixed text, onto a new cluster.
  const again = await openImport(page);
  await again.getByTestId('manifest-text').fill(GUESTBOOK_YAML);
  await expect(again.getByTestId('manifest-summary')).toContainText('Deployment ×3, Service ×3');
  await again.getByLabel(/Replace the canvas with a new cluster/).check();
  await page.screenshot({ path: test.info().outputPath('manifest-ready.png') });
  await again.getByTestId('manifest-import').click();
  await expect(again).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText('onto a new cluster');
  await expect(page.locator('.react-flow__node[data-id="node-3"]')).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id^="pod-frontend-"]')).toHaveCount(3);

  // deployment/frontend's pod reaches redis-leader:6379 by name.
  await send(page, /^pod frontend-/, 'redis-leader:6379');
  await expect(inspector(page).getByTestId('verdict')).toContainText('Delivered');
  await page.screenshot({ path: test.info().outputPath('manifest-traced.png') });

  // Mark the redis-leader pod not Ready: its EndpointSlice shows it, and the Service rejects with the reason.
  await page.locator('.react-flow__node[data-id^="pod-redis-leader-"]').click();
  await page
    .getByRole('tab', { name: /Inspect/ })
    .click()
    .catch(() => undefined);
  await page.getByLabel('Readiness').selectOption('NotReady');
  await page.locator('.react-flow__node[data-id="svc-redis-leader"]').click();
  const slice = page.getByTestId('endpoint-slices');
  await expect(slice).toContainText('EndpointSlices');
  await expect(slice.getByTestId('slice-endpoint')).toHaveClass(/not-ready/);
  await page.screenshot({ path: test.info().outputPath('endpoint-slices.png') });
  await send(page, /^pod frontend-/, 'svc/redis-leader:6379');
  await expect(inspector(page).getByTestId('verdict')).toContainText('Dropped');
  await expect(inspector(page)).toContainText('1 pod is selected (app=redis,role=leader,tier=backend), none ready (1 not Ready)');

  // Export manifests: YAML that a re-import reads.
  await page.getByRole('button', { name: 'File' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /Export manifests/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('imported-manifests.yaml');
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(text).toContain('kind: Deployment');
  expect(text).toContain('name: frontend');
  expect(text).toContain('replicas: 3');
});

test('drop a .yaml file on the canvas: the dialog opens with it; a name clash asks what to do; onto the canvas cluster it is one undo step', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node[data-id="web-3"]')).toBeVisible();
  const before = await page.locator('.react-flow__node').count();
  const yaml = `apiVersion: v1
kind: Service
metadata: { name: web }
spec: { type: NodePort, selector: { app: web }, ports: [{ port: 80, targetPort: 8080 }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec: { replicas: 2, selector: { matchLabels: { app: api } }, template: { metadata: { labels: { app: api } }, spec: { containers: [{ name: api, image: example/api, ports: [{ containerPort: 9000 }] }] } } }
`;
  const dt = await page.evaluateHandle((text) => {
    const d = new DataTransfer();
    d.items.add(new File([text], 'shop.yaml', { type: 'application/yaml' }));
    return d;
  }, yaml);
  await page.locator('.react-flow').dispatchEvent('drop', { dataTransfer: dt });
  const dialog = page.getByTestId('manifest-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('manifest-text')).toHaveValue(yaml);
  await expect(dialog).toContainText('1 object already exists on the canvas: Service default/web');
  await dialog.getByLabel('Keep the canvas’s version').check();
  await expect(dialog.getByTestId('manifest-summary')).toContainText('Service ×1, Deployment ×1');
  await dialog.getByTestId('manifest-import').click();
  await expect(page.getByTestId('notice')).toContainText('Imported 2 objects from manifests');
  await expect(page.locator('.react-flow__node[data-id^="pod-shop.api-"]')).toHaveCount(2);
  await expect(page.locator('.react-flow__node')).toHaveCount(before + 2);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node')).toHaveCount(before);
});
