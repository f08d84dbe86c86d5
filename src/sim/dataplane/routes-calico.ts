/** Calico's routes on a node and the pod blocks a router learns from the nodes over BGP. */
import type { Node, Router } from '../model/schema';
import type { Topology } from '../model/topology';
import { parseCidr } from '../net/cidr';
import { caliName, nodeBlocks, tunnelAddress, CALICO_VXLAN_DEV, IPIP_DEV } from './calico-net';
import type { Route } from './route-table';

/**
 * Calico's routes on a node: a /32 per local pod to its cali interface (felix), a blackhole per own
 * block, and per other node's block a route by the pool's mode. BGP and IPIP routes come from BIRD
 * (`proto bird`); in VXLAN mode felix programs them (`proto 80`, felix dataplanedefs.DefaultRouteProto).
 * BGP to a node on another subnet: BIRD resolves the iBGP next hop through the default route, so the
 * route points at the gateway, which must have learned the block itself (a BGP peer).
 */
export function calicoNodeRoutes(t: Topology, node: Node): Route[] {
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
export function bgpLearnedRoutes(t: Topology, router: Router): Route[] {
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
