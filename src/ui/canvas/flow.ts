/**
 * Scenario -> React Flow nodes (edges: `flowEdges.ts`; shapes: `flowTypes.ts`). Node ids are element ids.
 *
 * Built incrementally: each flow node is cached with the inputs it was made from and reused (same
 * object) while they are unchanged, so React Flow re-renders only what an edit or a drag touched.
 */
import {
  type Position,
  type Scenario,
  bridgeGateway,
  vethName,
  routerIfaceName,
  vtepAddress,
  calicoIpamState,
  CALICO_VXLAN_DEV,
  IPIP_DEV,
} from '../../sim/index';
import { appColor } from './colors';
import { CALI_PENDING, type CaliNameOf } from './caliNames';
import { createTranslator, type Translator } from '../../i18n';
import { collapsedRows } from '../../layout/systemRow';
import { nodeSize, podSlot, POD_H, POD_W, SIZES, SUBNET_HOST_TOP, SUBNET_PAD, subnetSize } from '../../layout/geometry';
import type { AppNode } from './flowTypes';
import { createNodeCache } from './flowCache';
import { createEdgeBuilder } from './flowEdges';
import { createPodsDerived, podColor } from './flowPods';

export * from './flowTypes';
export { LONE_POD_COLOR } from './flowPods';

const ORIGIN: Position = { x: 0, y: 0 };
const NO_COLORS: string[] = [];
const NOTHING: ReadonlySet<string> = new Set();
const HOST_DEFAULT: Position = { x: SUBNET_PAD, y: SUBNET_HOST_TOP };

/** A builder with its own caches; one per canvas and language (`t` writes the accessible names). */
export function createFlowBuilder(t: Translator = createTranslator('en')) {
  const { pos, cached, prune } = createNodeCache();
  const derived = createPodsDerived();
  const edgeBuilder = createEdgeBuilder(t);

  /**
   * `far`: zoomed out beyond reading; pods are hidden as flow nodes (their veth and endpoint edges
   * with them) and each cluster node draws its pods as coloured tiles instead, except the pods in
   * `keep` (those a packet on the canvas visits) and selected ones: their cards, names, stay.
   * `caliName`: Calico's veth names, once their hash is here (caliNames.ts); `cali…` until then.
   */
  function buildNodes(
    s: Scenario,
    selection: ReadonlySet<string>,
    dragging: ReadonlySet<string> = NOTHING,
    far = false,
    keep: ReadonlySet<string> = NOTHING,
    caliName?: CaliNameOf,
  ): AppNode[] {
    const endpointCounts = edgeBuilder.endpointCounts(s); // for service cards
    const out: AppNode[] = [];
    const layout = s.layout;
    const { podsByNode, podColors, podKeys, podColorById } = derived(s);
    const at = (id: string, fallback: Position) => layout[id] ?? fallback;
    const calico = s.cluster.cni === 'calico';
    const vxlan = !calico && s.cluster.flannelBackend === 'vxlan';
    const calicoMode = calico ? s.cluster.calicoMode : undefined;
    // Calico IPAM's blocks per node (handed out of the pool; the node's podCIDR plays no part).
    const ipam = calico ? calicoIpamState(s) : undefined;
    // Elements moving with a drag (the dragged ones and everything inside them) get their own
    // compositing layer for the drag, so each frame moves pixels instead of repainting the canvas.
    const moving = (id: string, parent?: string) => dragging.has(id) || (parent !== undefined && dragging.has(parent));
    const movingNodes = new Set(s.nodes.filter((n) => moving(n.id, n.subnet)).map((n) => n.id));
    const MOVING = 'kp-moving';

    // Subnets first (parents before children), sized to hold their hosts.
    const hostSize = new Map<string, { w: number; h: number }>();
    const systemRows = collapsedRows(s);
    for (const n of s.nodes) hostSize.set(n.id, nodeSize(podsByNode.get(n.id)?.length ?? 0, systemRows.has(n.id)));
    for (const c of s.clients) hostSize.set(c.id, SIZES.client);
    for (const l of s.loadBalancers) hostSize.set(l.id, SIZES.loadBalancer);
    const hostsBySubnet = new Map<string, { x: number; y: number; w: number; h: number }[]>();
    for (const h of [...s.nodes, ...s.clients, ...s.loadBalancers]) {
      const p = at(h.id, HOST_DEFAULT);
      const size = hostSize.get(h.id)!;
      const list = hostsBySubnet.get(h.subnet);
      const box = { x: p.x, y: p.y, w: size.w, h: size.h };
      if (list) list.push(box);
      else hostsBySubnet.set(h.subnet, [box]);
    }
    for (const sub of s.subnets) {
      const p = at(sub.id, ORIGIN);
      const size = subnetSize(hostsBySubnet.get(sub.id) ?? []);
      const selected = selection.has(sub.id);
      const isMoving = dragging.has(sub.id);
      out.push(
        cached(sub.id, [sub, p.x, p.y, size.w, size.h, selected, isMoving], () => ({
          id: sub.id,
          type: 'subnet',
          ...(isMoving ? { className: MOVING } : {}),
          position: pos(sub.id, p.x, p.y),
          width: size.w,
          height: size.h,
          data: { subnet: sub },
          selected,
          zIndex: 0,
          ariaLabel: t('canvas.aria.subnet', { name: sub.name, cidr: sub.cidr }),
          dragHandle: '.subnet-bar',
        })),
      );
    }
    for (const n of s.nodes) {
      const p = at(n.id, HOST_DEFAULT);
      const pods = podsByNode.get(n.id) ?? [];
      const size = hostSize.get(n.id)!;
      const selected = selection.has(n.id);
      const colors = podColors.get(n.id) ?? NO_COLORS;
      const podKey = podKeys.get(n.id) ?? '';
      const isMoving = movingNodes.has(n.id);
      const systemPods = systemRows.get(n.id)?.join(', ');
      const blocks = ipam?.blocks.get(n.id) ?? [];
      const blockKey = blocks.join(',');
      out.push(
        cached(n.id, [n, podKey, systemPods, p.x, p.y, selected, vxlan, calicoMode, isMoving, blockKey, caliName], () => ({
          id: n.id,
          type: 'clusterNode',
          ...(isMoving ? { className: MOVING } : {}),
          parentId: n.subnet,
          position: pos(n.id, p.x, p.y),
          width: size.w,
          height: size.h,
          data: {
            node: n,
            podCount: pods.length,
            gateway: bridgeGateway(n.podCidr),
            ...(vxlan ? { vtep: vtepAddress(n) } : {}),
            ...(calicoMode
              ? { calico: { mode: calicoMode, blocks, ...(calicoMode === 'bgp' ? {} : { tunnel: calicoMode === 'ipip' ? IPIP_DEV : CALICO_VXLAN_DEV }) } }
              : {}),
            veths: pods.map((pod, i) => ({ name: calicoMode ? (caliName?.(pod) ?? CALI_PENDING) : vethName(pod), row: i })),
            podColors: colors,
            ...(systemPods ? { systemPods } : {}),
          },
          selected,
          ariaLabel: t(pods.length === 1 ? 'canvas.aria.node.one' : 'canvas.aria.node.other', {
            name: n.name,
            ip: n.ip,
            podCidr: calicoMode ? blockKey || '-' : n.podCidr,
            count: pods.length,
          }),
          dragHandle: '.cnode-header',
        })),
      );
    }
    for (const c of s.clients) {
      const p = at(c.id, HOST_DEFAULT);
      const selected = selection.has(c.id);
      const isMoving = moving(c.id, c.subnet);
      out.push(
        cached(c.id, [c, p.x, p.y, selected, isMoving], () => ({
          id: c.id,
          type: 'client',
          ...(isMoving ? { className: MOVING } : {}),
          parentId: c.subnet,
          position: pos(c.id, p.x, p.y),
          width: SIZES.client.w,
          height: SIZES.client.h,
          data: { client: c },
          selected,
          ariaLabel: t('canvas.aria.client', { name: c.name, ip: c.ip }),
        })),
      );
    }
    const serviceById = new Map(s.services.map((x) => [x.id, x]));
    for (const l of s.loadBalancers) {
      const p = at(l.id, HOST_DEFAULT);
      const selected = selection.has(l.id);
      const svc = serviceById.get(l.service);
      const isMoving = moving(l.id, l.subnet);
      out.push(
        cached(l.id, [l, svc, p.x, p.y, selected, isMoving], () => ({
          id: l.id,
          type: 'loadBalancer',
          ...(isMoving ? { className: MOVING } : {}),
          parentId: l.subnet,
          position: pos(l.id, p.x, p.y),
          width: SIZES.loadBalancer.w,
          height: SIZES.loadBalancer.h,
          data: { lb: l, ...(svc ? { service: svc } : {}) },
          selected,
          ariaLabel: t('canvas.aria.lb', { name: l.name, ip: l.ip }),
        })),
      );
    }
    const nodeName = new Map(s.nodes.map((n) => [n.id, n.name]));
    for (const [nodeId, pods] of podsByNode) {
      pods.forEach((pod, i) => {
        const slot = podSlot(i);
        const p = slot;
        const selected = selection.has(pod.id);
        const color = podColorById.get(pod.id) ?? podColor(pod);
        const onNode = nodeName.get(nodeId);
        const isMoving = dragging.has(pod.id) || movingNodes.has(nodeId);
        const hidden = far && !selected && !keep.has(pod.id);
        out.push(
          cached(pod.id, [pod, p.x, p.y, selected, color, onNode, hidden, isMoving], () => ({
            id: pod.id,
            type: 'pod',
            ...(isMoving ? { className: MOVING } : {}),
            parentId: nodeId,
            position: pos(pod.id, p.x, p.y),
            width: POD_W,
            height: POD_H,
            data: { pod, color, nodeName: nodeName.get(nodeId) ?? nodeId },
            selected,
            hidden,
            ariaLabel: t('canvas.aria.pod', { name: pod.name, ip: pod.ip, node: nodeName.get(nodeId) ?? nodeId }),
          })),
        );
      });
    }
    const subnetName = new Map(s.subnets.map((x) => [x.id, x.name]));
    for (const r of s.routers) {
      const p = at(r.id, ORIGIN);
      const selected = selection.has(r.id);
      const isMoving = dragging.has(r.id);
      out.push(
        cached(r.id, [r, p.x, p.y, selected, s.subnets, isMoving], () => ({
          id: r.id,
          type: 'router',
          ...(isMoving ? { className: MOVING } : {}),
          position: pos(r.id, p.x, p.y),
          width: SIZES.router.w,
          height: SIZES.router.h,
          data: {
            router: r,
            ifaces: r.interfaces.map((i) => ({ name: routerIfaceName(r, i.subnet), ip: i.ip, subnet: subnetName.get(i.subnet) ?? i.subnet })),
          },
          selected,
          ariaLabel: t('canvas.aria.router', { name: r.name }),
        })),
      );
    }
    for (const svc of s.services) {
      const p = at(svc.id, ORIGIN);
      const selected = selection.has(svc.id);
      const count = endpointCounts.get(svc.id) ?? 0;
      const isMoving = dragging.has(svc.id);
      out.push(
        cached(svc.id, [svc, p.x, p.y, selected, count, isMoving], () => ({
          id: svc.id,
          type: 'service',
          ...(isMoving ? { className: MOVING } : {}),
          position: pos(svc.id, p.x, p.y),
          width: SIZES.service.w,
          height: SIZES.service.h,
          data: { service: svc, endpoints: count, color: appColor(svc.selector.app ?? svc.name) },
          selected,
          ariaLabel: t(count === 1 ? 'canvas.aria.service.one' : 'canvas.aria.service.other', {
            name: svc.name,
            type: svc.type,
            clusterIP: svc.clusterIP ?? '',
            count,
          }),
        })),
      );
    }
    for (const ing of s.ingresses) {
      const p = at(ing.id, ORIGIN);
      const selected = selection.has(ing.id);
      const isMoving = dragging.has(ing.id);
      out.push(
        cached(ing.id, [ing, p.x, p.y, selected, isMoving], () => ({
          id: ing.id,
          type: 'ingress',
          ...(isMoving ? { className: MOVING } : {}),
          position: pos(ing.id, p.x, p.y),
          width: SIZES.ingress.w,
          height: SIZES.ingress.h,
          data: { ingress: ing },
          selected,
          ariaLabel: t('canvas.aria.ingress', { name: ing.name }),
        })),
      );
    }
    prune(out);
    return out;
  }

  return { nodes: buildNodes, edges: edgeBuilder.edges };
}
