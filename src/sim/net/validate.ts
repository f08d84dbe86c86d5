/**
 * Validation of a scenario's addressing and references. Each problem names the element it belongs
 * to (so the UI can select it) and says in one sentence what is wrong.
 */
import type { ElementKind, Scenario } from '../model/schema';
import { broadcastAddress, cidrContains, cidrsOverlap, cidrWithin, isIPv4, isIPv4Cidr, isNetworkAligned, parseCidr } from './cidr';
import { bridgeGateway, NODE_PORT_MAX, NODE_PORT_MIN } from './ipam';
import { validateServices } from './validate-services';
import { validateAddons } from './validate-addons';
import { msg } from '../messages/index';
import type { Problem } from './problem';

export type { Problem, ProblemCode } from './problem';

/** An element holding an address that must be unique (on its subnet, among pods, among ClusterIPs). */
interface Holder {
  id: string;
  kind: ElementKind;
  /** As the message names it: `node-2`, `pod web-2`, `service web`. */
  name: string;
  field: string;
  ip: string;
  /** The subnet, for underlay addresses. */
  where?: string;
}

function holders(m: Map<string, Holder[]>, key: string): Holder[] {
  let list = m.get(key);
  if (!list) m.set(key, (list = []));
  return list;
}

/**
 * One problem per holder of a shared address (after the first), each naming the element that
 * already holds it, so that whichever element the user just changed, its message names the other.
 */
function reportDuplicates(m: Map<string, Holder[]>, what: 'address' | 'podIp' | 'clusterIp', add: (p: Omit<Problem, 'severity'>) => void) {
  for (const list of m.values()) {
    const distinct = list.filter((h, i) => list.findIndex((x) => x.id === h.id) === i);
    if (distinct.length < 2) continue;
    for (const h of distinct) {
      const others = distinct.filter((x) => x.id !== h.id).map((x) => x.name);
      add({
        code: 'duplicate-ip',
        element: h.id,
        kind: h.kind,
        field: h.field,
        msg: msg('problem.address-in-use', { what, ip: h.ip, others, ...(h.where ? { subnet: h.where } : {}) }),
      });
    }
  }
}

const validated = new WeakMap<Scenario, Problem[]>();

/** The problems of a scenario (memoized by identity: a scenario is never changed in place). */
export function validateScenario(s: Scenario): Problem[] {
  let problems = validated.get(s);
  if (!problems) validated.set(s, (problems = computeProblems(s)));
  return problems;
}

/**
 * Problems computed elsewhere for a copy of this very scenario (the loading worker parsed and
 * validated it before posting it to the page): later calls return them instead of doing the work
 * again on the page's thread.
 */
export function adoptProblems(s: Scenario, problems: Problem[]): void {
  validated.set(s, problems);
}

function computeProblems(s: Scenario): Problem[] {
  const out: Problem[] = [];
  const add = (p: Omit<Problem, 'severity'> & { severity?: Problem['severity'] }) => out.push({ severity: 'error', ...p });
  const { cluster } = s;

  // ids are unique across every kind: edges and hops refer to elements by id alone.
  const seen = new Map<string, ElementKind>();
  const all: [ElementKind, { id: string }[]][] = [
    ['subnet', s.subnets],
    ['router', s.routers],
    ['node', s.nodes],
    ['pod', s.pods],
    ['client', s.clients],
    ['service', s.services],
    ['loadBalancer', s.loadBalancers],
    ['ingress', s.ingresses],
  ];
  for (const [kind, items] of all) {
    for (const i of items) {
      if (seen.has(i.id)) add({ code: 'duplicate-id', element: i.id, kind, field: 'id', msg: msg('problem.duplicate-id', { id: i.id }) });
      seen.set(i.id, kind);
    }
  }
  const uniqueNames = (kind: ElementKind, items: { id: string; name: string; namespace?: string }[]) => {
    const names = new Map<string, string>();
    for (const i of items) {
      const key = i.namespace ? `${i.namespace}/${i.name}` : i.name;
      if (names.has(key)) add({ code: 'duplicate-name', element: i.id, kind, field: 'name', msg: msg('problem.duplicate-name', { kind, name: key }) });
      else names.set(key, i.id);
    }
  };
  uniqueNames('node', s.nodes);
  uniqueNames('pod', s.pods);
  uniqueNames('service', s.services);
  uniqueNames('ingress', s.ingresses);

  // Cluster ranges.
  if (cidrsOverlap(cluster.podCidr, cluster.serviceCidr)) {
    add({
      code: 'cidr-overlap',
      element: 'cluster',
      kind: 'cluster',
      field: 'serviceCidr',
      msg: msg('problem.service-cidr-overlaps-pod-cidr', { serviceCidr: cluster.serviceCidr, podCidr: cluster.podCidr }),
    });
  }
  if (parseCidr(cluster.podCidr).prefix > cluster.nodePodPrefix) {
    add({
      code: 'cidr-overlap',
      element: 'cluster',
      kind: 'cluster',
      field: 'nodePodPrefix',
      msg: msg('problem.node-prefix-too-big', { prefix: cluster.nodePodPrefix, podCidr: cluster.podCidr }),
    });
  }

  // Subnets.
  const subnetById = new Map(s.subnets.map((x) => [x.id, x]));
  const subnetOverlaps = overlapsByEarlier(s.subnets.map((x) => x.cidr));
  s.subnets.forEach((sub, i) => {
    if (!isNetworkAligned(sub.cidr))
      add({
        code: 'cidr-not-aligned',
        element: sub.id,
        kind: 'subnet',
        field: 'cidr',
        msg: msg('problem.cidr-not-aligned', { cidr: sub.cidr, suggestion: parseCidr(sub.cidr).text }),
      });
    for (const j of subnetOverlaps.get(i) ?? []) {
      const other = s.subnets[j]!;
      add({
        code: 'cidr-overlap',
        element: other.id,
        kind: 'subnet',
        field: 'cidr',
        msg: msg('problem.subnets-overlap', { subnet: other.name, cidr: other.cidr, other: sub.name, otherCidr: sub.cidr }),
      });
    }
    for (const [label, range] of [
      ['pod', cluster.podCidr],
      ['service', cluster.serviceCidr],
    ] as const) {
      if (cidrsOverlap(sub.cidr, range))
        add({
          code: 'cidr-overlap',
          element: sub.id,
          kind: 'subnet',
          field: 'cidr',
          msg: msg('problem.subnet-overlaps-cluster', { subnet: sub.name, cidr: sub.cidr, range: label, rangeCidr: range }),
        });
    }
    if (sub.gateway) {
      if (!cidrContains(sub.cidr, sub.gateway)) {
        add({
          code: 'ip-outside-subnet',
          element: sub.id,
          kind: 'subnet',
          field: 'gateway',
          msg: msg('problem.gateway-outside-subnet', { gateway: sub.gateway, cidr: sub.cidr }),
        });
      } else if (!s.routers.some((r) => r.interfaces.some((x) => x.subnet === sub.id && x.ip === sub.gateway))) {
        add({
          code: 'gateway-not-router',
          element: sub.id,
          kind: 'subnet',
          field: 'gateway',
          severity: 'warning',
          msg: msg('problem.gateway-not-router', { gateway: sub.gateway, subnet: sub.name }),
        });
      }
    }
  });

  // Addresses on the underlay: nodes, router interfaces, clients, load balancers.
  const l2Holders = new Map<string, Holder[]>();
  const checkHost = (kind: ElementKind, id: string, name: string, subnetId: string, ip: string, field: string) => {
    const sub = subnetById.get(subnetId);
    if (!sub) {
      add({
        code: 'missing-reference',
        element: id,
        kind,
        field: field === 'ip' ? 'subnet' : field,
        msg: msg('problem.subnet-missing', { name, subnet: subnetId }),
      });
      return;
    }
    if (!cidrContains(sub.cidr, ip)) {
      add({ code: 'ip-outside-subnet', element: id, kind, field, msg: msg('problem.ip-outside-subnet', { name, ip, subnet: sub.name, cidr: sub.cidr }) });
    } else if (ip === parseCidr(sub.cidr).text.split('/')[0] || ip === broadcastAddress(sub.cidr)) {
      add({ code: 'ip-reserved', element: id, kind, field, msg: msg('problem.ip-network-or-broadcast', { ip, cidr: sub.cidr }) });
    }
    holders(l2Holders, `${subnetId}|${ip}`).push({ id, kind, name, field, ip, where: sub.name });
  };
  for (const n of s.nodes) checkHost('node', n.id, n.name, n.subnet, n.ip, 'ip');
  for (const r of s.routers) r.interfaces.forEach((x, k) => checkHost('router', r.id, r.name, x.subnet, x.ip, `interfaces.${k}.ip`));
  for (const c of s.clients) checkHost('client', c.id, c.name, c.subnet, c.ip, 'ip');
  for (const lb of s.loadBalancers) checkHost('loadBalancer', lb.id, lb.name, lb.subnet, lb.ip, 'ip');
  reportDuplicates(l2Holders, 'address', add);

  for (const r of s.routers) {
    const connected = r.interfaces.map((x) => subnetById.get(x.subnet)).filter((x) => x !== undefined);
    r.routes.forEach((route, k) => {
      if (!connected.some((sub) => cidrContains(sub.cidr, route.via))) {
        add({
          code: 'route-via-unreachable',
          element: r.id,
          kind: 'router',
          field: `routes.${k}.via`,
          msg: msg('problem.route-via-unreachable', { via: route.via, dst: route.dst, router: r.name }),
        });
      }
    });
  }

  // Node pod CIDRs.
  const nodeOverlaps = overlapsByEarlier(s.nodes.map((n) => n.podCidr));
  s.nodes.forEach((n, i) => {
    if (!isIPv4Cidr(n.podCidr)) return;
    if (!cidrWithin(n.podCidr, cluster.podCidr)) {
      add({
        code: 'pod-cidr-outside-cluster',
        element: n.id,
        kind: 'node',
        field: 'podCidr',
        msg: msg('problem.pod-cidr-outside-cluster', { node: n.name, podCidr: n.podCidr, clusterCidr: cluster.podCidr }),
      });
    }
    if (!isNetworkAligned(n.podCidr))
      add({
        code: 'cidr-not-aligned',
        element: n.id,
        kind: 'node',
        field: 'podCidr',
        msg: msg('problem.cidr-not-aligned', { cidr: n.podCidr, suggestion: parseCidr(n.podCidr).text }),
      });
    for (const j of nodeOverlaps.get(i) ?? []) {
      const other = s.nodes[j]!;
      add({
        code: 'cidr-overlap',
        element: other.id,
        kind: 'node',
        field: 'podCidr',
        msg: msg('problem.pod-cidrs-overlap', { node: other.name, podCidr: other.podCidr, other: n.name, otherCidr: n.podCidr }),
      });
    }
  });

  // Pods.
  const nodeById = new Map(s.nodes.map((n) => [n.id, n]));
  const podIps = new Map<string, Holder[]>();
  for (const p of s.pods) {
    const node = nodeById.get(p.node);
    if (!node) {
      add({ code: 'missing-reference', element: p.id, kind: 'pod', field: 'node', msg: msg('problem.pod-node-missing', { pod: p.name, node: p.node }) });
    } else if (s.cluster.cni === 'calico') {
      // calico-ipam hands out addresses from the pool, not the node's pod CIDR (net/calico-ipam.ts).
      if (!isIPv4(p.ip) || !isIPv4Cidr(cluster.podCidr) || !cidrContains(cluster.podCidr, p.ip)) {
        add({
          code: 'pod-ip-outside-pool',
          element: p.id,
          kind: 'pod',
          field: 'ip',
          msg: msg('problem.pod-ip-outside-pool', { pod: p.name, ip: p.ip, pool: cluster.podCidr }),
        });
      }
    } else if (!isIPv4(p.ip) || !cidrContains(node.podCidr, p.ip)) {
      add({
        code: 'pod-ip-outside-node-cidr',
        element: p.id,
        kind: 'pod',
        field: 'ip',
        msg: msg('problem.pod-ip-outside-node-cidr', { pod: p.name, ip: p.ip, node: node.name, podCidr: node.podCidr }),
      });
    } else if (p.ip === bridgeGateway(node.podCidr) || p.ip === parseCidr(node.podCidr).text.split('/')[0] || p.ip === broadcastAddress(node.podCidr)) {
      add({
        code: 'ip-reserved',
        element: p.id,
        kind: 'pod',
        field: 'ip',
        msg: msg('problem.pod-ip-reserved', { ip: p.ip, node: node.name, gateway: bridgeGateway(node.podCidr) }),
      });
    }
    holders(podIps, p.ip).push({ id: p.id, kind: 'pod', name: p.name, field: 'ip', ip: p.ip });
    // Containers of a pod share one network namespace: two cannot bind the same port.
    const bound = new Map<string, string>();
    for (const c of p.containers) {
      for (const port of c.ports) {
        const key = `${port.protocol}/${port.containerPort}`;
        const first = bound.get(key);
        if (first)
          add({
            code: 'port-conflict',
            element: p.id,
            kind: 'pod',
            field: 'containers',
            msg: msg('problem.port-conflict', { first, second: c.name, port: key }),
          });
        else bound.set(key, c.name);
      }
    }
  }

  reportDuplicates(podIps, 'podIp', add);

  // Services.
  const clusterIps = new Map<string, Holder[]>();
  const nodePorts = new Map<number, string>();
  for (const svc of s.services) {
    const ip = svc.clusterIP;
    if (ip && ip !== 'None') {
      if (!cidrContains(cluster.serviceCidr, ip))
        add({
          code: 'cluster-ip-outside-range',
          element: svc.id,
          kind: 'service',
          field: 'clusterIP',
          msg: msg('problem.cluster-ip-outside-range', { ip, serviceCidr: cluster.serviceCidr }),
        });
      holders(clusterIps, ip).push({ id: svc.id, kind: 'service', name: svc.name, field: 'clusterIP', ip });
    }
    svc.ports.forEach((p, k) => {
      if (p.nodePort === undefined) return;
      if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
        add({
          code: 'node-port-outside-range',
          element: svc.id,
          kind: 'service',
          field: `ports.${k}.nodePort`,
          msg: msg('problem.node-port-outside-range', { field: 'nodePort', port: p.nodePort, min: NODE_PORT_MIN, max: NODE_PORT_MAX }),
        });
      }
      const owner = nodePorts.get(p.nodePort);
      if (owner)
        add({
          code: 'duplicate-node-port',
          element: svc.id,
          kind: 'service',
          field: `ports.${k}.nodePort`,
          msg: msg('problem.node-port-in-use', { port: p.nodePort, owner }),
        });
      else nodePorts.set(p.nodePort, svc.name);
    });
  }
  reportDuplicates(clusterIps, 'clusterIp', add);
  const serviceIds = new Set(s.services.map((x) => x.id));
  for (const lb of s.loadBalancers) {
    if (!serviceIds.has(lb.service))
      add({
        code: 'missing-reference',
        element: lb.id,
        kind: 'loadBalancer',
        field: 'service',
        msg: msg('problem.lb-service-missing', { lb: lb.name, service: lb.service }),
      });
  }
  out.push(...validateServices(s));
  out.push(...validateAddons(s));
  return out;
}

/**
 * Every overlapping pair of CIDRs, as a map from the earlier one's index to the later ones' indexes
 * (document order). Sorted by first address and swept, so N CIDRs cost N log N plus the pairs found,
 * not N² comparisons, each parsed once. CIDRs that are not valid text are left out.
 */
export function overlapsByEarlier(cidrs: readonly string[]): Map<number, number[]> {
  const items: { i: number; start: number; end: number }[] = [];
  cidrs.forEach((text, i) => {
    if (!isIPv4Cidr(text)) return;
    const c = parseCidr(text);
    items.push({ i, start: c.network, end: c.network + 2 ** (32 - c.prefix) - 1 });
  });
  items.sort((a, b) => a.start - b.start || a.i - b.i);
  const out = new Map<number, number[]>();
  // CIDRs are nested or disjoint: the open ones form a stack of enclosing ranges.
  const open: typeof items = [];
  for (const it of items) {
    while (open.length > 0 && open[open.length - 1]!.end < it.start) open.pop();
    for (const o of open) {
      const [a, b] = o.i < it.i ? [o.i, it.i] : [it.i, o.i];
      const list = out.get(a);
      if (list) list.push(b);
      else out.set(a, [b]);
    }
    open.push(it);
  }
  for (const list of out.values()) list.sort((x, y) => x - y);
  return out;
}
