/**
 * What is under a point of the canvas (flow coordinates), from the committed layout: the cluster
 * node a pod is dropped on, the subnet a host is dropped in.
 */
import type { Scenario, Position } from '../../sim/index';
import { sceneBoxes, type Box } from '../../layout/boxes';

function inside(b: Box, p: Position): boolean {
  return p.x >= b.x && p.x <= b.x + b.w && p.y >= b.y && p.y <= b.y + b.h;
}

function distance(b: Box, p: Position): number {
  const dx = Math.max(b.x - p.x, 0, p.x - (b.x + b.w));
  const dy = Math.max(b.y - p.y, 0, p.y - (b.y + b.h));
  return Math.hypot(dx, dy);
}

export interface DropContext {
  boxes: Map<string, Box>;
  scenario: Scenario;
}

export function dropContext(s: Scenario): DropContext {
  return { boxes: sceneBoxes(s, s.layout), scenario: s };
}

/** The cluster node under `p`, if any. */
export function nodeAt(ctx: DropContext, p: Position, except?: string): string | undefined {
  return ctx.scenario.nodes.find((n) => n.id !== except && ctx.boxes.has(n.id) && inside(ctx.boxes.get(n.id)!, p))?.id;
}

/** The subnet under `p`, if any. */
export function subnetAt(ctx: DropContext, p: Position): string | undefined {
  return ctx.scenario.subnets.find((x) => ctx.boxes.has(x.id) && inside(ctx.boxes.get(x.id)!, p))?.id;
}

/** The subnet under `p`, else the nearest one. */
export function nearestSubnet(ctx: DropContext, p: Position): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const x of ctx.scenario.subnets) {
    const b = ctx.boxes.get(x.id);
    if (!b) continue;
    const d = distance(b, p);
    if (d < bestD) {
      bestD = d;
      best = x.id;
    }
  }
  return best;
}

/** The service card under `p`, if any. */
export function serviceAt(ctx: DropContext, p: Position): string | undefined {
  return ctx.scenario.services.find((x) => ctx.boxes.has(x.id) && inside(ctx.boxes.get(x.id)!, p))?.id;
}

export function subnetOrigin(ctx: DropContext, subnetId: string): Position | undefined {
  const b = ctx.boxes.get(subnetId);
  return b ? { x: b.x, y: b.y } : undefined;
}
