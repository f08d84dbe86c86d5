/**
 * Scenario -> React Flow nodes and edges. Node ids are element ids; edge ids are the tracer's hop
 * `link` ids, built by the same helpers (vethLink, hostLink, routerLink from the sim) plus `ep:<service>:<pod>`,
 * `lb:<lb>:<node>` and `ing:<ingress>:<service>`, so a packet can be animated along them.
 *
 * Built incrementally: each flow node is cached with the inputs it was made from and reused (same
 * object) while they are unchanged, so React Flow re-renders only what an edit or a drag touched.
 */
import type { Edge, Node as FlowNode } from '@xyflow/react';
import {
  type ClientHost,
  type Ingress,
  type LoadBalancer,
  type Node,
  type Pod,
  type Router,
  type Scenario,
  type Service,
  type Subnet,
  type Position,
  bridgeGateway,
  vethName,
  routerIfaceName,
  vtepAddress,
  caliName,
  CALICO_VXLAN_DEV,
  IPIP_DEV,
} from '../../sim/index';
import { endpointPods } from './endpoints';
import { hostLink, isPodReady, routerLink, vethLink } from '../../sim/index';
import { appColor } from './colors';
import { createTranslator, type Translator } from '../../i18n';
import { nodeSize, podSlot, POD_H, POD_W, SIZES, SUBNET_HOST_TOP, SUBNET_PAD, subnetSize } from './geometry';

export type SubnetData = { subnet: Subnet };
export type ClusterNodeData = {
  node: Node;
  podCount: number;
  gateway: string;
  vtep?: string;
  /** Calico: no bridge; the tunnel device of the pool's mode (tunl0, vxlan.calico), none for BGP. */
  calico?: { tunnel?: string; mode: string };
  veths: { name: string; row: number }[];
  /** Pod colours in slot order: far out the node draws its pods as tiles of these colours. */
  podColors: string[];
};
export type PodData = { pod: Pod; color: string; nodeName: string };
export type RouterData = { router: Router; ifaces: { name: string; ip: string; subnet: string }[] };
export type ClientData = { client: ClientHost };
export type ServiceData = { service: Service; endpoints: number; color: string };
export type LoadBalancerData = { lb: LoadBalancer; service?: Service };
export type IngressData = { ingress: Ingress };

export type SubnetFlowNode = FlowNode<SubnetData, 'subnet'>;
export type ClusterFlowNode = FlowNode<ClusterNodeData, 'clusterNode'>;
export type PodFlowNode = FlowNode<PodData, 'pod'>;
export type RouterFlowNode = FlowNode<RouterData, 'router'>;
export type ClientFlowNode = FlowNode<ClientData, 'client'>;
export type ServiceFlowNode = FlowNode<ServiceData, 'service'>;
export type LoadBalancerFlowNode = FlowNode<LoadBalancerData, 'loadBalancer'>;
export type IngressFlowNode = FlowNode<IngressData, 'ingress'>;
export type AppNode =
  | SubnetFlowNode
  | ClusterFlowNode
  | PodFlowNode
  | RouterFlowNode
  | ClientFlowNode
  | ServiceFlowNode
  | LoadBalancerFlowNode
  | IngressFlowNode;

export type LinkEdgeData = { label?: string; color?: string };

/**
 * A Service with more endpoint pods than this draws one line per node running some of them, labelled
 * with the count (`epg:<service>:<node>`), not one per pod: 300 Services × 300 pods would otherwise be
 * 90,000 lines, and opening such a scenario took 25 s.
 */
export const ENDPOINT_LINES_MAX = 12;
export type AppEdge = Edge<LinkEdgeData, 'veth' | 'uplink' | 'link' | 'endpoint' | 'lbLink' | 'ingressLink'>;

function same(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const ORIGIN: Position = { x: 0, y: 0 };
const NO_COLORS: string[] = [];
const NOTHING: ReadonlySet<string> = new Set();

/** A pod of its own (its app label is its own name, as a new pod from the palette): a neutral colour, not an app's hue. */
export const LONE_POD_COLOR = '#64748b';

function podColor(pod: Pod): string {
  const app = pod.labels.app ?? pod.labels.run;
  return app === undefined || app === pod.name ? LONE_POD_COLOR : appColor(app);
}
const HOST_DEFAULT: Position = { x: SUBNET_PAD, y: SUBNET_HOST_TOP };

/** A builder with its own caches; one per canvas and language (`t` writes the accessible names). */
export function createFlowBuilder(t: Translator = createTranslator('en')) {
  const cache = new Map<string, { deps: unknown[]; node: AppNode }>();
  const positions = new Map<string, Position>();

  /** The same position object while the coordinates are the same. */
  function pos(id: string, x: number, y: number): Position {
    const p = positions.get(id);
    if (p && p.x === x && p.y === y) return p;
    const next = { x, y };
    positions.set(id, next);
    return next;
  }

  function cached<N extends AppNode>(id: string, deps: unknown[], make: () => N): N {
    const hit = cache.get(id);
    if (hit && same(hit.deps, deps)) return hit.node as N;
    const node = make();
    // Sized here, so say so: a flow node without `measured` makes React Flow drop its handle bounds
    // and measure it again (a ResizeObserver round, a forced layout and an extra store update and
    // commit) every time the object changes, i.e. on every frame of a drag.
    if (node.width !== undefined && node.height !== undefined) node.measured = { width: node.width, height: node.height };
    cache.set(id, { deps, node });
    return node;
  }

  // What the nodes derive from the pods alone, computed once per scenario: a drag rebuilds the
  // nodes on every frame with the same scenario.
  let derivedFor: Scenario | undefined;
  let derivedData: { podsByNode: Map<string, Pod[]>; podColors: Map<string, string[]>; podKeys: Map<string, string>; podColorById: Map<string, string> };
  function derived(s: Scenario) {
    if (derivedFor === s) return derivedData;
    const podsByNode = new Map<string, Pod[]>();
    const podColorById = new Map<string, string>();
    for (const p of s.pods) {
      podColorById.set(p.id, podColor(p));
      const list = podsByNode.get(p.node);
      if (list) list.push(p);
      else podsByNode.set(p.node, [p]);
    }
    const podColors = new Map<string, string[]>();
    const podKeys = new Map<string, string>();
    for (const [node, pods] of podsByNode) {
      const colors = pods.map((p) => podColorById.get(p.id)!);
      podColors.set(node, colors);
      podKeys.set(node, pods.map((x) => x.id).join(' ') + colors.join(' '));
    }
    derivedFor = s;
    derivedData = { podsByNode, podColors, podKeys, podColorById };
    return derivedData;
  }

  let edgeKey: unknown[] = [];
  let edges: AppEdge[] = [];
  let endpointCounts = new Map<string, number>();

  function buildEdges(s: Scenario): AppEdge[] {
    const key = [s.subnets, s.routers, s.nodes, s.pods, s.clients, s.services, s.loadBalancers, s.ingresses];
    if (same(key, edgeKey)) return edges;
    edgeKey = key;
    const out: AppEdge[] = [];
    for (const p of s.pods) {
      out.push({
        id: vethLink(p.id),
        type: 'veth',
        source: p.id,
        sourceHandle: 'veth',
        target: p.node,
        targetHandle: 'cni0',
        ariaLabel: t('canvas.aria.veth', { pod: p.name }),
        selectable: false,
      });
    }
    for (const h of [...s.nodes, ...s.clients, ...s.loadBalancers]) {
      out.push({ id: hostLink(h.id), type: 'uplink', source: h.id, sourceHandle: 'eth0', target: h.subnet, targetHandle: 'bus', ariaLabel: t('canvas.aria.uplink', { host: h.name }), selectable: false });
    }
    for (const r of s.routers) {
      for (const i of r.interfaces) {
        out.push({
          id: routerLink(r.id, i.subnet),
          type: 'link',
          source: r.id,
          sourceHandle: 'if',
          target: i.subnet,
          targetHandle: 'top',
          data: { label: `${routerIfaceName(r, i.subnet)} ${i.ip}` },
          ariaLabel: `${r.name} ${routerIfaceName(r, i.subnet)} ${i.ip}`,
          selectable: false,
        });
      }
    }
    endpointCounts = new Map();
    const nodeNames = new Map(s.nodes.map((n) => [n.id, n.name]));
    for (const svc of s.services) {
      const pods = endpointPods(s, svc);
      // Ready endpoints: what kube-proxy sends to (a not-Ready pod is selected but no endpoint).
      endpointCounts.set(svc.id, pods.filter(isPodReady).length);
      const color = appColor(svc.selector.app ?? svc.name);
      if (pods.length > ENDPOINT_LINES_MAX) {
        // One line per node that runs some of its pods, with the count, instead of one per pod.
        const perNode = new Map<string, number>();
        for (const p of pods) perNode.set(p.node, (perNode.get(p.node) ?? 0) + 1);
        for (const [node, count] of perNode) {
          if (!nodeNames.has(node)) continue;
          out.push({
            id: `epg:${svc.id}:${node}`,
            type: 'endpoint',
            source: svc.id,
            sourceHandle: 'ep',
            target: node,
            targetHandle: 'cni0',
            data: { color, label: t(count === 1 ? 'canvas.endpointGroup.one' : 'canvas.endpointGroup.other', { count }) },
            ariaLabel: t(count === 1 ? 'canvas.aria.endpointGroup.one' : 'canvas.aria.endpointGroup.other', { service: svc.name, node: nodeNames.get(node)!, count }),
            selectable: false,
          });
        }
        continue;
      }
      for (const p of pods) {
        out.push({
          id: `ep:${svc.id}:${p.id}`,
          type: 'endpoint',
          source: svc.id,
          sourceHandle: 'ep',
          target: p.id,
          targetHandle: 'ep',
          data: { color },
          ariaLabel: t('canvas.aria.endpoint', { service: svc.name, pod: p.name }),
          selectable: false,
        });
      }
    }
    for (const lb of s.loadBalancers) {
      for (const n of s.nodes) {
        out.push({ id: `lb:${lb.id}:${n.id}`, type: 'lbLink', source: lb.id, sourceHandle: 'nodes', target: n.id, targetHandle: 'nodeport', ariaLabel: t('canvas.aria.lbLink', { lb: lb.name, node: n.name }), selectable: false });
      }
    }
    for (const ing of s.ingresses) {
      const names = new Set([...ing.rules.flatMap((r) => r.paths.map((p) => p.backend.service)), ...(ing.defaultBackend ? [ing.defaultBackend.service] : [])]);
      for (const svc of s.services) {
        if (svc.namespace !== ing.namespace || !names.has(svc.name)) continue;
        out.push({ id: `ing:${ing.id}:${svc.id}`, type: 'ingressLink', source: ing.id, sourceHandle: 'backends', target: svc.id, targetHandle: 'ingress', ariaLabel: t('canvas.aria.ingressLink', { ingress: ing.name, service: svc.name }), selectable: false });
      }
    }
    edges = out;
    return edges;
  }

  /**
   * `far`: zoomed out beyond reading; pods are hidden as flow nodes (their veth and endpoint edges
   * with them) and each cluster node draws its pods as coloured tiles instead, except the pods in
   * `keep` (those a packet on the canvas visits) and selected ones: their cards, names, stay.
   */
  function buildNodes(s: Scenario, selection: ReadonlySet<string>, dragging: ReadonlySet<string> = NOTHING, far = false, keep: ReadonlySet<string> = NOTHING): AppNode[] {
    buildEdges(s); // endpoint counts for service cards
    const out: AppNode[] = [];
    const layout = s.layout;
    const { podsByNode, podColors, podKeys, podColorById } = derived(s);
    const at = (id: string, fallback: Position) => layout[id] ?? fallback;
    const calico = s.cluster.cni === 'calico';
    const vxlan = !calico && s.cluster.flannelBackend === 'vxlan';
    const calicoMode = calico ? s.cluster.calicoMode : undefined;
    // Elements moving with a drag (the dragged ones and everything inside them) get their own
    // compositing layer for the drag, so each frame moves pixels instead of repainting the canvas.
    const moving = (id: string, parent?: string) => dragging.has(id) || (parent !== undefined && dragging.has(parent));
    const movingNodes = new Set(s.nodes.filter((n) => moving(n.id, n.subnet)).map((n) => n.id));
    const MOVING = 'kp-moving';

    // Subnets first (parents before children), sized to hold their hosts.
    const hostSize = new Map<string, { w: number; h: number }>();
    for (const n of s.nodes) hostSize.set(n.id, nodeSize(podsByNode.get(n.id)?.length ?? 0));
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
      out.push(
        cached(n.id, [n, podKey, p.x, p.y, selected, vxlan, calicoMode, isMoving], () => ({
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
            ...(calicoMode ? { calico: { mode: calicoMode, ...(calicoMode === 'bgp' ? {} : { tunnel: calicoMode === 'ipip' ? IPIP_DEV : CALICO_VXLAN_DEV }) } } : {}),
            veths: pods.map((pod, i) => ({ name: calicoMode ? caliName(pod) : vethName(pod), row: i })),
            podColors: colors,
          },
          selected,
          ariaLabel: t(pods.length === 1 ? 'canvas.aria.node.one' : 'canvas.aria.node.other', { name: n.name, ip: n.ip, podCidr: n.podCidr, count: pods.length }),
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
          data: { router: r, ifaces: r.interfaces.map((i) => ({ name: routerIfaceName(r, i.subnet), ip: i.ip, subnet: subnetName.get(i.subnet) ?? i.subnet })) },
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
          ariaLabel: t(count === 1 ? 'canvas.aria.service.one' : 'canvas.aria.service.other', { name: svc.name, type: svc.type, clusterIP: svc.clusterIP ?? '', count }),
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
    if (cache.size > out.length * 2 + 64) {
      const live = new Set(out.map((n) => n.id));
      for (const id of cache.keys()) if (!live.has(id)) cache.delete(id);
    }
    return out;
  }

  return { nodes: buildNodes, edges: buildEdges };
}
