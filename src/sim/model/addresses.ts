/** Address allocation for edits: underlay host addresses, subnets, router interfaces, pod IPs and ClusterIPs. */
import type { Scenario, Service } from './schema';
import { allocateClusterIp } from '../net/ipam';
import { nextPodIpFor } from './pod-ipam';
import { cidrContains, cidrSize, cidrsOverlap, intToIp, ipToInt, parseCidr } from '../net/cidr';
import { clusterIpRole } from './materialize';

/** Every address in use on an underlay subnet: nodes, router interfaces, clients, load balancers, gateway. */
export function subnetAddresses(s: Scenario, subnetId: string, exceptElement?: string): string[] {
  const out: string[] = [];
  const subnet = s.subnets.find((x) => x.id === subnetId);
  if (subnet?.gateway) out.push(subnet.gateway);
  for (const n of s.nodes) if (n.subnet === subnetId && n.id !== exceptElement) out.push(n.ip);
  for (const c of s.clients) if (c.subnet === subnetId && c.id !== exceptElement) out.push(c.ip);
  for (const lb of s.loadBalancers) if (lb.subnet === subnetId && lb.id !== exceptElement) out.push(lb.ip);
  for (const r of s.routers) for (const i of r.interfaces) if (i.subnet === subnetId && r.id !== exceptElement) out.push(i.ip);
  return out;
}

/**
 * The lowest free host address of a subnet from the `firstOffset`-th address on (hosts from .10,
 * routers from .1 by habit), never the network or broadcast address; undefined when full.
 */
export function allocateHostIp(cidrText: string, taken: Iterable<string>, firstOffset = 10): string | undefined {
  const c = parseCidr(cidrText);
  const size = cidrSize(cidrText);
  if (size < 4) return undefined;
  const used = new Set<number>();
  for (const t of taken) used.add(ipToInt(t));
  const start = firstOffset < size - 1 ? firstOffset : 1;
  for (let k = 0; k < size - 2; k++) {
    const i = 1 + ((start - 1 + k) % (size - 2));
    const n = (c.network + i) >>> 0;
    if (!used.has(n)) return intToIp(n);
  }
  return undefined;
}

/** The first 192.168.N.0/24 (then 172.16-31.N.0/24) clear of every subnet and both cluster ranges. */
export function allocateSubnetCidr(s: Scenario): string | undefined {
  const busy = [...s.subnets.map((x) => x.cidr), s.cluster.podCidr, s.cluster.serviceCidr];
  const free = (c: string) => !busy.some((b) => cidrsOverlap(b, c));
  for (let n = 1; n < 256; n++) if (free(`192.168.${n}.0/24`)) return `192.168.${n}.0/24`;
  for (let b = 16; b < 32; b++) for (let n = 0; n < 256; n++) if (free(`172.${b}.${n}.0/24`)) return `172.${b}.${n}.0/24`;
  return undefined;
}

/** Pick a router address on a subnet: its gateway if no router holds it yet, else the lowest free from .1. */
export function routerAddressOn(s: Scenario, subnetId: string): string | undefined {
  const subnet = s.subnets.find((x) => x.id === subnetId);
  if (!subnet) return undefined;
  const gw = subnet.gateway;
  if (gw && cidrContains(subnet.cidr, gw) && !s.routers.some((r) => r.interfaces.some((i) => i.subnet === subnetId && i.ip === gw))) {
    const hostHolds = subnetAddresses(s, subnetId).filter((ip) => ip === gw).length > 1;
    if (!hostHolds) return gw;
  }
  return allocateHostIp(subnet.cidr, subnetAddresses(s, subnetId), 1);
}

/** The next free pod IP on a node, from the CNI's IPAM (host-local over the node's pod CIDR, or Calico's blocks). */
export function nextPodIp(s: Scenario, nodeId: string, exceptPod?: string): string | undefined {
  return nextPodIpFor(s, nodeId, exceptPod);
}

export function nextClusterIp(s: Scenario, svc: Pick<Service, 'name' | 'namespace'>, exceptService?: string): string | undefined {
  const taken = s.services.filter((x) => x.id !== exceptService).flatMap((x) => (x.clusterIP && x.clusterIP !== 'None' ? [x.clusterIP] : []));
  return allocateClusterIp(s.cluster.serviceCidr, taken, clusterIpRole(svc));
}
