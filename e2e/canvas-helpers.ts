/** What the canvas specs do with the mouse: find elements, drop palette items, drag cards. */
import type { Page, Locator } from '@playwright/test';

export const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
export const edge = (page: Page, id: string) => page.locator(`.react-flow__edge[data-id="${id}"]`);
export const palette = (page: Page, kind: string) => page.locator(`.palette-item[data-kind="${kind}"]`);

/** Drag a palette item and drop it on the canvas pane at a point of an element's box (fractions of its size). */
export async function dropOnto(page: Page, kind: string, target: Locator, fx = 0.5, fy = 0.5) {
  const pane = page.locator('.react-flow__pane');
  const box = (await target.boundingBox())!;
  const paneBox = (await pane.boundingBox())!;
  await palette(page, kind).dragTo(pane, {
    targetPosition: { x: box.x - paneBox.x + box.width * fx, y: box.y - paneBox.y + box.height * fy },
    force: true,
  });
}

/** Press and move the mouse in steps, as a user drags a canvas element. */
export async function dragElement(page: Page, from: Locator, to: { x: number; y: number }) {
  const b = (await from.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + Math.min(14, b.height / 2));
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2 + 10, b.y + 20, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

export async function centre(l: Locator) {
  const b = (await l.boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}
