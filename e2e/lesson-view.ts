/** Opening a lesson from the menu and waiting for its view to settle, as the packet-view specs need. */
import { expect, type Page } from '@playwright/test';
import type { Lesson } from '../src/lessons/index';

export async function openLesson(page: Page, lesson: Lesson) {
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page
    .getByRole('menu', { name: 'Lessons' })
    .getByRole('menuitem', { name: new RegExp(`^Lesson ${lesson.number}: `) })
    .click();
  await expect(page.getByRole('complementary', { name: 'Lesson' }).getByRole('heading', { name: lesson.title.en })).toBeVisible();
}

/** Wait until the viewport stops moving (the fit after opening a lesson is animated). */
export async function settled(page: Page) {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
        const same = now === last;
        last = now;
        return same;
      },
      { intervals: [150, 150, 150, 250] },
    )
    .toBe(true);
}
