/**
 * kube-proxy's iptables rules on one node, built lazily for the packet at hand. A trace walks a
 * handful of chains, so its cost must grow with the packet's path, not with the cluster:
 * - an index per scenario (memoized with the topology) from a destination IP (ClusterIP, load
 *   balancer IP) and from a (protocol, port) pair (NodePort, healthCheckNodePort) to the Service
 *   ports whose rules in the shared chains (KUBE-SERVICES, KUBE-NODEPORTS, KUBE-EXTERNAL-SERVICES)
 *   can match that packet;
 * - per node, the rules of one Service port (its lines in the shared chains and its own KUBE-SVC,
 *   KUBE-SVL, KUBE-EXT and KUBE-SEP chains) are written the first time a packet needs them, by the
 *   same `writeServicePort` that writes the whole node for `iptables-save`, and kept.
 * A shared chain is read as the rules of the indexed Service ports, in the order kube-proxy writes
 * them, followed by the node's base rules (the last rule of KUBE-SERVICES, the jump to KUBE-NODEPORTS,
 * stays last): every rule that can match the packet, in the same order as in the full table, so a
 * walk ends exactly as a walk of the whole table would (checked by a property test).
 */
import type { Node } from '../model/schema';
import type { Topology } from '../model/topology';
import { ipToInt } from '../net/cidr';
import { newTable, type Rule, type RuleTable, type Table } from './iptables';
import type { ChainSource } from './iptables-walk';
import { writeNodeBase, type NodeRules } from './kubeproxy-iptables';
import { proxiedPorts, type ProxiedPort } from './kubeproxy-ports';
import { writeServicePort } from './kubeproxy-service-rules';
import { endpointChain } from './kubeproxy-names';
import type { Endpoint } from './endpoints';

interface PortIndex {
  ports: ProxiedPort[];
  /** Service ports by a destination address their shared-chain rules name with `-d`. */
  byIp: Map<number, number[]>;
  /** Service ports by "proto/port" of their NodePort and health check rules (no `-d`). */
  byPort: Map<string, number[]>;
}

const portIndexes = new WeakMap<Topology, PortIndex>();

function push<K>(m: Map<K, number[]>, k: K, i: number): void {
  const list = m.get(k);
  if (!list) m.set(k, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

/** The (VIP, port, proto) and NodePort indexes of a scenario, built once per topology. */
export function portIndex(t: Topology): PortIndex {
  let idx = portIndexes.get(t);
  if (idx) return idx;
  const ports = proxiedPorts(t);
  idx = { ports, byIp: new Map(), byPort: new Map() };
  ports.forEach((p, i) => {
    push(idx!.byIp, ipToInt(p.svc.clusterIP!), i);
    for (const ip of p.lbIps) push(idx!.byIp, ipToInt(ip), i);
    if (p.port.nodePort !== undefined) push(idx!.byPort, `${p.protocol}/${p.port.nodePort}`, i);
    if (p.svc.healthCheckNodePort !== undefined) push(idx!.byPort, `tcp/${p.svc.healthCheckNodePort}`, i);
  });
  portIndexes.set(t, idx);
  return idx;
}

interface Fragment {
  rules: NodeRules;
  port: ProxiedPort;
}

export interface LazyNodeRules {
  nat: ChainSource;
  filter: ChainSource;
  /** The rules of a per-Service chain already written on this node (explanations read them). */
  chainRules(table: Table, chain: string): Rule[] | undefined;
  /** The Service port and endpoint a KUBE-SEP chain of this node belongs to. */
  sepOwner(chain: string): { port: ProxiedPort; ep: Endpoint } | undefined;
  /** How many Service ports had their rules written by this node's walks (shared ones count where first written). */
  written(): number;
}

const SHARED = new Set(['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-EXTERNAL-SERVICES']);

/** Where a Service port's chains live: its fragment, and its KUBE-SEP chains' endpoints. */
interface Registry {
  fragments: Map<number, Fragment>;
  /** Per-Service chain name -> the fragment that holds it. */
  owner: Map<string, Fragment>;
  seps: Map<string, { port: ProxiedPort; ep: Endpoint }>;
}

const newRegistry = (): Registry => ({ fragments: new Map(), owner: new Map(), seps: new Map() });

/**
 * Fragments that are the same on every node, shared by all of them. A port's rules depend on the
 * node only through its local endpoints, which only a Local traffic policy reads: with both policies
 * Cluster (the common case, and a Service selecting 1,000 pods) they are written once per scenario.
 */
const sharedRegistries = new WeakMap<Topology, Registry>();

function nodeIndependent(p: ProxiedPort): boolean {
  return p.svc.internalTrafficPolicy !== 'Local' && p.svc.externalTrafficPolicy !== 'Local';
}

function register(r: Registry, i: number, f: Fragment, isBase: (chain: string) => boolean): void {
  for (const table of [f.rules.nat, f.rules.filter]) {
    for (const chain of table.chains.keys()) if (chain.startsWith('KUBE-') && !SHARED.has(chain) && !isBase(chain)) r.owner.set(chain, f);
  }
  for (const ep of f.port.endpoints) r.seps.set(endpointChain(f.port.name, f.port.protocol, ep.text), { port: f.port, ep });
  r.fragments.set(i, f);
}

function lazyNode(t: Topology, node: Node): LazyNodeRules {
  const idx = portIndex(t);
  const base: NodeRules = { nat: newTable('nat'), filter: newTable('filter') };
  writeNodeBase(t, node, base);
  const isBase = (chain: string) => base.nat.chains.has(chain) || base.filter.chains.has(chain);
  const own = newRegistry();
  let shared = sharedRegistries.get(t);
  if (!shared) sharedRegistries.set(t, (shared = newRegistry()));
  const sharedReg = shared;
  let written = 0;

  const fragment = (i: number): Fragment => {
    const port = idx.ports[i]!;
    const reg = nodeIndependent(port) ? sharedReg : own;
    let f = reg.fragments.get(i);
    if (f) return f;
    f = { rules: { nat: newTable('nat'), filter: newTable('filter') }, port };
    writeServicePort(f.rules.nat, f.rules.filter, port, node, t.podCidr.text);
    register(reg, i, f, isBase);
    written++;
    return f;
  };
  const owner = { get: (chain: string) => own.owner.get(chain) ?? sharedReg.owner.get(chain) };
  const seps = { get: (chain: string) => own.seps.get(chain) ?? sharedReg.seps.get(chain) };
  const fragments = {
    get size() {
      return written;
    },
  };

  const source = (table: Table): ChainSource => ({
    rules(chain, dst, p) {
      const own = owner.get(chain);
      if (own) return own.rules[table].chains.get(chain);
      const baseRules = base[table].chains.get(chain);
      if (!SHARED.has(chain)) return baseRules;
      const ids = [...(idx.byIp.get(dst) ?? []), ...(p.dport !== undefined ? (idx.byPort.get(`${p.proto}/${p.dport}`) ?? []) : [])];
      if (ids.length > 1) ids.sort((a, b) => a - b);
      const out: Rule[] = [];
      let last = -1;
      for (const i of ids) {
        if (i === last) continue;
        last = i;
        const list = fragment(i).rules[table].chains.get(chain);
        if (list) out.push(...list);
      }
      if (baseRules) out.push(...baseRules);
      return out;
    },
  });

  return {
    nat: source('nat'),
    filter: source('filter'),
    chainRules: (table, chain) => owner.get(chain)?.rules[table].chains.get(chain),
    sepOwner: (chain) => seps.get(chain),
    written: () => fragments.size,
  };
}

const lazyCache = new WeakMap<Topology, Map<string, LazyNodeRules>>();

/** The lazily built kube-proxy rules of `node` (memoized per scenario version and node). */
export function lazyProxyRules(t: Topology, node: Node): LazyNodeRules {
  let m = lazyCache.get(t);
  if (!m) lazyCache.set(t, (m = new Map()));
  let r = m.get(node.id);
  if (!r) m.set(node.id, (r = lazyNode(t, node)));
  return r;
}

export type { RuleTable };
