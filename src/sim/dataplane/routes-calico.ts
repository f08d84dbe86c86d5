/**
 * Calico's routes on a node and the pod blocks a router learns from the nodes over BGP.
 *
 * Calico's routes on a node: a /32 per local pod to its cali interface (felix), a blackhole per own
 * IPAM block, and per other node's block a route by the pool's mode. BGP and IPIP routes come from
 * BIRD (`proto bird`); in VXLAN mode felix programs them (`proto 80`, felix dataplanedefs.DefaultRouteProto).
 * An address a node borrowed from another node's block is advertised by the borrower as a /32.
 * BGP to a node on another subnet: BIRD resolves the iBGP next hop through the default route, so the
 * route points at the gateway, which must have learned the block itself (a BGP peer).
 *
 * A node of a 1,000-node cluster has a route per block of every other node; a trace needs one. So
 * the blocks of all nodes are indexed once per scenario version (by prefix length and network, in
 * document order), a lookup reads the node's own routes and the index, and the whole list is built
 * only when something reads it (`ip route`); a property test checks a lookup against a scan.
 */
import type { Node, Router } from '../model/schema';
import type { Topology } from '../model/topology';
import { maskOf, parseCidr } from '../net/cidr';
import { advertisedRoutes, nodeBlocks, tunnelAddress, CALICO_VXLAN_DEV, IPIP_DEV } from './calico-net';
import { caliName } from './cali-name';
import { bestOwn, lazyTable, table, type Route, type RouteTable } from './route-table';

/** Every node's blocks by prefix length (longest first) and network, in document order. */
interface BlockIndex {
  byPrefix: [number, Map<number, { node: Node; block: string }[]>][];
}
const blockIndexes = new WeakMap<Topology, BlockIndex>();

function blockIndex(t: Topology): BlockIndex {
  let idx = blockIndexes.get(t);
  if (idx) return idx;
  const groups = new Map<number, Map<number, { node: Node; block: string }[]>>();
  for (const node of t.scenario.nodes) {
    for (const block of advertisedRoutes(t, node)) {
      const c = parseCidr(block);
      let g = groups.get(c.prefix);
      if (!g) groups.set(c.prefix, (g = new Map()));
      const list = g.get(c.network);
      if (list) list.push({ node, block });
      else g.set(c.network, [{ node, block }]);
    }
  }
  idx = { byPrefix: [...groups.entries()].sort((a, b) => b[0] - a[0]) };
  blockIndexes.set(t, idx);
  return idx;
}

/** The node's own Calico routes: a /32 per local pod, a blackhole per own block. */
function localRoutes(t: Topology, node: Node, proto: string): Route[] {
  const routes: Route[] = [];
  for (const p of t.podsByNode.get(node.id) ?? []) {
    const dev = caliName(p);
    routes.push({ cidr: parseCidr(`${p.ip}/32`), dev, pod: p.id, text: `${p.ip} dev ${dev} scope link` });
  }
  for (const b of nodeBlocks(t, node)) routes.push({ cidr: parseCidr(b), dev: 'lo', blackhole: true, text: `blackhole ${b} ${proto}` });
  return routes;
}

/**
 * Whether the nodes learn each other's blocks. VXLAN: felix programs the routes from the IPAM blocks,
 * no BGP needed. BGP and IPIP: BIRD learns them from its BGP peers, which are every other node with
 * the node-to-node mesh on (the default), or the route reflectors with it off (a reflector passes
 * each client's routes to the other clients, RFC 4456; the next hop stays the node that owns the
 * block). Mesh off and no reflector: a node learns nothing (docs.tigera.io, Configure BGP peering).
 */
export function nodesLearnBlocks(t: Topology): boolean {
  const { calicoMode, bgpMesh } = t.scenario.cluster;
  return calicoMode === 'vxlan' || bgpMesh !== false || t.scenario.nodes.some((n) => n.routeReflector === true);
}

/** The route on `node` to `other`'s block `b`, by the pool's mode; none when BGP has no way there. */
function remoteBlockRoute(t: Topology, node: Node, other: Node, b: string, proto: string): Route | undefined {
  if (!nodesLearnBlocks(t)) return undefined;
  const { calicoMode: mode, crossSubnet } = t.scenario.cluster;
  const subnet = t.subnets.get(node.subnet);
  const sameSubnet = subnet !== undefined && other.subnet === node.subnet;
  const encap = mode !== 'bgp' && (!crossSubnet || !sameSubnet);
  const cidr = parseCidr(b);
  if (encap && mode === 'ipip') {
    return {
      cidr,
      dev: IPIP_DEV,
      via: other.ip,
      onlink: true,
      src: tunnelAddress(t, node),
      remoteNode: other.id,
      text: `${b} via ${other.ip} dev ${IPIP_DEV} ${proto} onlink`,
    };
  }
  if (encap) {
    const vtep = tunnelAddress(t, other);
    return {
      cidr,
      dev: CALICO_VXLAN_DEV,
      via: vtep,
      onlink: true,
      src: tunnelAddress(t, node),
      remoteNode: other.id,
      text: `${b} via ${vtep} dev ${CALICO_VXLAN_DEV} ${proto} onlink`,
    };
  }
  if (sameSubnet) return { cidr, dev: 'eth0', via: other.ip, remoteNode: other.id, text: `${b} via ${other.ip} dev eth0 ${proto}` };
  if (subnet?.gateway) return { cidr, dev: 'eth0', via: subnet.gateway, remoteNode: other.id, text: `${b} via ${subnet.gateway} dev eth0 ${proto}` };
  return undefined;
}

/** A Calico node's table after its `own` routes (eth0's subnet, the default route). */
export function calicoNodeTable(t: Topology, node: Node, own: Route[]): RouteTable {
  const proto = t.scenario.cluster.calicoMode === 'vxlan' ? 'proto 80' : 'proto bird';
  const first = [...own, ...localRoutes(t, node, proto)];
  const whole = (): RouteTable => {
    const routes = [...first];
    for (const other of t.scenario.nodes) {
      if (other.id === node.id) continue;
      for (const b of advertisedRoutes(t, other)) {
        const r = remoteBlockRoute(t, node, other, b, proto);
        if (r) routes.push(r);
      }
    }
    return table(routes);
  };
  const remotes = new Map<string, Route | null>();
  const remote = (other: Node, b: string): Route | undefined => {
    const key = `${other.id}|${b}`;
    let r = remotes.get(key);
    if (r === undefined) remotes.set(key, (r = remoteBlockRoute(t, node, other, b, proto) ?? null));
    return r ?? undefined;
  };
  return lazyTable(whole, {
    lookup(n) {
      const best = bestOwn(first, n);
      for (const [prefix, nets] of blockIndex(t).byPrefix) {
        // The node's own routes come first in the table: they win a tie.
        if (best && best.cidr.prefix >= prefix) break;
        for (const { node: other, block } of nets.get((n & maskOf(prefix)) >>> 0) ?? []) {
          if (other.id === node.id) continue;
          const r = remote(other, block);
          if (r) return r;
        }
      }
      return best;
    },
    findMissing: () => undefined,
  });
}

/** The /26 blocks a router learns from the Calico nodes when it is their BGP peer (BGP and IPIP modes run BIRD). */
export function bgpLearnedRoutes(t: Topology, router: Router): Route[] {
  const { cni, calicoMode } = t.scenario.cluster;
  if (cni !== 'calico' || calicoMode === 'vxlan' || !router.bgpPeer) return [];
  const routes: Route[] = [];
  for (const n of t.scenario.nodes) {
    const i = router.interfaces.findIndex((x) => x.subnet === n.subnet);
    if (i < 0) continue;
    for (const b of advertisedRoutes(t, n))
      routes.push({ cidr: parseCidr(b), dev: `eth${i}`, via: n.ip, remoteNode: n.id, text: `${b} via ${n.ip} dev eth${i} proto bird` });
  }
  return routes;
}
