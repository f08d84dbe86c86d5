/** Switching the interface language re-words what is already on screen, not only what comes next. */
import { test, expect } from '@playwright/test';

test.use({ locale: 'en-US' });

test('a notice shown before switching to 简体中文 is re-worded in Chinese', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page
    .getByRole('menu', { name: 'Lessons' })
    .getByRole('menuitem', { name: /^Lesson 3: / })
    .click();
  const notice = page.getByRole('status').filter({ hasText: 'lesson 3' });
  await expect(notice).toContainText('Opened lesson 3');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByText('已打开第 3 课')).toBeVisible();
  await expect(page.getByText('Opened lesson 3')).toHaveCount(0);
});
