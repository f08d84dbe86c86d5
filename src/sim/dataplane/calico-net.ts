/**
 * Calico's names and numbers, from projectcalico/calico:
 * - host-side veth `cali` + the first 11 hex digits of sha1("<namespace>.<pod>") (./cali-name.ts);
 * - the pod's default gateway 169.254.1.1 (`default via 169.254.1.1 dev eth0`, `169.254.1.1 dev eth0
 *   scope link`, cni-plugin/tests/calico_cni_k8s_test.go), answered by proxy ARP on the cali
 *   interface (`net.ipv4.conf.<cali>.proxy_arp=1`, cni-plugin/pkg/dataplane/linux/dataplane_linux.go),
 *   whose MAC is ee:ee:ee:ee:ee:ee;
 * - IPAM: /26 blocks from the IP pool with affinity to a node (net/calico-ipam.ts);
 * - IPIP on tunl0 (IP protocol 4); VXLAN on vxlan.calico, UDP 4789, VNI 4096 (felix/config/config_params.go
 *   VXLANPort, VXLANVNI);
 * - policy chains cali-tw-<iface> (to workload) and cali-fw-<iface> (from workload), cali-pi-/cali-po-
 *   per policy (felix/rules/rule_defs.go).
 */
import type { Node } from '../model/schema';
import type { Topology } from '../model/topology';
import { calicoIpamState, type CalicoIpamState } from '../net/calico-ipam';

export const CALICO_GATEWAY = '169.254.1.1';
export const CALI_MAC = 'ee:ee:ee:ee:ee:ee';
export const IPIP_DEV = 'tunl0';
export const CALICO_VXLAN_DEV = 'vxlan.calico';
export const CALICO_VXLAN_PORT = 4789;
export const CALICO_VXLAN_VNI = 4096;
export { CALICO_BLOCK_PREFIX } from '../net/calico-ipam';
/** IPIP adds one 20-byte IP header; VXLAN 50 bytes (felix sets tunl0 MTU 1480, vxlan.calico 1450 on a 1500 link). */
export const IPIP_OVERHEAD = 20;
export const CALICO_VXLAN_OVERHEAD = 50;

export function isCaliIface(iface: string): boolean {
  return iface.startsWith('cali');
}

export function isCalico(t: Topology): boolean {
  return t.scenario.cluster.cni === 'calico';
}

const ipamCache = new WeakMap<Topology, CalicoIpamState | undefined>();

/** Calico IPAM's allocation for the topology's scenario (net/calico-ipam.ts), computed once per topology. */
export function calicoIpam(t: Topology): CalicoIpamState | undefined {
  if (ipamCache.has(t)) return ipamCache.get(t);
  const st = calicoIpamState(t.scenario);
  ipamCache.set(t, st);
  return st;
}

/** A node's IPAM blocks (affine to the node), in the order it claimed them: handed out of the IP pool, not its spec.podCIDR. */
export function nodeBlocks(t: Topology, node: Node): string[] {
  return calicoIpam(t)?.blocks.get(node.id) ?? [];
}

/** Pod addresses a node borrowed from another node's block (advertised as /32 routes). */
export function borrowedAddresses(t: Topology, node: Node): string[] {
  const out: string[] = [];
  for (const [ip, owner] of calicoIpam(t)?.borrowed ?? []) if (owner === node.id) out.push(ip);
  return out;
}

/** What a node's BIRD exports (and felix routes to in VXLAN mode): its blocks, then its borrowed addresses as /32s. */
export function advertisedRoutes(t: Topology, node: Node): string[] {
  const borrowed = borrowedAddresses(t, node);
  return borrowed.length ? [...nodeBlocks(t, node), ...borrowed.map((ip) => `${ip}/32`)] : nodeBlocks(t, node);
}

/** The address of a node's tunl0 / vxlan.calico: calico-node's first allocation from the node's blocks. */
export function tunnelAddress(t: Topology, node: Node): string {
  return calicoIpam(t)?.tunnels.get(node.id) ?? node.ip;
}
