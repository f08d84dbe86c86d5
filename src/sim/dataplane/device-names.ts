/**
 * Names and addresses of the devices the dataplane creates, which the canvas and the inspector show
 * as well as the tracer: a pod's host-side veth, a node's flannel.1 VTEP address, a router's
 * interface names. Kept apart from the packet walk so the editor can name devices without it.
 */
import type { Node, Pod, Router } from '../model/schema';
import { intToIp, parseCidr } from '../net/cidr';
import { stableHash } from '../trace/rng';

/** The host-side veth of a pod: "veth" and 8 hex digits, as the CNI bridge plugin names them. */
export function vethName(pod: Pod): string {
  return `veth${stableHash(pod.id).toString(16).padStart(8, '0')}`;
}

/** Pod CIDR text -> its network address (every node's table names every other node's VTEP). */
const vteps = new Map<string, string>();

/** The flannel.1 VTEP address of a node: the network address of its pod CIDR (10.244.1.0/32). */
export function vtepAddress(node: Node): string {
  let a = vteps.get(node.podCidr);
  if (a === undefined) {
    if (vteps.size > 100_000) vteps.clear();
    vteps.set(node.podCidr, (a = intToIp(parseCidr(node.podCidr).network)));
  }
  return a;
}

export function routerIfaceName(router: Router, subnetId: string): string {
  const i = router.interfaces.findIndex((x) => x.subnet === subnetId);
  return `eth${i < 0 ? 0 : i}`;
}
