/**
 * IP address management: the addresses Kubernetes components hand out.
 * - node pod CIDRs: kube-controller-manager's range allocator (--allocate-node-cidrs), one
 *   /nodePodPrefix block of the cluster pod CIDR per node, lowest free first;
 * - pod IPs: the CNI host-local IPAM of the node's bridge, .1 is the cni0 gateway, pods from .2;
 * - ClusterIPs from the service CIDR (kube-dns keeps the 10th address, 10.96.0.10);
 * - nodePorts from 30000-32767.
 */
import { cidrContainsInt, cidrSize, intToIp, ipToInt, parseCidr } from './cidr';

export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;
/** kubeadm places cluster DNS at the 10th address of the service CIDR (10.96.0.10). */
export const DNS_SERVICE_OFFSET = 10;

/** The first free /prefix block of `clusterCidr` not in `taken`, or undefined when full. */
export function allocateNodePodCidr(clusterCidr: string, prefix: number, taken: Iterable<string>): string | undefined {
  const cluster = parseCidr(clusterCidr);
  if (prefix < cluster.prefix) return undefined;
  const takenNets = [...taken].map((t) => parseCidr(t));
  const blockSize = 2 ** (32 - prefix);
  const blocks = 2 ** (prefix - cluster.prefix);
  for (let i = 0; i < blocks; i++) {
    const candidate = parseCidr(`${intToIp((cluster.network + i * blockSize) >>> 0)}/${prefix}`);
    const clash = takenNets.some((t) => cidrContainsInt(t, candidate.network) || cidrContainsInt(candidate, t.network));
    if (!clash) return candidate.text;
  }
  return undefined;
}

/** The cni0 bridge address of a node: the first address of its pod CIDR. */
export function bridgeGateway(nodePodCidr: string): string {
  return intToIp((parseCidr(nodePodCidr).network + 1) >>> 0);
}

/** The lowest free pod address in a node's pod CIDR (host-local IPAM: from .2, skipping the gateway). */
export function allocatePodIp(nodePodCidr: string, taken: Iterable<string>): string | undefined {
  const c = parseCidr(nodePodCidr);
  const used = new Set<number>();
  for (const t of taken) used.add(ipToInt(t));
  const size = cidrSize(nodePodCidr);
  for (let i = 2; i < size - 1; i++) {
    const n = (c.network + i) >>> 0;
    if (!used.has(n)) return intToIp(n);
  }
  return undefined;
}

/** The first address of the service CIDR belongs to default/kubernetes, the API server's Service (10.96.0.1). */
export const API_SERVICE_OFFSET = 1;

/**
 * The lowest free ClusterIP. The DNS address (.10) is kept for kube-dns (`role: 'dns'`) and .1 for
 * the `kubernetes` API Service (`role: 'api'`); other Services get the rest in order (the real
 * allocator picks at random; in order keeps scenarios readable and deterministic).
 */
export function allocateClusterIp(serviceCidr: string, taken: Iterable<string>, role: 'dns' | 'api' | boolean = false): string | undefined {
  const c = parseCidr(serviceCidr);
  if (role === 'dns' || role === true) return intToIp((c.network + DNS_SERVICE_OFFSET) >>> 0);
  if (role === 'api') return intToIp((c.network + API_SERVICE_OFFSET) >>> 0);
  const used = new Set<number>();
  for (const t of taken) used.add(ipToInt(t));
  const size = cidrSize(serviceCidr);
  for (let i = API_SERVICE_OFFSET + 1; i < size - 1; i++) {
    if (i === DNS_SERVICE_OFFSET) continue;
    const n = (c.network + i) >>> 0;
    if (!used.has(n)) return intToIp(n);
  }
  return undefined;
}

export function allocateNodePort(taken: Iterable<number>): number | undefined {
  const used = new Set(taken);
  for (let p = NODE_PORT_MIN; p <= NODE_PORT_MAX; p++) if (!used.has(p)) return p;
  return undefined;
}
