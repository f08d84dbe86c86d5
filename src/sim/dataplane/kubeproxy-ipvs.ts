/**
 * kube-proxy in IPVS mode (kubernetes pkg/proxy/ipvs/proxier.go; kubernetes.io/docs/reference/networking/virtual-ips/):
 * every Service IP is bound to the dummy interface kube-ipvs0, so it is a local address of each node;
 * each service port is an IPVS virtual server (ClusterIP:port, and nodeIP:nodePort on every local
 * address) whose real servers are the endpoints, in masquerade (NAT) forwarding. The scheduler picks a
 * real server (rr by default); sessionAffinity ClientIP becomes `persistent <timeout>`.
 * iptables is still used, through ipsets, for masquerading: KUBE-CLUSTER-IP (off-cluster sources),
 * KUBE-NODE-PORT-* (NodePorts, RETURN for externalTrafficPolicy Local), KUBE-LOOP-BACK (hairpin).
 */
import type { Node } from '../model/schema';
import type { Topology } from '../model/topology';
import { bridgeGateway } from '../net/ipam';
import { vtepAddress } from './routing';
import { addRule, ensureChain, MASQ_MARK, newTable, type RuleTable } from './iptables';
import {
  externallyAccessible,
  proxiedPorts,
  writeKubeletFirewall,
  KUBE_FIREWALL,
  KUBE_FORWARD,
  KUBE_MARK_MASQ,
  KUBE_POSTROUTING,
  KUBE_PROXY_FIREWALL,
  KUBE_SERVICES,
  addFlannelChains,
  type NodeRules,
  type ProxiedPort,
} from './kubeproxy-iptables';
import { usableEndpoints, type Endpoint } from './endpoints';
import { stableHash } from '../trace/rng';
import type { Rng } from '../trace/rng';
import type { SessionState } from './session';

export const IPVS_DEV = 'kube-ipvs0';
const KUBE_NODE_PORT = 'KUBE-NODE-PORT';
const KUBE_LOAD_BALANCER = 'KUBE-LOAD-BALANCER';
const KUBE_IPVS_FILTER = 'KUBE-IPVS-FILTER';
/** hash:ip of every address bound to kube-ipvs0. */
export const KUBE_IPVS_IPS = 'KUBE-IPVS-IPS';

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

export interface IpvsNode {
  servers: Map<string, VirtualServer>;
  rules: NodeRules;
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

function vsText(vs: Omit<VirtualServer, 'text'>): string {
  return `${vs.proto.padEnd(4)} ${vs.ip}:${vs.port} ${vs.scheduler}${vs.persistent ? ` persistent ${vs.persistent}` : ''}`;
}

const nodeCache = new WeakMap<Topology, Map<string, IpvsNode>>();

export function ipvsNode(t: Topology, node: Node): IpvsNode {
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
  const nodeAddrs = [node.ip, bridgeGateway(node.podCidr), vtepAddress(node)];
  for (const p of proxiedPorts(t)) {
    const { svc, port } = p;
    const proto = port.protocol;
    const local = usableEndpoints(p.slice, node.id);
    const add = (ip: string, vport: number, kind: VirtualServer['kind'], realServers: Endpoint[]) => {
      const vs: Omit<VirtualServer, 'text'> = {
        proto,
        ip,
        port: vport,
        scheduler: svc.ipvsScheduler,
        ...(svc.sessionAffinity === 'ClientIP' ? { persistent: svc.sessionAffinityTimeoutSeconds } : {}),
        realServers,
        service: p,
        kind,
      };
      servers.set(vsKey(proto, ip, vport), { ...vs, text: vsText(vs) });
    };
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
    if (svc.healthCheckNodePort !== undefined && svc.externalTrafficPolicy === 'Local' && externallyAccessible(svc)) addSet('KUBE-HEALTH-CHECK-NODE-PORT', String(svc.healthCheckNodePort));
  }
  const rules = ipvsIptablesRules(t, node, sets);
  const out = { servers, rules, sets };
  m.set(node.id, out);
  return out;
}

const SET_COMMENTS: Record<string, string> = {
  'KUBE-LOOP-BACK': 'Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose',
  'KUBE-CLUSTER-IP': 'Kubernetes service cluster ip + port for masquerade purpose',
  'KUBE-LOAD-BALANCER': 'Kubernetes service lb portal',
  'KUBE-LOAD-BALANCER-LOCAL': 'Kubernetes service load balancer ip + port with externalTrafficPolicy=local',
  'KUBE-NODE-PORT-TCP': 'Kubernetes nodeport TCP port for masquerade purpose',
  'KUBE-NODE-PORT-LOCAL-TCP': 'Kubernetes nodeport TCP port with externalTrafficPolicy=local',
  'KUBE-NODE-PORT-UDP': 'Kubernetes nodeport UDP port for masquerade purpose',
  'KUBE-NODE-PORT-LOCAL-UDP': 'Kubernetes nodeport UDP port with externalTrafficPolicy=local',
};

/** The iptables side of IPVS mode (writeIptablesRules): masquerade marks through ipsets. */
function ipvsIptablesRules(t: Topology, node: Node, sets: Map<string, Set<string>>): NodeRules {
  const nat: RuleTable = newTable('nat');
  const filter: RuleTable = newTable('filter');
  const has = (n: string) => (sets.get(n)?.size ?? 0) > 0;
  const setMatch = (name: string, flags: string) => [{ m: 'comment' as const, comment: SET_COMMENTS[name]! }, { m: 'set' as const, name, flags }];
  addRule(nat, { chain: 'PREROUTING', matches: [{ m: 'comment', comment: 'kubernetes service portals' }], target: { j: 'jump', chain: KUBE_SERVICES } });
  addRule(nat, { chain: 'OUTPUT', matches: [{ m: 'comment', comment: 'kubernetes service portals' }], target: { j: 'jump', chain: KUBE_SERVICES } });
  addRule(nat, { chain: 'POSTROUTING', matches: [{ m: 'comment', comment: 'kubernetes postrouting rules' }], target: { j: 'jump', chain: KUBE_POSTROUTING } });
  addRule(nat, { chain: KUBE_SERVICES, src: '127.0.0.0/8', matches: [], target: { j: 'RETURN' } });
  if (has('KUBE-LOOP-BACK')) addRule(nat, { chain: KUBE_POSTROUTING, matches: setMatch('KUBE-LOOP-BACK', 'dst,dst,src'), target: { j: 'MASQUERADE', randomFully: false } });
  if (has('KUBE-LOAD-BALANCER')) addRule(nat, { chain: KUBE_SERVICES, matches: setMatch('KUBE-LOAD-BALANCER', 'dst,dst'), target: { j: 'jump', chain: KUBE_LOAD_BALANCER } });
  if (has('KUBE-LOAD-BALANCER-LOCAL')) addRule(nat, { chain: KUBE_LOAD_BALANCER, matches: setMatch('KUBE-LOAD-BALANCER-LOCAL', 'dst,dst'), target: { j: 'RETURN' } });
  for (const proto of ['TCP', 'UDP'] as const) {
    const p = proto.toLowerCase() as 'tcp' | 'udp';
    if (has(`KUBE-NODE-PORT-LOCAL-${proto}`)) addRule(nat, { chain: KUBE_NODE_PORT, proto: p, matches: setMatch(`KUBE-NODE-PORT-LOCAL-${proto}`, 'dst'), target: { j: 'RETURN' } });
    if (has(`KUBE-NODE-PORT-${proto}`)) addRule(nat, { chain: KUBE_NODE_PORT, proto: p, matches: setMatch(`KUBE-NODE-PORT-${proto}`, 'dst'), target: { j: 'jump', chain: KUBE_MARK_MASQ } });
  }
  if (has('KUBE-CLUSTER-IP')) {
    addRule(nat, { chain: KUBE_SERVICES, src: t.podCidr.text, notSrc: true, matches: setMatch('KUBE-CLUSTER-IP', 'dst,dst'), target: { j: 'jump', chain: KUBE_MARK_MASQ } });
  }
  addRule(nat, { chain: KUBE_SERVICES, matches: [{ m: 'addrtype', dir: 'dst' }], target: { j: 'jump', chain: KUBE_NODE_PORT } });
  addRule(nat, { chain: KUBE_LOAD_BALANCER, matches: [], target: { j: 'jump', chain: KUBE_MARK_MASQ } });
  if (has('KUBE-CLUSTER-IP')) addRule(nat, { chain: KUBE_SERVICES, matches: [{ m: 'set', name: 'KUBE-CLUSTER-IP', flags: 'dst,dst' }], target: { j: 'ACCEPT' } });
  if (has('KUBE-LOAD-BALANCER')) addRule(nat, { chain: KUBE_SERVICES, matches: [{ m: 'set', name: 'KUBE-LOAD-BALANCER', flags: 'dst,dst' }], target: { j: 'ACCEPT' } });
  addRule(nat, { chain: KUBE_POSTROUTING, matches: [{ m: 'mark', value: MASQ_MARK, mask: MASQ_MARK, not: true }], target: { j: 'RETURN' } });
  addRule(nat, { chain: KUBE_POSTROUTING, matches: [], target: { j: 'MARK', value: MASQ_MARK, mask: 0 } });
  addRule(nat, { chain: KUBE_POSTROUTING, matches: [{ m: 'comment', comment: 'kubernetes service traffic requiring SNAT' }], target: { j: 'MASQUERADE', randomFully: true } });
  addRule(nat, { chain: KUBE_MARK_MASQ, matches: [], target: { j: 'MARK', value: MASQ_MARK, mask: MASQ_MARK } });
  ensureChain(nat, KUBE_NODE_PORT);
  ensureChain(nat, 'KUBE-KUBELET-CANARY');
  writeIpvsFilter(filter);
  addFlannelChains(t, node, nat, filter);
  return { nat, filter };
}

/**
 * The filter side (createAndLinkKubeChain, writeIptablesRules in pkg/proxy/ipvs/proxier.go): jumps
 * prepended in the reverse of iptablesJumpChain's order, KUBE-FORWARD's conntrack rules, the
 * health-check NodePort ACCEPT, and KUBE-IPVS-FILTER, which rejects new connections to a VIP on any
 * port that is not a virtual server (kubernetes#72236); kubelet's KUBE-FIREWALL below them.
 */
function writeIpvsFilter(filter: RuleTable): void {
  const c = (comment: string) => ({ m: 'comment' as const, comment });
  const jump = (chain: string, to: string, comment: string) => addRule(filter, { chain, matches: [c(comment)], target: { j: 'jump', chain: to } });
  jump('INPUT', KUBE_IPVS_FILTER, 'kubernetes ipvs access filter');
  jump('INPUT', KUBE_PROXY_FIREWALL, 'kube-proxy firewall rules');
  jump('INPUT', KUBE_NODE_PORT, 'kubernetes health check rules');
  addRule(filter, { chain: 'INPUT', matches: [], target: { j: 'jump', chain: KUBE_FIREWALL } });
  jump('FORWARD', KUBE_PROXY_FIREWALL, 'kube-proxy firewall rules');
  jump('FORWARD', KUBE_FORWARD, 'kubernetes forwarding rules');
  jump('OUTPUT', 'KUBE-IPVS-OUT-FILTER', 'kubernetes ipvs access filter');
  addRule(filter, { chain: 'OUTPUT', matches: [], target: { j: 'jump', chain: KUBE_FIREWALL } });
  writeKubeletFirewall(filter);
  addRule(filter, { chain: KUBE_FORWARD, matches: [{ m: 'conntrack', ctstate: 'INVALID' }], target: { j: 'DROP' } });
  addRule(filter, { chain: KUBE_FORWARD, matches: [c('kubernetes forwarding rules'), { m: 'mark', value: MASQ_MARK, mask: MASQ_MARK }], target: { j: 'ACCEPT' } });
  addRule(filter, { chain: KUBE_FORWARD, matches: [c('kubernetes forwarding conntrack rule'), { m: 'conntrack', ctstate: 'RELATED,ESTABLISHED' }], target: { j: 'ACCEPT' } });
  addRule(filter, { chain: KUBE_NODE_PORT, matches: [c('Kubernetes health check node port'), { m: 'set', name: 'KUBE-HEALTH-CHECK-NODE-PORT', flags: 'dst' }], target: { j: 'ACCEPT' } });
  addRule(filter, { chain: 'KUBE-SOURCE-RANGES-FIREWALL', matches: [], target: { j: 'DROP' } });
  for (const set of ['KUBE-LOAD-BALANCER', 'KUBE-CLUSTER-IP', 'KUBE-EXTERNAL-IP', 'KUBE-EXTERNAL-IP-LOCAL']) {
    addRule(filter, { chain: KUBE_IPVS_FILTER, matches: [{ m: 'set', name: set, flags: 'dst,dst' }], target: { j: 'RETURN' } });
  }
  addRule(filter, { chain: KUBE_IPVS_FILTER, matches: [{ m: 'set', name: 'KUBE-HEALTH-CHECK-NODE-PORT', flags: 'dst' }], target: { j: 'RETURN' } });
  addRule(filter, { chain: KUBE_IPVS_FILTER, matches: [{ m: 'conntrack', ctstate: 'NEW' }, { m: 'set', name: KUBE_IPVS_IPS, flags: 'dst' }], target: { j: 'REJECT' } });
  for (const chain of [KUBE_PROXY_FIREWALL, 'KUBE-IPVS-OUT-FILTER', 'KUBE-KUBELET-CANARY']) ensureChain(filter, chain);
}

/** The ipset key a packet presents for `flags` (dst | dst,dst | dst,dst,src). */
export function ipsetKey(flags: string, pkt: { src: string; dst: string; proto: string; dport?: number }): string {
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
  const lines = ['IP Virtual Server version 1.2.1 (size=4096)', 'Prot LocalAddress:Port Scheduler Flags', '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn'];
  for (const vs of ipvsNode(t, node).servers.values()) {
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
export function schedule(vs: VirtualServer, node: string, client: string, session: SessionState, rng: Rng): { server: Endpoint; persisted: boolean } | undefined {
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
