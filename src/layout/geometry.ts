/**
 * Sizes of everything drawn on the canvas, fixed by the design rather than measured, so layout,
 * drop targets and level of detail can be computed without the DOM.
 *
 * A cluster node is a container: a header (name, eth0, pod CIDR), and below it the cni0 bridge as a
 * vertical bar with the pods in a column beside it, each joined to the bar by its veth pair. A subnet is a
 * region with its L2 segment drawn as a bar along the top; hosts hang from it by their eth0.
 */
export const POD_W = 156;
export const POD_H = 58;
export const POD_ROW_GAP = 8;
export const NODE_PAD = 12;
export const BRIDGE_W = 14;
export const VETH_GAP = 26;
export const NODE_HEADER_H = 60;
/** The caption row naming the bridge, between the header and the first pod. */
export const BRIDGE_CAPTION_H = 24;
export const NODE_W = NODE_PAD + BRIDGE_W + VETH_GAP + POD_W + NODE_PAD;
const PODS_TOP = NODE_HEADER_H + BRIDGE_CAPTION_H;

export const SUBNET_BAR_H = 40;
export const SUBNET_PAD = 20;
/** Where hosts sit below the bar by default: room for their eth0 uplinks. */
export const SUBNET_HOST_TOP = SUBNET_BAR_H + 40;
export const SUBNET_MIN_W = 330;
export const SUBNET_MIN_H = 180;

export const SIZES = {
  router: { w: 176, h: 62 },
  client: { w: 184, h: 62 },
  loadBalancer: { w: 204, h: 66 },
  service: { w: 236, h: 118 },
  ingress: { w: 248, h: 104 },
} as const;

export interface Size {
  w: number;
  h: number;
}

/** The compact "kube-system" row at the foot of a node's pods when its system pods are drawn collapsed. */
export const SYSTEM_ROW_H = 26;

/** The top of a node's kube-system row: below its last pod (or below the empty first slot's hint). */
export function systemRowY(podCount: number): number {
  return PODS_TOP + Math.max(1, podCount) * (POD_H + POD_ROW_GAP);
}

/** A node with `podCount` pods drawn, and `systemRow` when its kube-system pods are collapsed to a row. */
export function nodeSize(podCount: number, systemRow = false): Size {
  if (systemRow) return { w: NODE_W, h: systemRowY(podCount) + SYSTEM_ROW_H + NODE_PAD };
  const rows = Math.max(1, podCount);
  return { w: NODE_W, h: PODS_TOP + rows * (POD_H + POD_ROW_GAP) - POD_ROW_GAP + NODE_PAD };
}

/** The i-th pod of a node, relative to the node: a column right of the cni0 bar. */
export function podSlot(i: number): { x: number; y: number } {
  return { x: NODE_PAD + BRIDGE_W + VETH_GAP, y: PODS_TOP + i * (POD_H + POD_ROW_GAP) };
}

/** The cni0 bar inside a node, from below the header to the last pod (or its kube-system row). */
export function bridgeRect(podCount: number, systemRow = false): { x: number; y: number; w: number; h: number } {
  const size = nodeSize(podCount, systemRow);
  const y = NODE_HEADER_H + 8;
  return { x: NODE_PAD, y, w: BRIDGE_W, h: size.h - NODE_PAD - y };
}

/** The region of a subnet: big enough for the hosts in it (positions relative to the region). */
export function subnetSize(hosts: { x: number; y: number; w: number; h: number }[]): Size {
  let w = SUBNET_MIN_W;
  let h = SUBNET_MIN_H;
  for (const b of hosts) {
    w = Math.max(w, b.x + b.w + SUBNET_PAD);
    h = Math.max(h, b.y + b.h + SUBNET_PAD);
  }
  return { w, h };
}
