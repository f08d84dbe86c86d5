/**
 * Sizes of everything drawn on the canvas, fixed by the design rather than measured, so layout,
 * drop targets and level of detail can be computed without the DOM.
 *
 * A cluster node is a container: a header (name, eth0, pod CIDR), and below it the cni0 bridge as a
 * vertical bar with the pods on both sides, each joined to the bar by its veth pair. A subnet is a
 * region with its L2 segment drawn as a bar along the top; hosts hang from it by their eth0.
 */
export const POD_W = 168;
export const POD_H = 64;
export const POD_ROW_GAP = 10;
export const VETH_GAP = 22;
export const BRIDGE_W = 30;
export const NODE_PAD = 14;
export const NODE_HEADER_H = 66;
export const NODE_W = NODE_PAD + POD_W + VETH_GAP + BRIDGE_W + VETH_GAP + POD_W + NODE_PAD;

export const SUBNET_BAR_H = 44;
export const SUBNET_PAD = 24;
/** Where hosts sit below the bar by default: room for their eth0 uplinks. */
export const SUBNET_HOST_TOP = SUBNET_BAR_H + 46;
export const SUBNET_MIN_W = 300;
export const SUBNET_MIN_H = 200;

export const SIZES = {
  router: { w: 176, h: 66 },
  client: { w: 184, h: 66 },
  loadBalancer: { w: 204, h: 74 },
  service: { w: 236, h: 118 },
  ingress: { w: 248, h: 104 },
} as const;

export interface Size {
  w: number;
  h: number;
}

export function podRows(podCount: number): number {
  return Math.max(1, Math.ceil(podCount / 2));
}

export function nodeSize(podCount: number): Size {
  const rows = podRows(podCount);
  return { w: NODE_W, h: NODE_HEADER_H + NODE_PAD + rows * (POD_H + POD_ROW_GAP) - POD_ROW_GAP + NODE_PAD };
}

/** The i-th pod of a node, relative to the node: left column for even i, right column for odd. */
export function podSlot(i: number): { x: number; y: number; side: 'left' | 'right' } {
  const side = i % 2 === 0 ? 'left' : 'right';
  const row = Math.floor(i / 2);
  return {
    x: side === 'left' ? NODE_PAD : NODE_PAD + POD_W + VETH_GAP + BRIDGE_W + VETH_GAP,
    y: NODE_HEADER_H + NODE_PAD + row * (POD_H + POD_ROW_GAP),
    side,
  };
}

/** The cni0 bar inside a node. */
export function bridgeRect(podCount: number): { x: number; y: number; w: number; h: number } {
  const rows = podRows(podCount);
  return { x: NODE_PAD + POD_W + VETH_GAP, y: NODE_HEADER_H + NODE_PAD - 8, w: BRIDGE_W, h: rows * (POD_H + POD_ROW_GAP) - POD_ROW_GAP + 16 };
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
