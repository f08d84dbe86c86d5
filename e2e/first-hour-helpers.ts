/** Steps shared by the first-hour specs (issue 11): sending from the Packets form, palette drops, File → New. */
import { expect, type Locator, type Page } from '@playwright/test';

export const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
export const palette = (page: Page, kind: string) => page.locator(`.palette-item[data-kind="${kind}"]`);
export const hops = (page: Page) => page.getByRole('region', { name: 'Hops' });
export const verdict = (page: Page) => hops(page).getByTestId('verdict');
export const form = (page: Page) => page.getByRole('form', { name: 'Send a packet' });
export const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

export async function send(page: Page, from: RegExp | string, to: string) {
  await page.getByRole('tab', { name: 'Packets' }).click();
  const select = form(page).getByLabel('From', { exact: true });
  if (typeof from === 'string') await select.selectOption({ label: from });
  else {
    const label = (await select.locator('option').allTextContents()).find((o) => from.test(o));
    expect(label, `a sender matching ${from}`).toBeTruthy();
    await select.selectOption({ label: label! });
  }
  await form(page).getByLabel('To', { exact: true }).fill(to);
  await form(page).getByRole('button', { name: 'Send', exact: true }).click();
}

/** Drag a palette item onto the canvas at a point of a target's box (fractions of its size). */
export async function dropOnto(page: Page, kind: string, target: Locator, fx = 0.5, fy = 0.5) {
  const pane = page.locator('.react-flow__pane');
  const box = (await target.boundingBox())!;
  const paneBox = (await pane.boundingBox())!;
  await palette(page, kind).dragTo(pane, {
    targetPosition: { x: box.x - paneBox.x + box.width * fx, y: box.y - paneBox.y + box.height * fy },
    force: true,
  });
}

/** The element is wholly inside the canvas's visible area (after any camera glide). */
export async function expectInCanvas(page: Page, element: Locator) {
  const canvas = (await page.getByRole('region', { name: 'Network canvas' }).boundingBox())!;
  await expect
    .poll(async () => {
      const b = await element.boundingBox();
      return !!b && b.x >= canvas.x && b.y >= canvas.y && b.x + b.width <= canvas.x + canvas.width && b.y + b.height <= canvas.y + canvas.height;
    })
    .toBe(true);
}

export async function fileNew(page: Page) {
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: /^New/ }).click();
  await expect(page.locator('.scenario-name')).toHaveText('Untitled scenario');
}

export async function commitField(field: Locator, text: string) {
  await field.fill(text);
  await field.press('Enter');
}
