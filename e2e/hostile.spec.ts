import { test, expect } from '@playwright/test';

test('the page runs under its Content-Security-Policy, and the policy refuses an injected inline script', async ({ page }) => {
  const violations: string[] = [];
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.locator('.react-flow__node[data-id="node-1"]')).toBeVisible();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  // Send a packet: the app's own code paths run with no violation.
  await page.getByRole('tab', { name: 'Packets' }).click();
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
  // An inline script (what an injection would add) is refused.
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { __injected?: boolean };
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.appendChild(s);
    await new Promise((r) => setTimeout(r, 50));
    return w.__injected === true;
  });
  expect(ran).toBe(false);
});

test('damaged saved work is kept and offered as a download, and the first edit does not lose it', async ({ page }) => {
  const damaged = '{"v":1,"savedAt":"2025-01-01T00:00:00Z","scenario":{"version":1,"nodes":[{"id":';
  await page.addInitScript((text) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('kube-network-playground:saved-work:v1', text);
      sessionStorage.setItem('seeded', '1');
    }
  }, damaged);
  await page.goto('/');
  const banner = page.getByTestId('startup-banner');
  await expect(banner).toContainText('could not be read');
  const download = page.waitForEvent('download');
  await banner.getByTestId('download-damaged').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('damaged-saved-work.txt');
  const fs = await import('node:fs/promises');
  expect(await fs.readFile((await file.path())!, 'utf8')).toBe(damaged);
  // An edit is autosaved over the damaged save; its text stays kept and offered.
  await page.locator('.react-flow__node[data-id="web-1"]').click();
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node[data-id="web-1"]')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('kube-network-playground:saved-work:v1'))).not.toBe(damaged);
  expect(await page.evaluate(() => localStorage.getItem('kube-network-playground:saved-work-damaged:v1'))).toBe(damaged);
  await page.reload();
  await expect(page.locator('.react-flow__node[data-id="web-1"]')).toHaveCount(0);
});
