/**
 * Canvas layout: where each element sits. Positions live in `scenario.layout` by element id;
 * subnets, routers, services and ingresses are placed on the canvas, nodes, outside clients and load
 * balancers relative to their subnet's region, and pods are never stored: they take the next slot
 * of their node, in document order.
 *
 * `autoLayout` is a deterministic layered layout: routers on top, subnets in a row below them with
 * their hosts in rows, services under the pods they select, ingresses under their services.
 * `placeMissing` gives a spot to elements without a position, next to what is already placed.
 */
import type { Scenario, Position } from '../sim/index';
import { endpointPods } from './endpoints';
import { bottomOf, center, hostsOf, podCounts, rightOf, sceneBoxes, type Box } from './boxes';
import { SIZES, SUBNET_HOST_TOP, SUBNET_PAD, subnetSize, type Size } from './geometry';
import { CARD_GAP, HOST_GAP, HOST_ROW_GAP, HOSTS_PER_ROW, hostsPerRow, isBig, SERVICE_GRID_FROM, serviceGrid, sweep } from './layout-grid';

const SUBNET_GAP = 100;
const SUBNETS_TOP = 170;
const ROUTERS_TOP = 30;
/** Between the subnets and the Services row, and between the Services and the Ingresses. */
const CARD_ROW_GAP = 80;

type Layout = Record<string, Position>;

/** Row after row of hosts inside a subnet region, `cols` to a row. */
function placeHosts(hosts: { id: string; size: Size }[], out: Layout, cols = HOSTS_PER_ROW) {
  let x = SUBNET_PAD;
  let y = SUBNET_HOST_TOP;
  let rowH = 0;
  hosts.forEach((h, i) => {
    if (i > 0 && i % cols === 0) {
      x = SUBNET_PAD;
      y += rowH + HOST_ROW_GAP;
      rowH = 0;
    }
    out[h.id] = { x, y };
    x += h.size.w + HOST_GAP;
    rowH = Math.max(rowH, h.size.h);
  });
}

function routerWant(s: Scenario, routerId: string, boxes: Map<string, Box>): number | undefined {
  const r = s.routers.find((x) => x.id === routerId);
  const xs = (r?.interfaces ?? []).flatMap((i) => {
    const b = boxes.get(i.subnet);
    return b ? [center(b)] : [];
  });
  if (xs.length === 0) return undefined;
  // Between the outermost subnets it joins.
  return (Math.min(...xs) + Math.max(...xs)) / 2;
}

function serviceWant(s: Scenario, svcId: string, boxes: Map<string, Box>): number | undefined {
  const svc = s.services.find((x) => x.id === svcId);
  if (!svc) return undefined;
  const xs = endpointPods(s, svc).flatMap((p) => {
    const b = boxes.get(p.id);
    return b ? [center(b)] : [];
  });
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined;
}

function ingressWant(s: Scenario, ingId: string, boxes: Map<string, Box>): number | undefined {
  const ing = s.ingresses.find((x) => x.id === ingId);
  if (!ing) return undefined;
  const names = new Set([...ing.rules.flatMap((r) => r.paths.map((p) => p.backend.service)), ...(ing.defaultBackend ? [ing.defaultBackend.service] : [])]);
  const xs = s.services
    .filter((x) => x.namespace === ing.namespace && names.has(x.name))
    .flatMap((x) => {
      const b = boxes.get(x.id);
      return b ? [center(b)] : [];
    });
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined;
}

/**
 * The view a fresh layout is made for: the canvas at 1440x900 beside the palette and the side panel
 * (or the lesson panel), about 1000 x 850.
 */
const VIEW = { w: 1000, h: 850 };

/**
 * A fresh layout of the whole scenario: of the layouts with 1 to 5 hosts to a row in each subnet, the
 * one that fits the view at the largest zoom (a wide row of subnets with every host side by side fits
 * only far out, where names are too small to read).
 */
export function autoLayout(s: Scenario): Layout {
  // A cluster of real size: its big subnets and Services are laid out in grids (layout-grid.ts), and the
  // few small subnets left do not change the fit, so one layout is enough.
  if (isBig(s)) return layoutWith(s, HOSTS_PER_ROW);
  const most = Math.max(1, ...s.subnets.map((x) => [...s.nodes, ...s.clients, ...s.loadBalancers].filter((h) => h.subnet === x.id).length));
  let best: { layout: Layout; zoom: number } | undefined;
  for (let cols = 1; cols <= Math.min(HOSTS_PER_ROW, most); cols++) {
    const layout = layoutWith(s, cols);
    const b = [...sceneBoxes(s, layout).values()];
    const w = Math.max(...b.map((x) => x.x + x.w)) - Math.min(...b.map((x) => x.x));
    const h = Math.max(...b.map((x) => x.y + x.h)) - Math.min(...b.map((x) => x.y));
    const zoom = b.length ? Math.min(VIEW.w / w, VIEW.h / h) : 1;
    // Ties go to the wider rows (fewer, longer uplinks).
    if (!best || zoom >= best.zoom) best = { layout, zoom };
  }
  return best?.layout ?? layoutWith(s, HOSTS_PER_ROW);
}

function layoutWith(s: Scenario, cols: number): Layout {
  const out: Layout = {};
  const counts = podCounts(s);
  let x = 0;
  for (const sub of s.subnets) {
    const hosts = hostsOf(s, sub.id, counts);
    placeHosts(hosts, out, hostsPerRow(hosts, s.subnets.length, cols));
    const size = subnetSize(hosts.map((h) => ({ ...out[h.id]!, w: h.size.w, h: h.size.h })));
    out[sub.id] = { x, y: SUBNETS_TOP };
    x += size.w + SUBNET_GAP;
  }
  let boxes = sceneBoxes(s, out);
  sweep(
    s.routers.map((r, i) => ({ id: r.id, want: routerWant(s, r.id, boxes) ?? i * 240, w: SIZES.router.w })),
    ROUTERS_TOP,
    -Infinity,
    out,
  );
  const subnetBottom = s.subnets.length
    ? bottomOf(
        boxes,
        s.subnets.map((x) => x.id),
      )
    : SUBNETS_TOP;
  const servicesTop = subnetBottom + CARD_ROW_GAP;
  let servicesBottom = servicesTop + SIZES.service.h;
  if (s.services.length > SERVICE_GRID_FROM) {
    servicesBottom = serviceGrid(s.services, (id) => serviceWant(s, id, boxes), servicesTop, x - SUBNET_GAP, out);
  } else {
    let fallback = 0;
    sweep(
      s.services.map((svc) => ({ id: svc.id, want: serviceWant(s, svc.id, boxes) ?? (fallback += SIZES.service.w + CARD_GAP), w: SIZES.service.w })),
      servicesTop,
      -Infinity,
      out,
    );
  }
  boxes = sceneBoxes(s, out);
  let fallback = 0;
  sweep(
    s.ingresses.map((ing) => ({ id: ing.id, want: ingressWant(s, ing.id, boxes) ?? (fallback += SIZES.ingress.w + CARD_GAP), w: SIZES.ingress.w })),
    servicesBottom + CARD_ROW_GAP,
    -Infinity,
    out,
  );
  return out;
}

/** Positions for the elements that have none, beside what is already placed; {} when all are placed. */
export function placeMissing(s: Scenario): Layout {
  const layout = s.layout;
  const placed = Object.keys(layout).length > 0;
  const hosts = [...s.nodes, ...s.clients, ...s.loadBalancers];
  const missing =
    s.subnets.some((x) => !layout[x.id]) ||
    hosts.some((x) => !layout[x.id]) ||
    s.routers.some((x) => !layout[x.id]) ||
    s.services.some((x) => !layout[x.id]) ||
    s.ingresses.some((x) => !layout[x.id]);
  if (!missing) return {};
  if (!placed) return autoLayout(s);

  const out: Layout = {};
  const all = (): Layout => ({ ...layout, ...out });
  const counts = podCounts(s);
  let boxes = sceneBoxes(s, all());
  const topLevel = () => [...s.subnets, ...s.routers, ...s.services, ...s.ingresses].map((x) => x.id);

  for (const sub of s.subnets) {
    if (layout[sub.id]) continue;
    const right = rightOf(boxes, topLevel());
    out[sub.id] = { x: Number.isFinite(right) ? right + SUBNET_GAP : 0, y: SUBNETS_TOP };
    boxes = sceneBoxes(s, all());
  }
  for (const sub of s.subnets) {
    const inSubnet = hostsOf(s, sub.id, counts);
    let right = SUBNET_PAD - HOST_GAP;
    for (const h of inSubnet) {
      const p = layout[h.id] ?? out[h.id];
      if (p && p.y < SUBNET_HOST_TOP + 40) right = Math.max(right, p.x + h.size.w);
    }
    for (const h of inSubnet) {
      if (layout[h.id] || out[h.id]) continue;
      out[h.id] = { x: right + HOST_GAP, y: SUBNET_HOST_TOP };
      right += HOST_GAP + h.size.w;
    }
  }
  boxes = sceneBoxes(s, all());
  const subnetTop = s.subnets.reduce((m, x) => Math.min(m, boxes.get(x.id)?.y ?? Infinity), Infinity);
  const routersY = Number.isFinite(subnetTop) ? subnetTop - SUBNETS_TOP + ROUTERS_TOP : ROUTERS_TOP;
  for (const r of s.routers) {
    if (layout[r.id]) continue;
    const want = routerWant(s, r.id, boxes) ?? 0;
    let x = Math.round(want - SIZES.router.w / 2);
    // Step right past routers already there.
    const taken = (at: number) =>
      s.routers.some((o) => {
        const b = o.id !== r.id ? boxes.get(o.id) : undefined;
        return b !== undefined && Math.abs(b.x - at) < SIZES.router.w && Math.abs(b.y - routersY) < SIZES.router.h;
      });
    while (taken(x)) x += SIZES.router.w + CARD_GAP;
    out[r.id] = { x, y: routersY };
    boxes = sceneBoxes(s, all());
  }
  const under = bottomOf(
    boxes,
    s.subnets.map((x) => x.id),
  );
  const cardsY = Number.isFinite(under) ? under + 130 : SUBNETS_TOP;
  const placeCard = (id: string, want: number | undefined, size: Size, y: number, others: string[]) => {
    let x = Math.round((want ?? rightOf(boxes, others) + CARD_GAP + size.w / 2) - size.w / 2);
    if (!Number.isFinite(x)) x = 0;
    const hits = (cx: number) =>
      [...boxes.entries()].some(([oid, b]) => oid !== id && b.x < cx + size.w + 16 && cx < b.x + b.w + 16 && b.y < y + size.h && y < b.y + b.h);
    let guard = 0;
    while (hits(x) && guard++ < 200) x += 40;
    out[id] = { x, y };
    boxes = sceneBoxes(s, all());
  };
  for (const svc of s.services)
    if (!layout[svc.id])
      placeCard(
        svc.id,
        serviceWant(s, svc.id, boxes),
        SIZES.service,
        cardsY,
        s.services.map((x) => x.id),
      );
  for (const ing of s.ingresses)
    if (!layout[ing.id])
      placeCard(
        ing.id,
        ingressWant(s, ing.id, boxes),
        SIZES.ingress,
        cardsY + SIZES.service.h + 110,
        s.ingresses.map((x) => x.id),
      );
  return out;
}
