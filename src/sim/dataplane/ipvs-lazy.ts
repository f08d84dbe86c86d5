/**
 * kube-proxy's IPVS state on one node, looked up for the packet at hand (issue 15: a trace's cost
 * grows with the packet's path, not with the cluster). `ipvsTables` writes a node's every virtual
 * server and ipset member, which for 1,000 Services on 1,000 nodes is millions of objects; a trace
 * needs one virtual server and a few set lookups. So, once per scenario version:
 * - the Service ports by destination address and by (protocol, NodePort) (kubeproxy-lazy.ts's index);
 * - the ipset members that are the same on every node (KUBE-CLUSTER-IP, KUBE-LOAD-BALANCER*,
 *   KUBE-NODE-PORT-*, KUBE-HEALTH-CHECK-NODE-PORT, KUBE-IPVS-IPS) and, for KUBE-LOOP-BACK, which
 *   nodes hold each member (a node lists only its own endpoints there);
 * and per node, its iptables rules (which depend only on which sets are empty) and each virtual
 * server the first time a packet is sent to it. A property test checks every lookup against the
 * whole tables.
 */
import type { Node } from '../model/schema';
import type { Topology } from '../model/topology';
import { ipToInt } from '../net/cidr';
import type { NodeRules } from './kubeproxy-iptables';
import { externallyAccessible, type ProxiedPort } from './kubeproxy-ports';
import { portIndex } from './kubeproxy-lazy';
import { ipvsIptablesRules, KUBE_IPVS_IPS } from './ipvs-iptables';
import { nodePortAddresses, virtualServer, vsKey, type VirtualServer } from './kubeproxy-ipvs';
import { usableEndpoints, type Endpoint } from './endpoints';

export interface IpvsNode {
  /** The node's nat and filter rules of IPVS mode (small: a fixed set of chains). */
  rules: NodeRules;
  /** Whether `key` (ipsetKey's form) is a member of the set `name` on this node. */
  inSet(name: string, key: string): boolean;
  /** The virtual server for (protocol, address, port) on this node, if kube-proxy writes one. */
  server(proto: string, ip: string, port: number | undefined): VirtualServer | undefined;
  /** How many virtual servers this node has written so far (lookups of a new key). */
  built(): number;
}

const LOOP_BACK = 'KUBE-LOOP-BACK';

interface SetIndex {
  /** Sets whose members do not depend on the node. */
  shared: Map<string, Set<string>>;
  /** KUBE-LOOP-BACK member -> the nodes that list it. */
  loopBack: Map<string, Set<string>>;
  loopBackNodes: Set<string>;
}

const setIndexes = new WeakMap<Topology, SetIndex>();

function setIndex(t: Topology): SetIndex {
  const hit = setIndexes.get(t);
  if (hit) return hit;
  const idx: SetIndex = { shared: new Map(), loopBack: new Map(), loopBackNodes: new Set() };
  const add = (name: string, entry: string) => {
    let s = idx.shared.get(name);
    if (!s) idx.shared.set(name, (s = new Set()));
    s.add(entry);
  };
  for (const p of portIndex(t).ports) {
    const { svc, port } = p;
    const proto = port.protocol;
    const lower = proto.toLowerCase();
    add('KUBE-CLUSTER-IP', `${svc.clusterIP},${lower}:${port.port}`);
    for (const lbIp of p.lbIps) {
      add('KUBE-LOAD-BALANCER', `${lbIp},${lower}:${port.port}`);
      if (svc.externalTrafficPolicy === 'Local') add('KUBE-LOAD-BALANCER-LOCAL', `${lbIp},${lower}:${port.port}`);
    }
    if (port.nodePort !== undefined && externallyAccessible(svc)) {
      add(`KUBE-NODE-PORT-${proto}`, String(port.nodePort));
      if (svc.externalTrafficPolicy === 'Local') add(`KUBE-NODE-PORT-LOCAL-${proto}`, String(port.nodePort));
    }
    add(KUBE_IPVS_IPS, svc.clusterIP!);
    for (const lbIp of p.lbIps) add(KUBE_IPVS_IPS, lbIp);
    if (svc.healthCheckNodePort !== undefined && svc.externalTrafficPolicy === 'Local' && externallyAccessible(svc))
      add('KUBE-HEALTH-CHECK-NODE-PORT', String(svc.healthCheckNodePort));
    for (const [node, local] of localByNode(p)) {
      for (const ep of local) {
        const key = `${ep.ip},${lower}:${ep.port},${ep.ip}`;
        let nodes = idx.loopBack.get(key);
        if (!nodes) idx.loopBack.set(key, (nodes = new Set()));
        nodes.add(node);
        idx.loopBackNodes.add(node);
      }
    }
  }
  setIndexes.set(t, idx);
  return idx;
}

/** A port's endpoints grouped by node, each group as usableEndpoints(slice, node) picks it. */
function localByNode(p: ProxiedPort): Map<string, Endpoint[]> {
  const groups = new Map<string, typeof p.slice>();
  for (const e of p.slice) {
    const g = groups.get(e.node);
    if (g) g.push(e);
    else groups.set(e.node, [e]);
  }
  const out = new Map<string, Endpoint[]>();
  for (const [node, group] of groups) out.set(node, usableEndpoints(group));
  return out;
}

function lazyIpvsNode(t: Topology, node: Node): IpvsNode {
  const sets = setIndex(t);
  const idx = portIndex(t);
  const nonEmpty = (name: string) => (name === LOOP_BACK ? sets.loopBackNodes.has(node.id) : (sets.shared.get(name)?.size ?? 0) > 0);
  const rules = ipvsIptablesRules(t, node, nonEmpty);
  const addrs = new Set(nodePortAddresses(node));
  const local = (p: ProxiedPort) => usableEndpoints(p.slice, node.id);
  const servers = new Map<string, VirtualServer | undefined>();

  /** The virtual server kube-proxy's loop over Service ports writes last for this key (ipvsTables' Map.set order). */
  const find = (proto: string, ip: string, vport: number): VirtualServer | undefined => {
    const lower = proto.toLowerCase();
    let best = -1;
    let make: (() => VirtualServer) | undefined;
    const consider = (order: number, f: () => VirtualServer) => {
      if (order > best) [best, make] = [order, f];
    };
    let ipKey: number | undefined;
    try {
      ipKey = ipToInt(ip);
    } catch {
      return undefined;
    }
    for (const i of idx.byIp.get(ipKey) ?? []) {
      const p = idx.ports[i]!;
      if (p.protocol !== lower || p.port.port !== vport) continue;
      const external = () => (p.svc.externalTrafficPolicy === 'Local' ? local(p) : p.endpoints);
      if (p.svc.clusterIP === ip)
        consider(i * 3, () => virtualServer(p, ip, vport, 'clusterIP', p.svc.internalTrafficPolicy === 'Local' ? local(p) : p.endpoints));
      if (p.lbIps.includes(ip)) consider(i * 3 + 1, () => virtualServer(p, ip, vport, 'loadBalancer', external()));
    }
    if (addrs.has(ip)) {
      for (const i of idx.byPort.get(`${lower}/${vport}`) ?? []) {
        const p = idx.ports[i]!;
        if (p.protocol !== lower || p.port.nodePort !== vport || !externallyAccessible(p.svc)) continue;
        consider(i * 3 + 2, () => virtualServer(p, ip, vport, 'nodePort', p.svc.externalTrafficPolicy === 'Local' ? local(p) : p.endpoints));
      }
    }
    return make?.();
  };

  return {
    rules,
    inSet: (name, key) => (name === LOOP_BACK ? (sets.loopBack.get(key)?.has(node.id) ?? false) : (sets.shared.get(name)?.has(key) ?? false)),
    server(proto, ip, port) {
      if (port === undefined) return undefined;
      const key = vsKey(proto, ip, port);
      if (servers.has(key)) return servers.get(key);
      const vs = find(proto, ip, port);
      servers.set(key, vs);
      return vs;
    },
    built: () => [...servers.values()].filter(Boolean).length,
  };
}

const nodeCache = new WeakMap<Topology, Map<string, IpvsNode>>();

/** The IPVS state of `node`, looked up lazily (memoized per scenario version and node). */
export function ipvsNode(t: Topology, node: Node): IpvsNode {
  let m = nodeCache.get(t);
  if (!m) nodeCache.set(t, (m = new Map()));
  let r = m.get(node.id);
  if (!r) m.set(node.id, (r = lazyIpvsNode(t, node)));
  return r;
}
