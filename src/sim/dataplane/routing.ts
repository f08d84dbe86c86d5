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
import { caliName, nodeBlocks, tunnelAddress, CALICO_GATEWAY, CALICO_VXLAN_DEV, IPIP_DEV } from './calico-net';

export const FLANNEL_VXLAN_DEV = 'flannel.1';

export interface Route {
  cidr: Cidr;
  dev: string;
  via?: string;
  /** Preferred source address for locally generated packets. */
  src?: string;
  onlink?: boolean;
  /** For flannel and Calico routes: the node that owns the destination pod CIDR or block. */
  remoteNode?: string;
  /** A blackhole route (Calico's own IPAM blocks): matching packets are discarded. */
  blackhole?: boolean;
  /** Calico's /32 route to a local pod's cali interface. */
  pod?: string;
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

/** A pod's netns: its node's pod CIDR on eth0, default via the cni0 gateway (Calico: via 169.254.1.1). */
export function podRouteTable(t: Topology, pod: Pod): RouteTable {
  return cached(t, pod.id, () => {
    const node = t.nodes.get(pod.node);
    if (!node) return table([]);
    if (t.scenario.cluster.cni === 'calico') {
      const gw = parseCidr(`${CALICO_GATEWAY}/32`);
      return table([
        { cidr: gw, dev: 'eth0', text: `${CALICO_GATEWAY} dev eth0 scope link` },
        { cidr: parseCidr('0.0.0.0/0'), dev: 'eth0', via: CALICO_GATEWAY, text: `default via ${CALICO_GATEWAY} dev eth0` },
      ]);
    }
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
    if (t.scenario.cluster.cni === 'calico') return table([...routes, ...calicoNodeRoutes(t, node)], missing);
    routes.push(connected(node.podCidr, 'cni0', bridgeGateway(node.podCidr)));
    const { flannelBackend, directRouting } = t.scenario.cluster;
    for (const other of t.scenario.nodes) {
      if (other.id === node.id) continue;
      const cidr = t.nodeCidrs.get(other.id)!;
      const sameSubnet = other.subnet === node.subnet && subnet !== undefined;
      const direct = flannelBackend === 'host-gw' || (directRouting && sameSubnet);
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

/**
 * Calico's routes on a node: a /32 per local pod to its cali interface (felix), a blackhole per own
 * block, and per other node's block a route by the pool's mode. BGP and IPIP routes come from BIRD
 * (`proto bird`); in VXLAN mode felix programs them (`proto 80`, felix dataplanedefs.DefaultRouteProto).
 * BGP to a node on another subnet: BIRD resolves the iBGP next hop through the default route, so the
 * route points at the gateway, which must have learned the block itself (a BGP peer).
 */
function calicoNodeRoutes(t: Topology, node: Node): Route[] {
  const { calicoMode: mode, crossSubnet } = t.scenario.cluster;
  const proto = mode === 'vxlan' ? 'proto 80' : 'proto bird';
  const subnet = t.subnets.get(node.subnet);
  const routes: Route[] = [];
  for (const p of t.podsByNode.get(node.id) ?? []) {
    const dev = caliName(p);
    routes.push({ cidr: parseCidr(`${p.ip}/32`), dev, pod: p.id, text: `${p.ip} dev ${dev} scope link` });
  }
  for (const b of nodeBlocks(t, node)) routes.push({ cidr: parseCidr(b), dev: 'lo', blackhole: true, text: `blackhole ${b} ${proto}` });
  for (const other of t.scenario.nodes) {
    if (other.id === node.id) continue;
    const sameSubnet = subnet !== undefined && other.subnet === node.subnet;
    const encap = mode !== 'bgp' && (!crossSubnet || !sameSubnet);
    for (const b of nodeBlocks(t, other)) {
      const cidr = parseCidr(b);
      if (encap && mode === 'ipip') {
        routes.push({ cidr, dev: IPIP_DEV, via: other.ip, onlink: true, src: tunnelAddress(node), remoteNode: other.id, text: `${b} via ${other.ip} dev ${IPIP_DEV} ${proto} onlink` });
      } else if (encap) {
        const vtep = tunnelAddress(other);
        routes.push({ cidr, dev: CALICO_VXLAN_DEV, via: vtep, onlink: true, src: tunnelAddress(node), remoteNode: other.id, text: `${b} via ${vtep} dev ${CALICO_VXLAN_DEV} ${proto} onlink` });
      } else if (sameSubnet) {
        routes.push({ cidr, dev: 'eth0', via: other.ip, remoteNode: other.id, text: `${b} via ${other.ip} dev eth0 ${proto}` });
      } else if (subnet?.gateway) {
        routes.push({ cidr, dev: 'eth0', via: subnet.gateway, remoteNode: other.id, text: `${b} via ${subnet.gateway} dev eth0 ${proto}` });
      }
    }
  }
  return routes;
}

/** The /26 blocks a router learns from the Calico nodes when it is their BGP peer (BGP and IPIP modes run BIRD). */
function bgpLearnedRoutes(t: Topology, router: Router): Route[] {
  const { cni, calicoMode } = t.scenario.cluster;
  if (cni !== 'calico' || calicoMode === 'vxlan' || !router.bgpPeer) return [];
  const routes: Route[] = [];
  for (const n of t.scenario.nodes) {
    const i = router.interfaces.findIndex((x) => x.subnet === n.subnet);
    if (i < 0) continue;
    for (const b of nodeBlocks(t, n)) routes.push({ cidr: parseCidr(b), dev: `eth${i}`, via: n.ip, remoteNode: n.id, text: `${b} via ${n.ip} dev eth${i} proto bird` });
  }
  return routes;
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
    routes.push(...bgpLearnedRoutes(t, router));
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
