/**
 * Where things sit once placed: the absolute box of every placed subnet, host and pod (pods take
 * their node's next slot, in document order), and the small measures the layout takes of them.
 */
import type { Position, Scenario } from '../sim/index';
import { collapsedRows } from './systemRow';
import { nodeSize, podSlot, POD_H, POD_W, SIZES, subnetSize, type Size } from './geometry';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

type Layout = Record<string, Position>;

export function podCounts(s: Scenario): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of s.pods) m.set(p.node, (m.get(p.node) ?? 0) + 1);
  return m;
}

/** Hosts of a subnet with their sizes: nodes, then load balancers, then outside clients. */
export function hostsOf(s: Scenario, subnetId: string, counts: Map<string, number>): { id: string; size: Size }[] {
  return [
    ...s.nodes.filter((n) => n.subnet === subnetId).map((n) => ({ id: n.id, size: nodeSize(counts.get(n.id) ?? 0, collapsedRows(s).has(n.id)) })),
    ...s.loadBalancers.filter((l) => l.subnet === subnetId).map((l) => ({ id: l.id, size: SIZES.loadBalancer })),
    ...s.clients.filter((c) => c.subnet === subnetId).map((c) => ({ id: c.id, size: SIZES.client })),
  ];
}

/** Absolute boxes of every placed subnet, host and pod, given positions. */
export function sceneBoxes(s: Scenario, layout: Layout): Map<string, Box> {
  const counts = podCounts(s);
  const boxes = new Map<string, Box>();
  for (const sub of s.subnets) {
    const at = layout[sub.id];
    if (!at) continue;
    const hosts = hostsOf(s, sub.id, counts).flatMap((h) => {
      const p = layout[h.id];
      return p ? [{ id: h.id, x: p.x, y: p.y, w: h.size.w, h: h.size.h }] : [];
    });
    const size = subnetSize(hosts);
    boxes.set(sub.id, { x: at.x, y: at.y, w: size.w, h: size.h });
    for (const h of hosts) boxes.set(h.id, { x: at.x + h.x, y: at.y + h.y, w: h.w, h: h.h });
  }
  const slot = new Map<string, number>();
  for (const p of s.pods) {
    const i = slot.get(p.node) ?? 0;
    slot.set(p.node, i + 1);
    const node = boxes.get(p.node);
    if (!node) continue;
    const at = podSlot(i);
    boxes.set(p.id, { x: node.x + at.x, y: node.y + at.y, w: POD_W, h: POD_H });
  }
  for (const r of s.routers) if (layout[r.id]) boxes.set(r.id, { ...layout[r.id]!, w: SIZES.router.w, h: SIZES.router.h });
  for (const x of s.services) if (layout[x.id]) boxes.set(x.id, { ...layout[x.id]!, w: SIZES.service.w, h: SIZES.service.h });
  for (const x of s.ingresses) if (layout[x.id]) boxes.set(x.id, { ...layout[x.id]!, w: SIZES.ingress.w, h: SIZES.ingress.h });
  return boxes;
}

export function center(b: Box): number {
  return b.x + b.w / 2;
}

export function bottomOf(boxes: Map<string, Box>, ids: string[]): number {
  let y = -Infinity;
  for (const id of ids) {
    const b = boxes.get(id);
    if (b) y = Math.max(y, b.y + b.h);
  }
  return y;
}

export function rightOf(boxes: Map<string, Box>, ids: string[]): number {
  let x = -Infinity;
  for (const id of ids) {
    const b = boxes.get(id);
    if (b) x = Math.max(x, b.x + b.w);
  }
  return x;
}
