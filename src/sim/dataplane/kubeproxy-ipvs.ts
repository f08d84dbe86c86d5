/**
 * kube-proxy in IPVS mode (kubernetes pkg/proxy/ipvs/proxier.go; kubernetes.io/docs/reference/networking/virtual-ips/):
 * every Service IP is bound to the dummy interface kube-ipvs0, so it is a local address of each node;
 * each service port is an IPVS virtual server (ClusterIP:port, and nodeIP:nodePort on every local
 * address) whose real servers are the endpoints, in masquerade (NAT) forwarding. The scheduler picks a
 * real server (rr by default); sessionAffinity ClientIP becomes `persistent <timeout>`.
 * iptables is still used, through ipsets, for masquerading: KUBE-CLUSTER-IP (off-cluster sources),
 * KUBE-NODE-PORT-* (NodePorts, RETURN for externalTrafficPolicy Local), KUBE-LOOP-BACK (hairpin).
 *
 * This file writes a node's whole IPVS table and ipsets (`ipvsadm -Ln`, `ipset list`: proportional to
 * the node, as the real commands are). A trace does not: it looks up the one virtual server and the
 * set members it needs through indexes (ipvs-lazy.ts), and a property test checks both agree.
 */
import type { Node } from '../model/schema';
import type { Topology } from '../model/topology';
import { bridgeGateway } from '../net/ipam';

import { externallyAccessible, proxiedPorts, type ProxiedPort } from './kubeproxy-ports';
import { KUBE_IPVS_IPS } from './ipvs-iptables';
import { usableEndpoints, type Endpoint } from './endpoints';
import { stableHash } from '../trace/rng';
import type { Rng } from '../trace/rng';
import type { SessionState } from './session';
import { vtepAddress } from './device-names';

export const IPVS_DEV = 'kube-ipvs0';
export { KUBE_IPVS_IPS };

export interface VirtualServer {
  proto: 'TCP' | 'UDP' | 'SCTP';
  ip: string;
  port: number;
  scheduler: string;
  /** Seconds of persistence (sessionAffinity ClientIP), if any. */
  persistent?: number;
  realServers: Endpoint[];
  service: ProxiedPort;
  kind: 'clusterIP' | 'nodePort' | 'loadBalancer';
  /** "TCP  10.96.0.20:80 rr", the line ipvsadm -Ln prints for it. */
  text: string;
}

/** A node's whole IPVS state: every virtual server and every ipset member kube-proxy writes on it. */
export interface IpvsTables {
  servers: Map<string, VirtualServer>;
  sets: Map<string, Set<string>>;
}

export function vsKey(proto: string, ip: string, port: number | undefined): string {
  return `${proto.toUpperCase()}|${ip}:${port}`;
}

const addrCache = new WeakMap<Topology, Set<string>>();

/** The addresses on kube-ipvs0: every ClusterIP and load balancer IP. */
export function ipvsAddresses(t: Topology): Set<string> {
  let s = addrCache.get(t);
  if (s) return s;
  s = new Set();
  for (const p of proxiedPorts(t)) {
    s.add(p.svc.clusterIP!);
    for (const ip of p.lbIps) s.add(ip);
  }
  addrCache.set(t, s);
  return s;
}

/** ipvsadm -Ln's real server line: "  -> 10.244.1.2:80                Masq    1      0          0". */
export function realServerText(ep: Endpoint): string {
  return `  -> ${ep.text.padEnd(28)} ${'Masq'.padEnd(7)} ${'1'.padEnd(6)} ${'0'.padEnd(10)} 0`;
}

export function vsText(vs: Omit<VirtualServer, 'text'>): string {
  return `${vs.proto.padEnd(4)} ${vs.ip}:${vs.port} ${vs.scheduler}${vs.persistent ? ` persistent ${vs.persistent}` : ''}`;
}

/** The addresses of a node a NodePort virtual server listens on: eth0, cni0's gateway, flannel.1. */
export function nodePortAddresses(node: Node): string[] {
  return [node.ip, bridgeGateway(node.podCidr), vtepAddress(node)];
}

/** One virtual server of a Service port, as kube-proxy writes it on a node. */
export function virtualServer(p: ProxiedPort, ip: string, vport: number, kind: VirtualServer['kind'], realServers: Endpoint[]): VirtualServer {
  const { svc, port } = p;
  const vs: Omit<VirtualServer, 'text'> = {
    proto: port.protocol,
    ip,
    port: vport,
    scheduler: svc.ipvsScheduler,
    ...(svc.sessionAffinity === 'ClientIP' ? { persistent: svc.sessionAffinityTimeoutSeconds } : {}),
    realServers,
    service: p,
    kind,
  };
  return { ...vs, text: vsText(vs) };
}

const nodeCache = new WeakMap<Topology, Map<string, IpvsTables>>();

/** Every virtual server and ipset member on `node` (for ipvsadm -Ln and ipset list; memoized). */
export function ipvsTables(t: Topology, node: Node): IpvsTables {
  let m = nodeCache.get(t);
  if (!m) nodeCache.set(t, (m = new Map()));
  const hit = m.get(node.id);
  if (hit) return hit;
  const servers = new Map<string, VirtualServer>();
  const sets = new Map<string, Set<string>>();
  const addSet = (name: string, entry: string) => {
    let s = sets.get(name);
    if (!s) sets.set(name, (s = new Set()));
    s.add(entry);
  };
  const nodeAddrs = nodePortAddresses(node);
  for (const p of proxiedPorts(t)) {
    const { svc, port } = p;
    const proto = port.protocol;
    const local = usableEndpoints(p.slice, node.id);
    const add = (ip: string, vport: number, kind: VirtualServer['kind'], realServers: Endpoint[]) =>
      servers.set(vsKey(proto, ip, vport), virtualServer(p, ip, vport, kind, realServers));
    const lower = proto.toLowerCase();
    add(svc.clusterIP!, port.port, 'clusterIP', svc.internalTrafficPolicy === 'Local' ? local : p.endpoints);
    addSet('KUBE-CLUSTER-IP', `${svc.clusterIP},${lower}:${port.port}`);
    const external = svc.externalTrafficPolicy === 'Local' ? local : p.endpoints;
    for (const lbIp of p.lbIps) {
      add(lbIp, port.port, 'loadBalancer', external);
      addSet('KUBE-LOAD-BALANCER', `${lbIp},${lower}:${port.port}`);
      if (svc.externalTrafficPolicy === 'Local') addSet('KUBE-LOAD-BALANCER-LOCAL', `${lbIp},${lower}:${port.port}`);
    }
    if (port.nodePort !== undefined && externallyAccessible(svc)) {
      for (const ip of nodeAddrs) add(ip, port.nodePort, 'nodePort', external);
      addSet(`KUBE-NODE-PORT-${proto}`, String(port.nodePort));
      if (svc.externalTrafficPolicy === 'Local') addSet(`KUBE-NODE-PORT-LOCAL-${proto}`, String(port.nodePort));
    }
    for (const ep of local) addSet('KUBE-LOOP-BACK', `${ep.ip},${lower}:${ep.port},${ep.ip}`);
    addSet(KUBE_IPVS_IPS, svc.clusterIP!);
    for (const lbIp of p.lbIps) addSet(KUBE_IPVS_IPS, lbIp);
    if (svc.healthCheckNodePort !== undefined && svc.externalTrafficPolicy === 'Local' && externallyAccessible(svc))
      addSet('KUBE-HEALTH-CHECK-NODE-PORT', String(svc.healthCheckNodePort));
  }
  const out = { servers, sets };
  m.set(node.id, out);
  return out;
}

/** The ipset key a packet presents for `flags` (dst | dst,dst | dst,dst,src). */
export function ipsetKey(flags: string, pkt: { src: string; dst: string; proto: string; dport?: number | undefined }): string {
  switch (flags) {
    case 'dst':
      return String(pkt.dport);
    case 'dst,dst':
      return `${pkt.dst},${pkt.proto}:${pkt.dport}`;
    default:
      return `${pkt.dst},${pkt.proto}:${pkt.dport},${pkt.src}`;
  }
}

/** `ipvsadm -Ln` on this node. */
export function ipvsadmList(t: Topology, node: Node): string {
  const lines = [
    'IP Virtual Server version 1.2.1 (size=4096)',
    'Prot LocalAddress:Port Scheduler Flags',
    '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
  ];
  for (const vs of ipvsTables(t, node).servers.values()) {
    lines.push(vs.text);
    for (const rs of vs.realServers) lines.push(realServerText(rs));
  }
  return lines.join('\n') + '\n';
}

/**
 * The scheduler's choice for a new connection. rr/wrr rotate (all weights are 1); lc/wlc/sed/nq pick
 * the fewest active connections; sh hashes the source address, dh/lblc/lblcr the destination.
 * Without history the rotation starts at an unknown point, drawn from the seeded generator.
 */
export function schedule(
  vs: VirtualServer,
  node: string,
  client: string,
  session: SessionState,
  rng: Rng,
): { server: Endpoint; persisted: boolean } | undefined {
  const rs = vs.realServers;
  if (rs.length === 0) return undefined;
  const key = `${node}|${vs.text}`;
  if (vs.persistent) {
    const tpl = session.ipvsPersistence.get(`${key}|${client}`);
    const hit = tpl && session.now - tpl.at <= vs.persistent ? rs.find((r) => r.text === tpl.server) : undefined;
    if (hit) {
      session.ipvsPersistence.set(`${key}|${client}`, { server: hit.text, at: session.now });
      return { server: hit, persisted: true };
    }
  }
  let state = session.ipvs.get(key);
  if (!state) session.ipvs.set(key, (state = { next: rng.int(0, rs.length - 1), conns: rs.map(() => 0) }));
  let i: number;
  switch (vs.scheduler) {
    case 'sh':
      i = stableHash(client) % rs.length;
      break;
    case 'dh':
    case 'lblc':
    case 'lblcr':
      i = stableHash(vs.ip) % rs.length;
      break;
    case 'lc':
    case 'wlc':
    case 'sed':
    case 'nq':
      i = state.conns.indexOf(Math.min(...state.conns));
      break;
    default:
      i = state.next % rs.length;
      state.next = (i + 1) % rs.length;
  }
  state.conns[i] = (state.conns[i] ?? 0) + 1;
  const server = rs[i]!;
  if (vs.persistent) session.ipvsPersistence.set(`${key}|${client}`, { server: server.text, at: session.now });
  return { server, persisted: false };
}
