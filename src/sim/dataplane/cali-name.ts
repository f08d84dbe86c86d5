/**
 * Calico's names made with a hash: the host-side veth `cali` + the first 11 hex digits of
 * sha1("<namespace>.<pod>") (projectcalico/calico libcalico-go/lib/backend/k8s/conversion/
 * workload_endpoint_default.go, VethNameForWorkload), and the vxlan.calico MAC. Apart from
 * calico-net.ts because of the hash: the app's canvas fetches them with the tracer when a Calico
 * cluster is shown, rather than before the first paint.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import type { Node, Pod } from '../model/schema';

const utf8 = new TextEncoder();
const names = new Map<string, string>();

/** The host end of a pod's veth pair: cali + sha1("namespace.pod")[:11] (15 characters, IFNAMSIZ - 1). */
export function caliName(pod: Pick<Pod, 'namespace' | 'name'>): string {
  const key = `${pod.namespace}.${pod.name}`;
  let n = names.get(key);
  if (n === undefined) {
    const hex = Array.from(sha1(utf8.encode(key)), (b) => b.toString(16).padStart(2, '0')).join('');
    n = `cali${hex.slice(0, 11)}`;
    if (names.size > 100_000) names.clear();
    names.set(key, n);
  }
  return n;
}

/** Calico gives a tunnel device a MAC derived from the node; we derive a stable one the same way flannel's is. */
export function calicoVtepMac(node: Node): string {
  const hex = Array.from(sha1(utf8.encode(`vxlan.calico:${node.id}`)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `66:${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4, 6)}:${hex.slice(6, 8)}:${hex.slice(8, 10)}`;
}
