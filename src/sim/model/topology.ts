/**
 * Lookup indexes over a scenario, built once per scenario object and cached, so that a trace
 * costs lookups, not scans, whatever the cluster size.
 */
import type { ClientHost, ElementKind, LoadBalancer, Node, Pod, Router, Scenario, Service, Subnet, Ingress } from './schema';
import { parseCidr, type Cidr } from '../net/cidr';

/** Something with an address on an underlay subnet: it answers ARP there. */
export type L2Host =
  | { kind: 'node'; id: string; ip: string }
  | { kind: 'router'; id: string; ip: string }
  | { kind: 'client'; id: string; ip: string }
  | { kind: 'loadBalancer'; id: string; ip: string };

export interface Topology {
  scenario: Scenario;
  podCidr: Cidr;
  serviceCidr: Cidr;
  kindOf: Map<string, ElementKind>;
  subnets: Map<string, Subnet>;
  subnetCidrs: Map<string, Cidr>;
  routers: Map<string, Router>;
  nodes: Map<string, Node>;
  nodeCidrs: Map<string, Cidr>;
  pods: Map<string, Pod>;
  clients: Map<string, ClientHost>;
  services: Map<string, Service>;
  loadBalancers: Map<string, LoadBalancer>;
  ingresses: Map<string, Ingress>;
  /** Pod by IP (pod IPs are unique in a valid scenario). */
  podByIp: Map<string, Pod>;
  podsByNode: Map<string, Pod[]>;
  /** Per subnet id, the hosts with an address there, by IP. */
  l2: Map<string, Map<string, L2Host>>;
  /** Node by eth0 IP. */
  nodeByIp: Map<string, Node>;
  /** Element lookup by name (first match), for the CLI and the UI's send box. */
  byName: Map<string, string>;
  /** Element name by id, for labels. */
  names: Map<string, string>;
}

const cache = new WeakMap<Scenario, Topology>();

/**
 * kubectl's resource names and short names, for `KIND/NAME` references (`svc/redis-leader`,
 * `deployment/frontend` = the first pod of that Deployment).
 * https://kubernetes.io/docs/reference/kubectl/#resource-types
 */
export const KIND_ALIASES: Readonly<Record<string, string>> = {
  pod: 'Pod',
  pods: 'Pod',
  po: 'Pod',
  service: 'Service',
  services: 'Service',
  svc: 'Service',
  node: 'Node',
  nodes: 'Node',
  no: 'Node',
  ingress: 'Ingress',
  ingresses: 'Ingress',
  ing: 'Ingress',
  deployment: 'Deployment',
  deployments: 'Deployment',
  deploy: 'Deployment',
  replicaset: 'ReplicaSet',
  replicasets: 'ReplicaSet',
  rs: 'ReplicaSet',
  statefulset: 'StatefulSet',
  statefulsets: 'StatefulSet',
  sts: 'StatefulSet',
  daemonset: 'DaemonSet',
  daemonsets: 'DaemonSet',
  ds: 'DaemonSet',
  job: 'Job',
  jobs: 'Job',
};

/** `kind/name` (and `kind/namespace/name`) entries in the name index, first match wins. */
function noteKindRefs(byName: Map<string, string>, s: Scenario): void {
  const add = (kind: string, name: string, namespace: string | undefined, id: string) => {
    for (const [alias, k] of Object.entries(KIND_ALIASES)) {
      if (k !== kind) continue;
      if (!byName.has(`${alias}/${name}`)) byName.set(`${alias}/${name}`, id);
      if (namespace && !byName.has(`${alias}/${namespace}/${name}`)) byName.set(`${alias}/${namespace}/${name}`, id);
    }
  };
  // The default namespace's objects win over same-named ones elsewhere.
  const order = <T extends { namespace?: string }>(xs: T[]) => [
    ...xs.filter((x) => (x.namespace ?? 'default') === 'default'),
    ...xs.filter((x) => (x.namespace ?? 'default') !== 'default'),
  ];
  for (const p of order(s.pods)) {
    add('Pod', p.name, p.namespace, p.id);
    if (p.owner) add(p.owner.kind, p.owner.name, p.namespace, p.id);
    // A Deployment's pods also belong to its ReplicaSet, `<deployment>-<pod-template-hash>`.
    const hash = p.labels['pod-template-hash'];
    if (p.owner?.kind === 'Deployment' && hash) add('ReplicaSet', `${p.owner.name}-${hash}`, p.namespace, p.id);
  }
  for (const x of order(s.services)) add('Service', x.name, x.namespace, x.id);
  for (const x of order(s.ingresses)) add('Ingress', x.name, x.namespace, x.id);
  for (const x of s.nodes) add('Node', x.name, undefined, x.id);
}

function byId<T extends { id: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]));
}

export function topology(s: Scenario): Topology {
  const hit = cache.get(s);
  if (hit) return hit;
  const kindOf = new Map<string, ElementKind>();
  const byName = new Map<string, string>();
  const names = new Map<string, string>();
  const note = (kind: ElementKind, items: { id: string; name: string; namespace?: string }[]) => {
    for (const i of items) {
      kindOf.set(i.id, kind);
      names.set(i.id, i.name);
      if (!byName.has(i.name)) byName.set(i.name, i.id);
      if (i.namespace && !byName.has(`${i.namespace}/${i.name}`)) byName.set(`${i.namespace}/${i.name}`, i.id);
    }
  };
  note('subnet', s.subnets);
  note('router', s.routers);
  note('node', s.nodes);
  note('pod', s.pods);
  note('client', s.clients);
  note('service', s.services);
  note('loadBalancer', s.loadBalancers);
  note('ingress', s.ingresses);
  noteKindRefs(byName, s);

  const l2 = new Map<string, Map<string, L2Host>>();
  const addL2 = (subnet: string, host: L2Host) => {
    let m = l2.get(subnet);
    if (!m) l2.set(subnet, (m = new Map()));
    if (!m.has(host.ip)) m.set(host.ip, host);
  };
  for (const n of s.nodes) addL2(n.subnet, { kind: 'node', id: n.id, ip: n.ip });
  for (const r of s.routers) for (const i of r.interfaces) addL2(i.subnet, { kind: 'router', id: r.id, ip: i.ip });
  for (const c of s.clients) addL2(c.subnet, { kind: 'client', id: c.id, ip: c.ip });
  for (const lb of s.loadBalancers) addL2(lb.subnet, { kind: 'loadBalancer', id: lb.id, ip: lb.ip });

  const podsByNode = new Map<string, Pod[]>();
  for (const p of s.pods) {
    const list = podsByNode.get(p.node);
    if (list) list.push(p);
    else podsByNode.set(p.node, [p]);
  }
  const safeCidr = (text: string): Cidr => {
    try {
      return parseCidr(text);
    } catch {
      return { network: 0, prefix: 32, mask: 0xffffffff, text: '0.0.0.0/32' };
    }
  };

  const t: Topology = {
    scenario: s,
    podCidr: safeCidr(s.cluster.podCidr),
    serviceCidr: safeCidr(s.cluster.serviceCidr),
    kindOf,
    subnets: byId(s.subnets),
    subnetCidrs: new Map(s.subnets.map((x) => [x.id, safeCidr(x.cidr)])),
    routers: byId(s.routers),
    nodes: byId(s.nodes),
    nodeCidrs: new Map(s.nodes.map((n) => [n.id, safeCidr(n.podCidr)])),
    pods: byId(s.pods),
    clients: byId(s.clients),
    services: byId(s.services),
    loadBalancers: byId(s.loadBalancers),
    ingresses: byId(s.ingresses),
    podByIp: new Map(s.pods.map((p) => [p.ip, p])),
    podsByNode,
    l2,
    nodeByIp: new Map(s.nodes.map((n) => [n.ip, n])),
    byName,
    names,
  };
  cache.set(s, t);
  return t;
}
