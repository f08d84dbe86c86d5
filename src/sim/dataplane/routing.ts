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
import { cidrContainsInt, ipToInt, maskOf, parseCidr } from '../net/cidr';
import { bridgeGateway } from '../net/ipam';
import { CALICO_GATEWAY } from './calico-net';
import { msg } from '../messages/index';
import { cached, connected, defaultVia, lazyLookups, table, type MissingRoute, type Route, type RouteTable } from './route-table';
import { bgpLearnedRoutes, calicoNodeTable } from './routes-calico';
import { vtepAddress } from './device-names';

export { findMissingRoute, localRouteText, lookupRoute, type MissingRoute, type Route, type RouteTable } from './route-table';

export const FLANNEL_VXLAN_DEV = 'flannel.1';

/**
 * A pod's netns. Calico: via 169.254.1.1. flannel, as its CNI plugin sets it up through the bridge
 * plugin and host-local IPAM (flannel-io/cni-plugin flannel_linux.go adds the cluster Network as an
 * IPAM route; kube-flannel's delegate sets isDefaultGateway): its node's pod CIDR on eth0, the
 * cluster pod CIDR via the cni0 gateway, default via the same gateway.
 */
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
    const gw = bridgeGateway(node.podCidr);
    const cluster = t.podCidr;
    const routes = [connected(node.podCidr, 'eth0', pod.ip), defaultVia(gw, 'eth0')];
    if (cluster.prefix < parseCidr(node.podCidr).prefix) routes.push({ cidr: cluster, dev: 'eth0', via: gw, text: `${cluster.text} via ${gw} dev eth0` });
    return table(routes);
  });
}

/** The addresses a node holds itself: eth0, cni0 (its bridge gateway) and flannel.1. */
export function nodeOwnsIp(node: Node, ip: string): boolean {
  return ip === node.ip || ip === bridgeGateway(node.podCidr) || ip === vtepAddress(node);
}

/** flannel's route on `node` to `other`'s pod CIDR: a Route, or the route the kernel refused. */
function remoteRoute(t: Topology, node: Node, other: Node): Route | MissingRoute {
  const subnet = t.subnets.get(node.subnet);
  const cidr = t.nodeCidrs.get(other.id)!;
  const { flannelBackend, directRouting } = t.scenario.cluster;
  const sameSubnet = other.subnet === node.subnet && subnet !== undefined;
  const direct = flannelBackend === 'host-gw' || (directRouting && sameSubnet);
  if (direct) {
    const wanted = `${cidr.text} via ${other.ip} dev eth0`;
    if (sameSubnet) return { cidr, dev: 'eth0', via: other.ip, remoteNode: other.id, text: wanted };
    return {
      cidr,
      remoteNode: other.id,
      wanted,
      why: msg('route.refused-gateway', {
        gw: other.ip,
        node: node.name,
        ...(subnet ? { cidr: subnet.cidr } : {}),
        error: 'RTNETLINK answers: Nexthop has invalid gateway',
      }),
    };
  }
  const vtep = vtepAddress(other);
  return {
    cidr,
    dev: FLANNEL_VXLAN_DEV,
    via: vtep,
    onlink: true,
    src: vtepAddress(node),
    remoteNode: other.id,
    text: `${cidr.text} via ${vtep} dev ${FLANNEL_VXLAN_DEV} onlink`,
  };
}

const isMissing = (r: Route | MissingRoute): r is MissingRoute => 'wanted' in r;

/** Nodes by pod CIDR, per prefix length (longest first), in document order: which node's routes can match an address. */
interface PodCidrIndex {
  byPrefix: [number, Map<number, Node[]>][];
  order: Map<string, number>;
}
const podCidrIndexes = new WeakMap<Topology, PodCidrIndex>();

function podCidrIndex(t: Topology): PodCidrIndex {
  let idx = podCidrIndexes.get(t);
  if (idx) return idx;
  const groups = new Map<number, Map<number, Node[]>>();
  const order = new Map<string, number>();
  t.scenario.nodes.forEach((n, i) => {
    order.set(n.id, i);
    const c = t.nodeCidrs.get(n.id)!;
    let g = groups.get(c.prefix);
    if (!g) groups.set(c.prefix, (g = new Map()));
    const list = g.get(c.network);
    if (list) list.push(n);
    else g.set(c.network, [n]);
  });
  idx = { byPrefix: [...groups.entries()].sort((a, b) => b[0] - a[0]), order };
  podCidrIndexes.set(t, idx);
  return idx;
}

/**
 * A node's table: its own routes (eth0's subnet, the default route, cni0) and flannel's route to
 * every other node's pod CIDR, as `ip route` lists them. A lookup reads only the routes that can
 * match (through the pod CIDR index), so a trace through a node of a 1,000-node cluster costs a few
 * map lookups; the whole list is built only when something reads `routes` or `missing`.
 */
export function nodeRouteTable(t: Topology, node: Node): RouteTable {
  return cached(t, node.id, () => {
    const own: Route[] = [];
    const subnet = t.subnets.get(node.subnet);
    if (subnet) {
      own.push(connected(subnet.cidr, 'eth0', node.ip));
      if (subnet.gateway) own.push(defaultVia(subnet.gateway, 'eth0'));
    }
    if (t.scenario.cluster.cni === 'calico') return calicoNodeTable(t, node, own);
    own.push(connected(node.podCidr, 'cni0', bridgeGateway(node.podCidr)));
    let full: RouteTable | undefined;
    const whole = (): RouteTable => {
      if (full) return full;
      const routes = [...own];
      const missing: MissingRoute[] = [];
      for (const other of t.scenario.nodes) {
        if (other.id === node.id) continue;
        const r = remoteRoute(t, node, other);
        if (isMissing(r)) missing.push(r);
        else routes.push(r);
      }
      return (full = table(routes, missing));
    };
    const remotes = new Map<string, Route | MissingRoute>();
    const remote = (other: Node) => {
      let r = remotes.get(other.id);
      if (!r) remotes.set(other.id, (r = remoteRoute(t, node, other)));
      return r;
    };
    /** Other nodes whose pod CIDR contains n, longest prefix first, document order within a prefix. */
    const containing = function* (n: number): Generator<Node> {
      for (const [prefix, nets] of podCidrIndex(t).byPrefix) {
        for (const other of nets.get((n & maskOf(prefix)) >>> 0) ?? []) if (other.id !== node.id) yield other;
      }
    };
    const lazy: RouteTable = {
      get routes() {
        return whole().routes;
      },
      get missing() {
        return whole().missing;
      },
    };
    lazyLookups.set(lazy, {
      lookup(n) {
        let best: Route | undefined;
        for (const r of own) if (cidrContainsInt(r.cidr, n) && (!best || r.cidr.prefix > best.cidr.prefix)) best = r;
        for (const other of containing(n)) {
          const r = remote(other);
          if (isMissing(r)) continue;
          // A node's own route wins a tie: it comes first in the table.
          if (!best || r.cidr.prefix > best.cidr.prefix) best = r;
          break;
        }
        return best;
      },
      findMissing(n) {
        let first: MissingRoute | undefined;
        let at = Infinity;
        const order = podCidrIndex(t).order;
        for (const other of containing(n)) {
          const r = remote(other);
          const i = order.get(other.id)!;
          if (isMissing(r) && i < at) {
            first = r;
            at = i;
          }
        }
        return first;
      },
    });
    return lazy;
  });
}

/** Router interfaces are named eth0, eth1, ... in the order of the scenario. */

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
      routes.push({
        cidr,
        dev: devName,
        via: r.via,
        text: cidr.prefix === 0 ? `default via ${r.via} dev ${devName}` : `${cidr.text} via ${r.via} dev ${devName}`,
      });
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
