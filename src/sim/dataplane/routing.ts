/**
 * Route tables of every netns in the scenario, as `ip route` would print them, and longest-prefix
 * lookup. Tables are built once per topology and cached.
 *
 * Node routes follow flannel (Documentation/backends.md): host-gw installs
 * `<remote podCIDR> via <remote node IP> dev eth0`, which the kernel accepts only when the next hop
 * is on a connected subnet; vxlan installs `<remote podCIDR> via <remote flannel.1 address> dev
 * flannel.1 onlink`, with DirectRouting using the host-gw form for nodes on the same subnet.
 */
import type { ClientHost, Node, Pod, Router } from '../model/schema';
import type { Topology } from '../model/topology';
import { cidrContainsInt, intToIp, ipToInt, parseCidr, type Cidr } from '../net/cidr';
import { bridgeGateway } from '../net/ipam';

export const FLANNEL_VXLAN_DEV = 'flannel.1';

export interface Route {
  cidr: Cidr;
  dev: string;
  via?: string;
  /** Preferred source address for locally generated packets. */
  src?: string;
  onlink?: boolean;
  /** For flannel routes: the node that owns the destination pod CIDR. */
  remoteNode?: string;
  /** The route as `ip route` prints it. */
  text: string;
}

/** A route flannel wanted but the kernel refused, kept so the tracer can explain the failure. */
export interface MissingRoute {
  cidr: Cidr;
  remoteNode: string;
  wanted: string;
  why: string;
}

export interface RouteTable {
  /** Most specific first. */
  routes: Route[];
  missing: MissingRoute[];
}

function table(routes: Route[], missing: MissingRoute[] = []): RouteTable {
  routes.sort((a, b) => b.cidr.prefix - a.cidr.prefix);
  return { routes, missing };
}

export function lookupRoute(t: RouteTable, ip: string): Route | undefined {
  const n = ipToInt(ip);
  for (const r of t.routes) if (cidrContainsInt(r.cidr, n)) return r;
  return undefined;
}

export function findMissingRoute(t: RouteTable, ip: string): MissingRoute | undefined {
  const n = ipToInt(ip);
  return t.missing.find((m) => cidrContainsInt(m.cidr, n));
}

function connected(cidrText: string, dev: string, src: string): Route {
  const cidr = parseCidr(cidrText);
  return { cidr, dev, src, text: `${cidr.text} dev ${dev} proto kernel scope link src ${src}` };
}

function defaultVia(gateway: string, dev: string): Route {
  return { cidr: parseCidr('0.0.0.0/0'), dev, via: gateway, text: `default via ${gateway} dev ${dev}` };
}

const caches = new WeakMap<Topology, Map<string, RouteTable>>();
function cached(t: Topology, key: string, build: () => RouteTable): RouteTable {
  let m = caches.get(t);
  if (!m) caches.set(t, (m = new Map()));
  let r = m.get(key);
  if (!r) m.set(key, (r = build()));
  return r;
}

/** A pod's netns: its node's pod CIDR on eth0, default via the cni0 gateway. */
export function podRouteTable(t: Topology, pod: Pod): RouteTable {
  return cached(t, pod.id, () => {
    const node = t.nodes.get(pod.node);
    if (!node) return table([]);
    return table([connected(node.podCidr, 'eth0', pod.ip), defaultVia(bridgeGateway(node.podCidr), 'eth0')]);
  });
}

/** The flannel.1 VTEP address of a node: the network address of its pod CIDR (10.244.1.0/32). */
export function vtepAddress(node: Node): string {
  return intToIp(parseCidr(node.podCidr).network);
}

export function nodeRouteTable(t: Topology, node: Node): RouteTable {
  return cached(t, node.id, () => {
    const routes: Route[] = [];
    const missing: MissingRoute[] = [];
    const subnet = t.subnets.get(node.subnet);
    if (subnet) {
      routes.push(connected(subnet.cidr, 'eth0', node.ip));
      if (subnet.gateway) routes.push(defaultVia(subnet.gateway, 'eth0'));
    }
    routes.push(connected(node.podCidr, 'cni0', bridgeGateway(node.podCidr)));
    const { cni, directRouting } = t.scenario.cluster;
    for (const other of t.scenario.nodes) {
      if (other.id === node.id) continue;
      const cidr = t.nodeCidrs.get(other.id)!;
      const sameSubnet = other.subnet === node.subnet && subnet !== undefined;
      const direct = cni === 'host-gw' || (directRouting && sameSubnet);
      if (direct) {
        const wanted = `${cidr.text} via ${other.ip} dev eth0`;
        if (sameSubnet) routes.push({ cidr, dev: 'eth0', via: other.ip, remoteNode: other.id, text: wanted });
        else
          missing.push({
            cidr,
            remoteNode: other.id,
            wanted,
            why: `${other.ip} is not on ${node.name}'s eth0 subnet${subnet ? ` ${subnet.cidr}` : ''}, so the kernel refuses the route (RTNETLINK: Nexthop has invalid gateway)`,
          });
      } else {
        const vtep = vtepAddress(other);
        routes.push({
          cidr,
          dev: FLANNEL_VXLAN_DEV,
          via: vtep,
          onlink: true,
          src: vtepAddress(node),
          remoteNode: other.id,
          text: `${cidr.text} via ${vtep} dev ${FLANNEL_VXLAN_DEV} onlink`,
        });
      }
    }
    return table(routes, missing);
  });
}

/** Router interfaces are named eth0, eth1, ... in the order of the scenario. */
export function routerIfaceName(router: Router, subnetId: string): string {
  const i = router.interfaces.findIndex((x) => x.subnet === subnetId);
  return `eth${i < 0 ? 0 : i}`;
}

export function routerRouteTable(t: Topology, router: Router): RouteTable {
  return cached(t, router.id, () => {
    const routes: Route[] = [];
    router.interfaces.forEach((x, i) => {
      const s = t.subnets.get(x.subnet);
      if (s) routes.push(connected(s.cidr, `eth${i}`, x.ip));
    });
    for (const r of router.routes) {
      const dev = router.interfaces.findIndex((x) => {
        const c = t.subnetCidrs.get(x.subnet);
        return c !== undefined && cidrContainsInt(c, ipToInt(r.via));
      });
      const cidr = parseCidr(r.dst);
      const devName = `eth${dev < 0 ? 0 : dev}`;
      routes.push({ cidr, dev: devName, via: r.via, text: cidr.prefix === 0 ? `default via ${r.via} dev ${devName}` : `${cidr.text} via ${r.via} dev ${devName}` });
    }
    return table(routes);
  });
}

export function clientRouteTable(t: Topology, client: ClientHost): RouteTable {
  return cached(t, client.id, () => {
    const s = t.subnets.get(client.subnet);
    if (!s) return table([]);
    const routes = [connected(s.cidr, 'eth0', client.ip)];
    if (s.gateway) routes.push(defaultVia(s.gateway, 'eth0'));
    return table(routes);
  });
}
