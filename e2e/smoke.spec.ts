import { test, expect } from '@playwright/test';

test('the app opens and traces the example packet', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Kube Network Playground' })).toBeVisible();
  await page.getByRole('button', { name: /Send packet/ }).click();
  await expect(page.getByRole('status')).toHaveText('verdict: delivered');
  await expect(page.getByRole('list', { name: 'hops' })).toContainText('UDP 8472 VNI 1');
  await page.screenshot({ path: test.info().outputPath('smoke.png') });
});
