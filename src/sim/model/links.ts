/**
 * Ids of the wires of a scenario: a hop's `link` (the wire the packet arrived over) and the canvas
 * edge that draws that wire are the same string, built here and only here.
 */

/** The veth pair between a pod's eth0 and its node's bridge. */
export function vethLink(podId: string): string {
  return `veth:${podId}`;
}

/** A host's eth0 on its subnet (nodes, outside clients, load balancers). */
export function hostLink(hostId: string): string {
  return `eth0:${hostId}`;
}

/** One interface of a router, on one subnet. */
export function routerLink(routerId: string, subnetId: string): string {
  return `if:${routerId}:${subnetId}`;
}
