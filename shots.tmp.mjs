import { chromium } from '@playwright/test';
const port = process.env.PORT ?? 4313;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
for (let n = 1; n <= 8; n++) {
  const page = await b.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForSelector('.react-flow__node[data-id="node-1"]');
  await page.getByRole('button', { name: 'Lessons' }).click();
  const item = page.getByRole('menu', { name: 'Lessons' }).getByRole('menuitem', { name: new RegExp(`^Lesson ${n}: `) });
  if (!(await item.count())) { await page.close(); continue; }
  await item.click();
  await page.waitForTimeout(900);
  const dismiss = page.getByTestId('notice').getByRole('button');
  if (await dismiss.count()) await dismiss.click();
  const btns = page.locator('[data-testid^="send-"]');
  const k = (await btns.count()) - 1;
  await btns.nth(k).click();
  await page.waitForTimeout(1800);
  await page.getByRole('button', { name: 'Pause' }).click({ timeout: 1000 }).catch(() => {});
  await page.waitForTimeout(600);
  await page.screenshot({ path: `/tmp/w13/lesson${n}-mid.png` });
  await page.close();
}
await b.close();
