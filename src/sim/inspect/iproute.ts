/**
 * `ip addr`, `ip route`, `ip neigh`, `bridge fdb show`, `bridge -d link` and `ip -d link show
 * flannel.1`, printed byte for byte as iproute2 6.1 prints them (trailing spaces included), from the
 * interfaces in links.ts and the route tables the tracer walks.
 */
import type { Node, Pod } from '../model/schema';
import type { Topology } from '../model/topology';
import { bridgeGateway } from '../net/ipam';
import { ipToInt } from '../net/cidr';
import { FLANNEL_VXLAN_DEV, nodeRouteTable, podRouteTable, type RouteTable } from '../dataplane/routing';
import { VXLAN_PORT, VXLAN_VNI } from '../dataplane/overlay';
import { bridgeMac, hostVethMac, linkLocal6, podMac, solicitedNodeMac, vtepMacOf } from '../dataplane/macs';
import { l2HostMac } from '../dataplane/underlay';
import { CALI_MAC, CALICO_GATEWAY, CALICO_VXLAN_DEV, tunnelAddress } from '../dataplane/calico-net';
import { caliName, calicoVtepMac } from '../dataplane/cali-name';
import { nodeLinks, podLinks, type Link } from './links';
import { vtepAddress } from '../dataplane/device-names';

function flags(l: Link): string {
  if (l.kind === 'loopback') return 'LOOPBACK,UP,LOWER_UP';
  if (l.kind === 'ipip') return 'NOARP,UP,LOWER_UP';
  if (l.kind === 'dummy' && !l.up) return 'BROADCAST,NOARP';
  return 'BROADCAST,MULTICAST,UP,LOWER_UP';
}

function state(l: Link): string {
  if (!l.up) return 'DOWN';
  return l.kind === 'loopback' || l.kind === 'vxlan' || l.kind === 'ipip' ? 'UNKNOWN' : 'UP';
}

function qdisc(l: Link): string {
  if (!l.up) return 'noop';
  return l.kind === 'ether' ? 'fq_codel' : 'noqueue';
}

/** The first line of an interface (`ip link`/`ip addr`); `mode` adds ip -d's "mode DEFAULT". */
function headLine(l: Link, mode = false): string {
  // A tunnel with no lower device (IFLA_LINK 0), such as the ipip fallback device tunl0, prints as `tunl0@NONE`.
  const name = l.peer ? `${l.name}@${l.peer}` : l.kind === 'ipip' ? `${l.name}@NONE` : l.name;
  return `${l.index}: ${name}: <${flags(l)}> mtu ${l.mtu} qdisc ${qdisc(l)}${l.master ? ` master ${l.master}` : ''} state ${state(l)}${mode ? ' mode DEFAULT' : ''} group default qlen 1000`;
}

function linkLine(l: Link): string {
  if (l.kind === 'loopback') return '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00';
  if (l.kind === 'ipip') return '    link/ipip 0.0.0.0 brd 0.0.0.0';
  return `    link/ether ${l.mac} brd ff:ff:ff:ff:ff:ff${l.netns ? ` ${l.netns}` : ''}`;
}

const LIFETIME = '       valid_lft forever preferred_lft forever';

export function formatIpAddr(links: Link[]): string {
  const out: string[] = [];
  for (const l of links) {
    out.push(headLine(l), linkLine(l));
    for (const a of l.addrs) {
      out.push(`    inet ${a.ip}/${a.prefix}${a.brd ? ` brd ${a.brd}` : ''} scope ${l.kind === 'loopback' ? 'host' : 'global'} ${l.name}`, LIFETIME);
    }
    if (l.kind === 'loopback') out.push('    inet6 ::1/128 scope host ', LIFETIME);
    else if (l.ipv6 && l.up) out.push(`    inet6 ${linkLocal6(l.mac)}/64 scope link `, LIFETIME);
  }
  return out.join('\n') + '\n';
}

/** The main table in the kernel's dump order (by destination, then longest prefix first), as `ip route` prints it. */
export function formatIpRoute(table: RouteTable): string {
  const routes = [...table.routes].sort((a, b) => a.cidr.network - b.cidr.network || b.cidr.prefix - a.cidr.prefix);
  return routes.map((r) => `${r.text} \n`).join('');
}

export interface Neighbour {
  ip: string;
  dev: string;
  mac: string;
  state: 'REACHABLE' | 'PERMANENT';
}

export function formatIpNeigh(entries: Neighbour[]): string {
  return entries.map((n) => `${n.ip} dev ${n.dev} lladdr ${n.mac} ${n.state} \n`).join('');
}

/** A node's neighbour table: its gateway and peers on eth0, flannel's VTEP entries, the pods on cni0. */
export function nodeNeighbours(t: Topology, node: Node): Neighbour[] {
  const out: Neighbour[] = [];
  const onSubnet = t.l2.get(node.subnet);
  const table = nodeRouteTable(t, node);
  // Every host on eth0's subnet the node has talked to: its gateway, the other nodes, routers, clients, load balancers.
  const hosts = [...(onSubnet?.values() ?? [])].filter((h) => h.id !== node.id).sort((a, b) => ipToInt(a.ip) - ipToInt(b.ip));
  for (const host of hosts) out.push({ ip: host.ip, dev: 'eth0', mac: l2HostMac(t, host, node.subnet), state: 'REACHABLE' });
  for (const r of table.routes) {
    const remote = r.remoteNode ? t.nodes.get(r.remoteNode) : undefined;
    if (!remote) continue;
    if (r.dev === FLANNEL_VXLAN_DEV) out.push({ ip: vtepAddress(remote), dev: FLANNEL_VXLAN_DEV, mac: vtepMacOf(remote), state: 'PERMANENT' });
    // Calico VXLAN: felix's vxlan manager programs a permanent ARP entry per remote VTEP (felix/dataplane/linux/vxlan_mgr.go).
    if (r.dev === CALICO_VXLAN_DEV && !out.some((n) => n.dev === CALICO_VXLAN_DEV && n.ip === r.via)) {
      out.push({ ip: r.via ?? tunnelAddress(t, remote), dev: CALICO_VXLAN_DEV, mac: calicoVtepMac(remote), state: 'PERMANENT' });
    }
  }
  // Calico VXLAN: felix's vxlan manager programs the same pair per remote VTEP on vxlan.calico (tunnel address -> VTEP MAC).
  for (const { remote } of calicoVteps(t, node))
    out.push({ ip: tunnelAddress(t, remote), dev: CALICO_VXLAN_DEV, mac: calicoVtepMac(remote), state: 'PERMANENT' });
  const calico = t.scenario.cluster.cni === 'calico';
  // Felix adds a static ARP entry (NUD_PERMANENT) for each workload it routes to (felix/routetable/
  // route_table.go addStaticARPEntry); on a flannel node the pods' entries on cni0 are learned.
  for (const pod of t.podsByNode.get(node.id) ?? [])
    out.push({ ip: pod.ip, dev: calico ? caliName(pod) : 'cni0', mac: podMac(pod), state: calico ? 'PERMANENT' : 'REACHABLE' });
  return out;
}

/** The remote nodes vxlan.calico has routes to (one per remote node, in route order). */
function calicoVteps(t: Topology, node: Node): { remote: Node }[] {
  const seen = new Set<string>();
  const out: { remote: Node }[] = [];
  for (const r of nodeRouteTable(t, node).routes) {
    const remote = r.dev === CALICO_VXLAN_DEV && r.remoteNode ? t.nodes.get(r.remoteNode) : undefined;
    if (remote && !seen.has(remote.id)) {
      seen.add(remote.id);
      out.push({ remote });
    }
  }
  return out;
}

/** A pod's neighbour table: its gateway (cni0) and the pods of its node it talks to directly. */
export function podNeighbours(t: Topology, pod: Pod): Neighbour[] {
  const node = t.nodes.get(pod.node);
  if (!node) return [];
  // Calico answers the pod's ARP for 169.254.1.1 by proxy ARP on the cali interface (MAC ee:ee:ee:ee:ee:ee).
  if (t.scenario.cluster.cni === 'calico') return [{ ip: CALICO_GATEWAY, dev: 'eth0', mac: CALI_MAC, state: 'REACHABLE' }];
  return [{ ip: bridgeGateway(node.podCidr), dev: 'eth0', mac: bridgeMac(node), state: 'REACHABLE' }];
}

/** The multicast addresses every up IPv6-capable device has joined (all-nodes, IGMP all-hosts, its solicited-node group). */
function selfMulticast(l: Link): string[] {
  const base =
    l.kind === 'bridge' ? ['33:33:00:00:00:01', '01:00:5e:00:00:6a', '33:33:00:00:00:6a', '01:00:5e:00:00:01'] : ['33:33:00:00:00:01', '01:00:5e:00:00:01'];
  return [...base, solicitedNodeMac(l.mac)].map((m) => `${m} dev ${l.name} self permanent`);
}

/** `bridge fdb show` on a node: per device, the bridge's entries (learned pod MACs, local port MACs) and the device's own. */
export function formatBridgeFdb(t: Topology, node: Node): string {
  const out: string[] = [];
  for (const l of nodeLinks(t, node)) {
    if (l.kind === 'loopback' || !l.up) continue;
    if (l.kind === 'vxlan') {
      // flannel's and felix's VXLAN managers each program one permanent FDB entry per remote VTEP.
      const seen = new Set<string>();
      for (const r of nodeRouteTable(t, node).routes) {
        const remote = r.dev === l.name && r.remoteNode ? t.nodes.get(r.remoteNode) : undefined;
        if (!remote || seen.has(remote.id)) continue;
        seen.add(remote.id);
        out.push(`${l.name === CALICO_VXLAN_DEV ? calicoVtepMac(remote) : vtepMacOf(remote)} dev ${l.name} dst ${remote.ip} self permanent`);
      }
      if (l.name === CALICO_VXLAN_DEV)
        for (const { remote } of calicoVteps(t, node)) out.push(`${calicoVtepMac(remote)} dev ${CALICO_VXLAN_DEV} dst ${remote.ip} self permanent`);
      continue;
    }
    if (l.kind === 'ipip') continue;
    if (l.kind === 'veth' && l.pod && !l.master) {
      out.push(...selfMulticast(l));
      continue;
    }
    if (l.kind === 'veth' && l.pod) {
      out.push(`${podMac(l.pod)} dev ${l.name} master cni0 `, `${hostVethMac(l.pod)} dev ${l.name} master cni0 permanent`);
      out.push(...selfMulticast(l));
      continue;
    }
    out.push(...selfMulticast(l));
    if (l.kind === 'bridge') out.push(`${l.mac} dev ${l.name} master ${l.name} permanent`);
  }
  return out.join('\n') + '\n';
}

/** `bridge -d link`: cni0's ports with their flags; hairpin as the bridge plugin set it. */
export function formatBridgeLink(t: Topology, node: Node): string {
  const hairpin = t.scenario.cluster.hairpinMode ? 'on' : 'off';
  const out: string[] = [];
  for (const l of nodeLinks(t, node)) {
    if (l.kind !== 'veth') continue;
    out.push(
      `${l.index}: ${l.name}@${l.master}: <${flags(l)}> mtu ${l.mtu} master ${l.master} state forwarding priority 32 cost 2 `,
      `    hairpin ${hairpin} guard off root_block off fastleave off learning on flood on mcast_flood on bcast_flood on mcast_router 1 mcast_to_unicast off neigh_suppress off vlan_tunnel off isolated off locked off `,
    );
  }
  return out.length ? out.join('\n') + '\n' : '';
}

/** `ip -d link show flannel.1`, or ip's error when the backend has no VXLAN device. */
export function formatVxlanLink(t: Topology, node: Node): { stdout: string; stderr: string } {
  const l = nodeLinks(t, node).find((x) => x.name === FLANNEL_VXLAN_DEV);
  if (!l) return { stdout: '', stderr: `Device "${FLANNEL_VXLAN_DEV}" does not exist.\n` };
  return {
    stdout:
      [
        headLine(l, true),
        `    link/ether ${l.mac} brd ff:ff:ff:ff:ff:ff promiscuity 0  allmulti 0 minmtu 68 maxmtu 65535 `,
        `    vxlan id ${VXLAN_VNI} local ${node.ip} dev eth0 srcport 0 0 dstport ${VXLAN_PORT} nolearning ttl auto ageing 300 udpcsum noudp6zerocsumtx noudp6zerocsumrx addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 524280 tso_max_segs 65535 gro_max_size 65536 `,
      ].join('\n') + '\n',
    stderr: '',
  };
}

export function nodeIpRoute(t: Topology, node: Node): string {
  return formatIpRoute(nodeRouteTable(t, node));
}

export function podIpRoute(t: Topology, pod: Pod): string {
  return formatIpRoute(podRouteTable(t, pod));
}

export function podIpAddr(t: Topology, pod: Pod): string {
  return formatIpAddr(podLinks(t, pod));
}
