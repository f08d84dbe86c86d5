import type { Page, Route } from '@playwright/test';

/** Refuse requests for the chunk whose file name starts with `name-` until `release()` is called. */
export async function blockChunk(page: Page, name: string): Promise<{ release(): Promise<void> }> {
  const pattern = new RegExp(`/assets/${name}-[^/]+\\.js$`);
  const handler = (route: Route) => route.abort('internetdisconnected');
  await page.route(pattern, handler);
  return { release: () => page.unroute(pattern, handler) };
}
