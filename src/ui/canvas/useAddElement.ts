/**
 * Adding an element from the palette, by a drop at a point of the canvas or by the keyboard (no
 * point: it goes next to, or into, what is selected). The UI only picks the parent (the node under a
 * dropped pod, the subnet under a dropped host); addresses come from the store's sim operations.
 */
import { useCallback } from 'react';
import { type ElementKind, type Scenario, kindOfElement, type EditResult, type Position } from '../../sim/index';
import { useEditorStore } from '../state';
import type { EditorState } from '../../store/editorStore';
import { dropContext, nearestSubnet, nodeAt, serviceAt, subnetAt, subnetOrigin, type DropContext } from './dropTarget';
import { nodeSize, SIZES, SUBNET_BAR_H, SUBNET_PAD } from '../../layout/geometry';

/**
 * A host's position inside a subnet region, centred on `point`, kept below the bar and moved right
 * past any host it would cover.
 */
export function hostPositionIn(ctx: DropContext, subnetId: string, point: Position, size: { w: number; h: number }): Position | undefined {
  const origin = subnetOrigin(ctx, subnetId);
  if (!origin) return undefined;
  const s = ctx.scenario;
  const siblings = [...s.nodes, ...s.clients, ...s.loadBalancers]
    .filter((h) => h.subnet === subnetId)
    .flatMap((h) => {
      const b = ctx.boxes.get(h.id);
      return b ? [{ x: b.x - origin.x, y: b.y - origin.y, w: b.w, h: b.h }] : [];
    });
  const p = clampHost({ x: point.x - origin.x - size.w / 2, y: point.y - origin.y - size.h / 2 });
  for (let guard = 0; guard < 100; guard++) {
    const hit = siblings.find((b) => p.x < b.x + b.w + 12 && b.x < p.x + size.w + 12 && p.y < b.y + b.h + 12 && b.y < p.y + size.h + 12);
    if (!hit) break;
    p.x = hit.x + hit.w + 24;
  }
  return p;
}

export function clampHost(p: Position): Position {
  return { x: Math.round(Math.max(SUBNET_PAD / 2, p.x)), y: Math.round(Math.max(SUBNET_BAR_H + 24, p.y)) };
}

function centred(point: Position, size: { w: number; h: number }): Position {
  return { x: Math.round(point.x - size.w / 2), y: Math.round(point.y - size.h / 2) };
}

function placedNotice(st: EditorState, key: 'notice.hostPlaced' | 'notice.lbPlaced', id: string, subnetId: string) {
  const s = st.scenario;
  const name = [...s.nodes, ...s.clients, ...s.loadBalancers].find((h) => h.id === id)?.name ?? id;
  const subnet = s.subnets.find((x) => x.id === subnetId)?.name ?? subnetId;
  st.notifyMessage(key, { name, subnet });
}

function selectedOf(s: Scenario, selection: string[], kind: ElementKind): string | undefined {
  return selection.find((id) => kindOfElement(s, id) === kind);
}

/** The subnet the selection points at: a selected subnet, or the subnet of a selected host or pod's node. */
function selectedSubnet(s: Scenario, selection: string[]): string | undefined {
  for (const id of selection) {
    const kind = kindOfElement(s, id);
    if (kind === 'subnet') return id;
    const host = [...s.nodes, ...s.clients, ...s.loadBalancers].find((h) => h.id === id);
    if (host) return host.subnet;
    const pod = s.pods.find((p) => p.id === id);
    if (pod) return s.nodes.find((n) => n.id === pod.node)?.subnet;
  }
  return undefined;
}

/** What the palette offers: the element kinds and the cluster add-ons. */
export type PaletteKind = ElementKind | 'ingressController' | 'clusterDns';

export function useAddElement(): (kind: PaletteKind, point?: Position) => EditResult {
  const store = useEditorStore();
  return useCallback(
    (kind: PaletteKind, point?: Position) => {
      const st = store.getState();
      const s = st.scenario;
      const sel = st.selection;
      const ctx = dropContext(s);
      switch (kind) {
        case 'pod': {
          const selectedPod = s.pods.find((p) => p.id === selectedOf(s, sel, 'pod'));
          const node = point ? nodeAt(ctx, point) : (selectedOf(s, sel, 'node') ?? selectedPod?.node ?? s.nodes[0]?.id);
          return st.add({ kind: 'pod', node: node ?? '' });
        }
        case 'node':
        case 'client': {
          const subnet = (point ? nearestSubnet(ctx, point) : selectedSubnet(s, sel)) ?? s.subnets[0]?.id ?? '';
          const size = kind === 'node' ? nodeSize(0) : SIZES.client;
          const position = point && subnet ? hostPositionIn(ctx, subnet, point, size) : undefined;
          const r = st.add({ kind, subnet, position });
          // Let go outside every subnet: say where it went, and why.
          if (r.ok && r.id && point && !subnetAt(ctx, point)) placedNotice(store.getState(), 'notice.hostPlaced', r.id, subnet);
          return r;
        }
        case 'loadBalancer': {
          const service =
            (point ? serviceAt(ctx, point) : undefined) ??
            selectedOf(s, sel, 'service') ??
            s.services.find((x) => x.type === 'LoadBalancer')?.id ??
            s.services[0]?.id ??
            '';
          const subnet = (point ? subnetAt(ctx, point) : selectedSubnet(s, sel)) ?? s.clients[0]?.subnet ?? s.subnets[0]?.id ?? '';
          const position = point && subnetAt(ctx, point) === subnet ? hostPositionIn(ctx, subnet, point, SIZES.loadBalancer) : undefined;
          const before = s.services.find((x) => x.id === service);
          const r = st.add({ kind: 'loadBalancer', service, subnet, position });
          // The Service-type notice (from the store) says more than where it went; only one shows.
          if (r.ok && r.id && point && !subnetAt(ctx, point) && before?.type === 'LoadBalancer')
            placedNotice(store.getState(), 'notice.lbPlaced', r.id, subnet);
          return r;
        }
        case 'router': {
          const subnet = (point ? nearestSubnet(ctx, point) : selectedSubnet(s, sel)) ?? s.subnets[0]?.id;
          return st.add({ kind: 'router', subnets: subnet ? [subnet] : [], position: point ? centred(point, SIZES.router) : undefined });
        }
        case 'subnet':
          return st.add({ kind: 'subnet', position: point ? { x: Math.round(point.x), y: Math.round(point.y) } : undefined });
        case 'service':
          return st.add({ kind: 'service', position: point ? centred(point, SIZES.service) : undefined });
        case 'ingress': {
          const onto = point ? serviceAt(ctx, point) : undefined;
          const service = onto ?? selectedOf(s, sel, 'service') ?? s.services[0]?.id;
          // Dropped onto its Service: it goes right below it, as in the example, not over it.
          const below = onto ? ctx.boxes.get(onto) : undefined;
          const position = below ? { x: Math.round(below.x), y: Math.round(below.y + below.h + 40) } : point ? centred(point, SIZES.ingress) : undefined;
          return st.add({ kind: 'ingress', service, position });
        }
        case 'ingressController': {
          // Its pod goes on the node under the drop (else the selected or first node); its load
          // balancer where the outside clients are.
          const selectedPod = s.pods.find((p) => p.id === selectedOf(s, sel, 'pod'));
          const node = (point ? nodeAt(ctx, point) : undefined) ?? selectedOf(s, sel, 'node') ?? selectedPod?.node;
          const outside = s.clients[0]?.subnet ?? s.loadBalancers[0]?.subnet;
          const onNode = node ? { node } : {};
          return st.add({
            kind: 'ingressController',
            ...onNode,
            ...(outside ? { subnet: outside } : {}),
            ...(point && !node ? { position: centred(point, SIZES.service) } : {}),
          });
        }
        case 'clusterDns':
          return st.addClusterDns();
      }
    },
    [store],
  );
}
