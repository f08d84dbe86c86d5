/**
 * Allocators for a whole scenario at once (materialize.ts): each keeps a cursor and a set of what is
 * taken, so filling N addresses costs about N steps, not N² (or N³ when every step re-parsed every
 * CIDR). They hand out exactly what the one-shot functions in ipam.ts would, in the same order.
 */
import { cidrSize, intToIp, ipToInt, parseCidr, type Cidr } from './cidr';
import { API_SERVICE_OFFSET, DNS_SERVICE_OFFSET, NODE_PORT_MAX, NODE_PORT_MIN } from './ipam';

/** Node pod CIDRs: the lowest free /prefix block of the cluster pod CIDR. */
export function podCidrAllocator(clusterCidr: string, prefix: number, taken: Iterable<string>): { next(): string | undefined } {
  const cluster = parseCidr(clusterCidr);
  const blockSize = 2 ** (32 - prefix);
  const blocks = prefix < cluster.prefix ? 0 : 2 ** (prefix - cluster.prefix);
  const used = new Set<number>();
  /** Taken ranges wider than a block: [first block, last block]. */
  const wide: [number, number][] = [];
  const mark = (c: Cidr) => {
    const start = c.network;
    const end = c.network + 2 ** (32 - c.prefix) - 1;
    const first = Math.max(0, Math.floor((start - cluster.network) / blockSize));
    const last = Math.min(blocks - 1, Math.floor((end - cluster.network) / blockSize));
    if (last < first || end < cluster.network || start > cluster.network + blocks * blockSize - 1) return;
    if (last - first < 4096) for (let b = first; b <= last; b++) used.add(b);
    else wide.push([first, last]);
  };
  for (const t of taken) mark(parseCidr(t));
  let cursor = 0;
  return {
    next() {
      while (cursor < blocks && (used.has(cursor) || wide.some(([a, b]) => cursor >= a && cursor <= b))) cursor++;
      if (cursor >= blocks) return undefined;
      used.add(cursor);
      return `${intToIp((cluster.network + cursor * blockSize) >>> 0)}/${prefix}`;
    },
  };
}

/** Pod IPs of one node: host-local IPAM from .2, skipping the cni0 gateway (.1) and the broadcast address. */
export function podIpAllocator(nodePodCidr: string, taken: Iterable<string>): { next(): string | undefined } {
  const c = parseCidr(nodePodCidr);
  const size = cidrSize(nodePodCidr);
  const used = new Set<number>();
  for (const t of taken) used.add(ipToInt(t));
  let i = 2;
  return {
    next() {
      while (i < size - 1 && used.has((c.network + i) >>> 0)) i++;
      if (i >= size - 1) return undefined;
      const n = (c.network + i) >>> 0;
      used.add(n);
      return intToIp(n);
    },
  };
}

/** ClusterIPs: .10 for kube-dns, .1 for the API Service, the rest in order from .2. */
export function clusterIpAllocator(serviceCidr: string, taken: Iterable<string>): { next(role?: 'dns' | 'api' | false): string | undefined } {
  const c = parseCidr(serviceCidr);
  const size = cidrSize(serviceCidr);
  const used = new Set<number>();
  for (const t of taken) used.add(ipToInt(t));
  let i = API_SERVICE_OFFSET + 1;
  return {
    next(role = false) {
      if (role === 'dns') return intToIp((c.network + DNS_SERVICE_OFFSET) >>> 0);
      if (role === 'api') return intToIp((c.network + API_SERVICE_OFFSET) >>> 0);
      while (i < size - 1 && (i === DNS_SERVICE_OFFSET || used.has((c.network + i) >>> 0))) i++;
      if (i >= size - 1) return undefined;
      const n = (c.network + i) >>> 0;
      used.add(n);
      return intToIp(n);
    },
  };
}

/** NodePorts from 30000-32767, lowest free first. */
export function nodePortAllocator(taken: Iterable<number>): { next(): number | undefined } {
  const used = new Set(taken);
  let p = NODE_PORT_MIN;
  return {
    next() {
      while (p <= NODE_PORT_MAX && used.has(p)) p++;
      if (p > NODE_PORT_MAX) return undefined;
      used.add(p);
      return p;
    },
  };
}
