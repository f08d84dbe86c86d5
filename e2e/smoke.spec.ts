import { test, expect } from '@playwright/test';

test('the app opens on the default scenario, drawn on the canvas, with no problems', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Kube Network Playground' })).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="node-1"]')).toContainText('192.168.1.10');
  await expect(page.locator('.react-flow__node[data-id="web-1"]')).toContainText('10.244.0.3');
  await expect(page.locator('.react-flow__edge[data-id="veth:web-1"]')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge[data-id="eth0:node-1"]')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge[data-id="if:core-router:rack-a"]')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge[data-id="ep:web:web-3"]')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('none');
  await page.screenshot({ path: test.info().outputPath('smoke.png') });
  expect(errors).toEqual([]);
});
