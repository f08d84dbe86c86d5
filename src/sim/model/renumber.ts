/** Renumbering when a CIDR changes: a node's pods into its new pod CIDR, a subnet's hosts into its new range. */
import type { Pod, Scenario, Subnet } from './schema';
import { allocatePodIp } from '../net/ipam';
import { cidrContains, cidrSize, intToIp, ipToInt, parseCidr } from '../net/cidr';
import { msg, type Message } from '../messages/index';

/** The address with the same host part in `newCidr`, or the lowest free one when it does not fit or is taken. */
function renumber(ip: string, oldCidr: string, newCidr: string, taken: Set<number>, firstOffset: number): string | undefined {
  const oldNet = parseCidr(oldCidr).network;
  const next = parseCidr(newCidr);
  const size = cidrSize(newCidr);
  const offset = ipToInt(ip) - oldNet;
  const candidate = (next.network + offset) >>> 0;
  if (offset >= 1 && offset < size - 1 && !taken.has(candidate)) {
    taken.add(candidate);
    return intToIp(candidate);
  }
  for (let i = Math.min(firstOffset, size - 2); i < size - 1; i++) {
    const n = (next.network + i) >>> 0;
    if (!taken.has(n)) {
      taken.add(n);
      return intToIp(n);
    }
  }
  return undefined;
}

/** Readdress a node's pods into its new pod CIDR, keeping each pod's host part where it can. */
export function renumberPods(s: Scenario, nodeId: string, oldCidr: string, newCidr: string): Pod[] | Message {
  const taken = new Set<number>([(parseCidr(newCidr).network + 1) >>> 0]);
  let failed: Message | undefined;
  const pods = s.pods.map((p) => {
    if (p.node !== nodeId || failed) return p;
    const ip = cidrContains(oldCidr, p.ip) ? renumber(p.ip, oldCidr, newCidr, taken, 2) : allocatePodIp(newCidr, [...taken].map(intToIp));
    if (!ip) {
      failed = msg('edit.pod-cidr-too-small', { cidr: newCidr });
      return p;
    }
    taken.add(ipToInt(ip));
    return { ...p, ip };
  });
  return failed ?? pods;
}

/** A subnet's new CIDR: renumber gateway, nodes, clients, load balancers and router interfaces on it. */
export function renumberSubnet(s: Scenario, subnet: Subnet, next: Subnet): Scenario | Message {
  const oldCidr = subnet.cidr;
  const newCidr = next.cidr;
  const taken = new Set<number>();
  const map = new Map<string, string>();
  const move = (ip: string, firstOffset: number): string | undefined => {
    const have = map.get(ip);
    if (have) return have;
    const out = cidrContains(oldCidr, ip) ? renumber(ip, oldCidr, newCidr, taken, firstOffset) : ip;
    if (out) map.set(ip, out);
    return out;
  };
  const gateway = next.gateway && next.gateway === subnet.gateway ? move(next.gateway, 1) : next.gateway;
  const on = <T extends { subnet: string; ip: string }>(items: T[], firstOffset: number): T[] | undefined => {
    if (!items.some((e) => e.subnet === subnet.id)) return items;
    const out: T[] = [];
    for (const e of items) {
      if (e.subnet !== subnet.id) out.push(e);
      else {
        const ip = move(e.ip, firstOffset);
        if (!ip) return undefined;
        out.push({ ...e, ip });
      }
    }
    return out;
  };
  const routers = s.routers.map((r) => {
    if (!r.interfaces.some((i) => i.subnet === subnet.id)) return r;
    const interfaces = r.interfaces.map((i) => (i.subnet === subnet.id ? { ...i, ip: move(i.ip, 1) ?? i.ip } : i));
    const routes = r.routes.map((rt) => (map.has(rt.via) ? { ...rt, via: map.get(rt.via)! } : rt));
    return { ...r, interfaces, routes };
  });
  const nodes = on(s.nodes, 10);
  const clients = on(s.clients, 10);
  const loadBalancers = on(s.loadBalancers, 10);
  if (!nodes || !clients || !loadBalancers) return msg('edit.subnet-too-small', { cidr: newCidr, subnet: subnet.name });
  const updated: Subnet = { ...next, ...(gateway ? { gateway } : {}) };
  if (!gateway) delete updated.gateway;
  return { ...s, subnets: s.subnets.map((x) => (x.id === subnet.id ? updated : x)), routers, nodes, clients, loadBalancers };
}
