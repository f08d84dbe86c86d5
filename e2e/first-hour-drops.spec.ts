/**
 * The first hour's drops and deletions, as a new user meets them at 1440x900: a drop that lands
 * somewhere else than where it was let go says where it went and why; a load balancer that changes a
 * Service's type says so and is one undo step; deleting a node with pods or a subnet with nodes says
 * how many elements went, with Undo; and Auto-layout lays the default scenario out readably.
 */
import { test, expect, type Page } from '@playwright/test';
import { commitField, inspector, node, palette } from './first-hour-helpers';

test.use({ viewport: { width: 1440, height: 900 } });

const notice = (page: Page) => page.getByTestId('notice');

/** Drop a palette item on an empty spot of the canvas: left of the Services, below the racks. */
async function dropOnEmptyCanvas(page: Page, kind: string) {
  const pane = page.locator('.react-flow__pane');
  const paneBox = (await pane.boundingBox())!;
  const rack = (await node(page, 'rack-a').boundingBox())!;
  const spot = { x: rack.x - paneBox.x + 20, y: rack.y + rack.height - paneBox.y + 90 };
  expect(spot.y).toBeLessThan(paneBox.height - 60);
  await palette(page, kind).dragTo(pane, { targetPosition: spot, force: true });
}

async function open(page: Page) {
  await page.goto('/');
  await expect(node(page, 'node-1')).toBeVisible();
}

test('a client, a load balancer and a node dropped outside every subnet say where they went and why', async ({ page }) => {
  await open(page);
  await dropOnEmptyCanvas(page, 'client');
  await expect(notice(page)).toContainText('laptop-1 went into subnet rack-a, the nearest to where you dropped it: it needs a subnet for its address.');
  await expect(node(page, 'client-1')).toBeVisible();
  await expect(node(page, 'client-1')).toContainText('192.168.1.');
  // Undone, rack-a is its own size again for the next drop.
  await page.getByRole('button', { name: '↶ Undo' }).click();
  await expect(node(page, 'client-1')).toHaveCount(0);

  await dropOnEmptyCanvas(page, 'node');
  await expect(notice(page)).toContainText('node-4 went into subnet rack-a, the nearest to where you dropped it: it needs a subnet for its address.');
  await expect(node(page, 'node-4')).toBeVisible();
  await page.getByRole('button', { name: '↶ Undo' }).click();
  await expect(node(page, 'node-4')).toHaveCount(0);

  // A load balancer onto no Service and no subnet: it fronts the LoadBalancer Service web and goes
  // where the outside clients are.
  await dropOnEmptyCanvas(page, 'loadBalancer');
  await expect(notice(page)).toContainText("went into subnet internet, where the outside clients are: a cloud load balancer's public IP lives on a subnet.");
  const lbName = (await notice(page).textContent())!.split(' ')[0]!;
  expect(lbName).toBe('web-lb-2');
  const lb = page.getByRole('group', { name: new RegExp(`^Load balancer ${lbName}\\b`) });
  await expect(lb).toContainText('203.0.113.');
  await expect(lb).toContainText('web');
  await page.screenshot({ path: test.info().outputPath('lb-placed.png') });
});

test('a load balancer dropped on a ClusterIP Service says the Service became type LoadBalancer; one Undo takes both back', async ({ page }) => {
  await open(page);
  // A ClusterIP Service of the user's own, selecting web's pods.
  await dropOnEmptyCanvas(page, 'service');
  await expect(inspector(page).getByRole('heading', { name: 'svc-1' })).toBeVisible();
  await commitField(inspector(page).getByLabel('Selector'), 'app=web');
  await expect(node(page, 'svc-1')).toContainText('ClusterIP');
  await expect(node(page, 'svc-1')).toContainText('3 endpoints');

  const svc = (await node(page, 'svc-1').boundingBox())!;
  await palette(page, 'loadBalancer').dragTo(page.locator('.react-flow__pane'), {
    targetPosition: {
      x: svc.x + svc.width / 2 - (await page.locator('.react-flow__pane').boundingBox())!.x,
      y: svc.y + svc.height / 2 - (await page.locator('.react-flow__pane').boundingBox())!.y,
    },
    force: true,
  });
  await expect(notice(page)).toContainText('Service svc-1 is now type LoadBalancer (it was ClusterIP): the cloud load balancer forwards to its NodePorts.');
  await expect(node(page, 'svc-1')).toContainText('LoadBalancer');
  const lb = page.locator('.react-flow__node-loadBalancer', { hasText: 'svc-1-lb' });
  await expect(lb).toContainText('203.0.113.');
  await page.screenshot({ path: test.info().outputPath('service-type-changed.png') });

  await notice(page).getByRole('button', { name: 'Undo' }).click();
  await expect(lb).toHaveCount(0);
  await expect(node(page, 'svc-1')).toContainText('ClusterIP');
  await expect(node(page, 'svc-1')).not.toContainText('LoadBalancer');
  // One step: the next Undo takes back the selector, not a half of the load balancer.
  await page.getByRole('button', { name: '↶ Undo' }).click();
  await expect(node(page, 'svc-1')).toContainText('0 endpoints');
});

test('deleting a node with pods, or a subnet with nodes, says "Deleted N elements" with Undo, which brings them all back', async ({ page }) => {
  await open(page);
  // node-3 runs web-3 and the ingress-nginx controller pod.
  await node(page, 'node-3').locator('.cnode-header').click();
  await page.getByRole('button', { name: 'Delete', exact: true }).first().click();
  await expect(notice(page)).toContainText('Deleted 3 elements');
  await expect(node(page, 'node-3')).toHaveCount(0);
  await expect(node(page, 'web-3')).toHaveCount(0);
  await notice(page).getByRole('button', { name: 'Undo' }).click();
  await expect(node(page, 'node-3')).toBeVisible();
  await expect(node(page, 'web-3')).toBeVisible();
  await expect(node(page, 'ingress-nginx-controller')).toBeVisible();

  // rack-a holds node-1 (curl, web-1, coredns-1) and node-2 (web-2, coredns-2).
  await node(page, 'rack-a').locator('.subnet-bar').click();
  await page.getByRole('button', { name: 'Delete', exact: true }).first().click();
  await expect(notice(page)).toContainText('Deleted 8 elements');
  await page.screenshot({ path: test.info().outputPath('deleted-n.png') });
  await expect(node(page, 'node-1')).toHaveCount(0);
  await notice(page).getByRole('button', { name: 'Undo' }).click();
  for (const id of ['rack-a', 'node-1', 'node-2', 'curl', 'web-1', 'web-2']) await expect(node(page, id)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('none');
});

test('Auto-layout lays the default scenario out readably at 1440x900, near the zoom of its hand layout', async ({ page }) => {
  await open(page);
  const zoom = () => page.locator('.react-flow__viewport').evaluate((v) => new DOMMatrix(getComputedStyle(v).transform).a);
  const hand = await zoom();
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await expect.poll(zoom).not.toBe(hand);
  await page.waitForTimeout(400);
  const auto = await zoom();
  await page.screenshot({ path: test.info().outputPath('auto-layout.png') });
  expect(auto).toBeGreaterThanOrEqual(hand * 0.9);
  // Every host, pod and Service in view.
  const canvas = (await page.getByRole('region', { name: 'Network canvas' }).boundingBox())!;
  for (const id of ['core-router', 'node-1', 'node-2', 'node-3', 'curl', 'web-1', 'web-2', 'web-3', 'web', 'shop', 'laptop']) {
    const b = (await node(page, id).boundingBox())!;
    expect(b.x >= canvas.x && b.y >= canvas.y && b.x + b.width <= canvas.x + canvas.width && b.y + b.height <= canvas.y + canvas.height, `${id} in view`).toBe(
      true,
    );
  }
  // Pods drawn as cards with their names (not the far-out tiles).
  await expect(node(page, 'web-1').locator('.pod-name')).toBeVisible();
  expect(auto).toBeGreaterThanOrEqual(0.5);
});
