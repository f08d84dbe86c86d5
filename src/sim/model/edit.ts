/**
 * Pure editing operations on a materialized scenario: what the canvas editor does, with every
 * address handed out the way the cluster would (node pod CIDRs by the controller manager, pod IPs by
 * host-local IPAM on the node's bridge, ClusterIPs and nodePorts by the apiserver, underlay addresses
 * lowest free on the subnet). Each returns a new scenario and leaves untouched elements (and arrays)
 * as the same objects, so a renderer can tell what changed by identity.
 *
 * Field edits (rename, relabel, readdress) live in `editFields.ts`; both report failures as
 * `{ ok: false, error }` with a sentence a learner can act on, never by throwing.
 */
import type { ClientHost, ElementKind, Ingress, LoadBalancer, Node, Pod, Router, Scenario, Service, ServicePort } from './schema';
import { allocateClusterIp, allocateNodePodCidr, allocateNodePort, allocatePodIp, NODE_PORT_MAX, NODE_PORT_MIN } from '../net/ipam';
import { cidrContains, cidrSize, cidrsOverlap, intToIp, ipToInt, parseCidr } from '../net/cidr';
import { clusterIpRole } from './materialize';
import { msg, type Message } from '../messages/index';

export interface Position {
  x: number;
  y: number;
}

/** An edit's outcome: the new scenario, or why it was refused (a message) and the field at fault. */
export type EditResult = { ok: true; scenario: Scenario; id?: string } | { ok: false; error: Message; field?: string };

export function succeed(scenario: Scenario, id?: string): EditResult {
  return id === undefined ? { ok: true, scenario } : { ok: true, scenario, id };
}

export function failure(error: Message, field?: string): EditResult {
  return field === undefined ? { ok: false, error } : { ok: false, error, field };
}

type Collection = 'subnets' | 'routers' | 'nodes' | 'pods' | 'clients' | 'services' | 'loadBalancers' | 'ingresses';

export const COLLECTION_OF: Record<ElementKind, Collection> = {
  subnet: 'subnets',
  router: 'routers',
  node: 'nodes',
  pod: 'pods',
  client: 'clients',
  service: 'services',
  loadBalancer: 'loadBalancers',
  ingress: 'ingresses',
};

const KINDS = Object.keys(COLLECTION_OF) as ElementKind[];

/** The kind of the element with this id, if any (ids are unique across kinds). */
export function kindOfElement(s: Scenario, id: string): ElementKind | undefined {
  for (const kind of KINDS) if ((s[COLLECTION_OF[kind]] as { id: string }[]).some((e) => e.id === id)) return kind;
  return undefined;
}

export function allElementIds(s: Scenario): Set<string> {
  const ids = new Set<string>();
  for (const kind of KINDS) for (const e of s[COLLECTION_OF[kind]] as { id: string }[]) ids.add(e.id);
  return ids;
}

/** `prefix-N` with the lowest N >= 1 not in `taken`. */
export function lowestFree(prefix: string, taken: ReadonlySet<string>): string {
  for (let i = 1; ; i++) {
    const candidate = `${prefix}-${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function withPosition(layout: Scenario['layout'], id: string, position?: Position): Scenario['layout'] {
  return position ? { ...layout, [id]: { x: position.x, y: position.y } } : layout;
}

/** Every address in use on an underlay subnet: nodes, router interfaces, clients, load balancers, gateway. */
export function subnetAddresses(s: Scenario, subnetId: string, exceptElement?: string): string[] {
  const out: string[] = [];
  const subnet = s.subnets.find((x) => x.id === subnetId);
  if (subnet?.gateway) out.push(subnet.gateway);
  for (const n of s.nodes) if (n.subnet === subnetId && n.id !== exceptElement) out.push(n.ip);
  for (const c of s.clients) if (c.subnet === subnetId && c.id !== exceptElement) out.push(c.ip);
  for (const lb of s.loadBalancers) if (lb.subnet === subnetId && lb.id !== exceptElement) out.push(lb.ip);
  for (const r of s.routers) for (const i of r.interfaces) if (i.subnet === subnetId && r.id !== exceptElement) out.push(i.ip);
  return out;
}

/**
 * The lowest free host address of a subnet from the `firstOffset`-th address on (hosts from .10,
 * routers from .1 by habit), never the network or broadcast address; undefined when full.
 */
export function allocateHostIp(cidrText: string, taken: Iterable<string>, firstOffset = 10): string | undefined {
  const c = parseCidr(cidrText);
  const size = cidrSize(cidrText);
  if (size < 4) return undefined;
  const used = new Set<number>();
  for (const t of taken) used.add(ipToInt(t));
  const start = firstOffset < size - 1 ? firstOffset : 1;
  for (let k = 0; k < size - 2; k++) {
    const i = 1 + ((start - 1 + k) % (size - 2));
    const n = (c.network + i) >>> 0;
    if (!used.has(n)) return intToIp(n);
  }
  return undefined;
}

/** The first 192.168.N.0/24 (then 172.16-31.N.0/24) clear of every subnet and both cluster ranges. */
export function allocateSubnetCidr(s: Scenario): string | undefined {
  const busy = [...s.subnets.map((x) => x.cidr), s.cluster.podCidr, s.cluster.serviceCidr];
  const free = (c: string) => !busy.some((b) => cidrsOverlap(b, c));
  for (let n = 1; n < 256; n++) if (free(`192.168.${n}.0/24`)) return `192.168.${n}.0/24`;
  for (let b = 16; b < 32; b++) for (let n = 0; n < 256; n++) if (free(`172.${b}.${n}.0/24`)) return `172.${b}.${n}.0/24`;
  return undefined;
}

/** Pick a router address on a subnet: its gateway if no router holds it yet, else the lowest free from .1. */
function routerAddressOn(s: Scenario, subnetId: string): string | undefined {
  const subnet = s.subnets.find((x) => x.id === subnetId);
  if (!subnet) return undefined;
  const gw = subnet.gateway;
  if (gw && cidrContains(subnet.cidr, gw) && !s.routers.some((r) => r.interfaces.some((i) => i.subnet === subnetId && i.ip === gw))) {
    const hostHolds = subnetAddresses(s, subnetId).filter((ip) => ip === gw).length > 1;
    if (!hostHolds) return gw;
  }
  return allocateHostIp(subnet.cidr, subnetAddresses(s, subnetId), 1);
}

/* ------------------------------------------------------------------ adding elements */

export function addSubnet(s: Scenario, opts: { position?: Position; name?: string; cidr?: string } = {}): EditResult {
  const id = lowestFree('subnet', allElementIds(s));
  const cidr = opts.cidr ?? allocateSubnetCidr(s);
  if (!cidr) return failure(msg('edit.no-free-subnet'));
  const name = opts.name ?? lowestFree('subnet', new Set(s.subnets.map((x) => x.name)));
  return succeed({ ...s, subnets: [...s.subnets, { id, name, cidr }], layout: withPosition(s.layout, id, opts.position) }, id);
}

/** A router with one interface per given subnet; a subnet without a gateway gets this router as its gateway. */
export function addRouter(s: Scenario, opts: { subnets: string[]; position?: Position; name?: string }): EditResult {
  if (opts.subnets.length === 0) return failure(msg('edit.router-needs-subnet'));
  const id = lowestFree('router', allElementIds(s));
  const name = opts.name ?? lowestFree('router', new Set(s.routers.map((r) => r.name)));
  let next: Scenario = { ...s, routers: [...s.routers, { id, name, interfaces: [], routes: [] }] };
  for (const subnetId of opts.subnets) {
    const r = addRouterInterface(next, id, subnetId);
    if (!r.ok) return r;
    next = r.scenario;
  }
  return succeed({ ...next, layout: withPosition(next.layout, id, opts.position) }, id);
}

export function addRouterInterface(s: Scenario, routerId: string, subnetId: string): EditResult {
  const router = s.routers.find((r) => r.id === routerId);
  const subnet = s.subnets.find((x) => x.id === subnetId);
  if (!router) return failure(msg('edit.no-such', { kind: 'router', id: routerId }));
  if (!subnet) return failure(msg('edit.no-such', { kind: 'subnet', id: subnetId }));
  if (router.interfaces.some((i) => i.subnet === subnetId)) return failure(msg('edit.router-has-interface', { router: router.name, subnet: subnet.name }), 'interfaces');
  const ip = routerAddressOn(s, subnetId);
  if (!ip) return failure(msg('edit.subnet-full', { subnet: subnet.name, cidr: subnet.cidr, for: 'router', name: router.name }), 'interfaces');
  const updated: Router = { ...router, interfaces: [...router.interfaces, { subnet: subnetId, ip }] };
  const subnets = subnet.gateway ? s.subnets : s.subnets.map((x) => (x.id === subnetId ? { ...x, gateway: ip } : x));
  return succeed({ ...s, subnets, routers: s.routers.map((r) => (r.id === routerId ? updated : r)) }, routerId);
}

export function removeRouterInterface(s: Scenario, routerId: string, subnetId: string): EditResult {
  const router = s.routers.find((r) => r.id === routerId);
  if (!router) return failure(msg('edit.no-such', { kind: 'router', id: routerId }));
  if (!router.interfaces.some((i) => i.subnet === subnetId)) return failure(msg('edit.router-no-interface', { router: router.name, subnet: subnetId }), 'interfaces');
  if (router.interfaces.length === 1) return failure(msg('edit.router-last-interface', { router: router.name }), 'interfaces');
  const gone = s.subnets.find((x) => x.id === subnetId);
  const interfaces = router.interfaces.filter((i) => i.subnet !== subnetId);
  const routes = gone ? router.routes.filter((rt) => !cidrContains(gone.cidr, rt.via)) : router.routes;
  return succeed({ ...s, routers: s.routers.map((r) => (r.id === routerId ? { ...router, interfaces, routes } : r)) }, routerId);
}

export function addNode(s: Scenario, opts: { subnet: string; position?: Position; name?: string }): EditResult {
  const subnet = s.subnets.find((x) => x.id === opts.subnet);
  if (!subnet) return failure(s.subnets.length === 0 ? msg('edit.node-needs-subnet') : msg('edit.no-such', { kind: 'subnet', id: String(opts.subnet) }));
  const ids = allElementIds(s);
  const name = opts.name ?? lowestFree('node', new Set([...s.nodes.map((n) => n.name), ...ids]));
  const id = ids.has(name) ? lowestFree('node', ids) : name;
  const { podCidr: clusterCidr, nodePodPrefix } = s.cluster;
  const podCidr = allocateNodePodCidr(clusterCidr, nodePodPrefix, s.nodes.map((n) => n.podCidr));
  if (!podCidr) return failure(msg('edit.no-pod-cidr-left', { prefix: nodePodPrefix, cidr: clusterCidr }));
  const ip = allocateHostIp(subnet.cidr, subnetAddresses(s, subnet.id));
  if (!ip) return failure(msg('edit.subnet-full', { subnet: subnet.name, cidr: subnet.cidr, for: 'node' }));
  const node: Node = { id, name, subnet: subnet.id, ip, podCidr };
  return succeed({ ...s, nodes: [...s.nodes, node], layout: withPosition(s.layout, id, opts.position) }, id);
}

/** The next free pod IP on a node (host-local IPAM over the node's pod CIDR). */
export function nextPodIp(s: Scenario, nodeId: string, exceptPod?: string): string | undefined {
  const node = s.nodes.find((n) => n.id === nodeId);
  if (!node) return undefined;
  return allocatePodIp(
    node.podCidr,
    s.pods.filter((p) => p.node === nodeId && p.id !== exceptPod).map((p) => p.ip),
  );
}

export function addPod(
  s: Scenario,
  opts: { node: string; name?: string; namespace?: string; labels?: Record<string, string>; containers?: Pod['containers'] },
): EditResult {
  const node = s.nodes.find((n) => n.id === opts.node);
  if (!node) return failure(s.nodes.length === 0 ? msg('edit.pod-needs-node') : msg('edit.pod-drop-on-node'));
  const namespace = opts.namespace ?? 'default';
  const ids = allElementIds(s);
  const name = opts.name ?? lowestFree('pod', new Set([...s.pods.filter((p) => p.namespace === namespace).map((p) => p.name), ...ids]));
  const id = ids.has(name) ? lowestFree('pod', ids) : name;
  const ip = nextPodIp(s, node.id);
  if (!ip) return failure(msg('edit.node-pod-cidr-full', { node: node.name, cidr: node.podCidr }));
  const pod: Pod = {
    id,
    name,
    namespace,
    // Labelled like a workload's pod (app=NAME), so a Service selects it the usual way.
    labels: opts.labels ?? { app: name },
    node: node.id,
    ip,
    containers: opts.containers ?? [{ name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] }],
  };
  return succeed({ ...s, pods: [...s.pods, pod] }, id);
}

/** Reschedule a pod to another node: like a recreated pod, it gets a new IP from that node's pod CIDR. */
export function movePod(s: Scenario, podId: string, nodeId: string): EditResult {
  const pod = s.pods.find((p) => p.id === podId);
  const node = s.nodes.find((n) => n.id === nodeId);
  if (!pod) return failure(msg('edit.no-such', { kind: 'pod', id: podId }));
  if (!node) return failure(msg('edit.no-such', { kind: 'node', id: nodeId }), 'node');
  if (pod.node === nodeId) return succeed(s, podId);
  const ip = nextPodIp(s, nodeId, podId);
  if (!ip) return failure(msg('edit.node-pod-cidr-full', { node: node.name, cidr: node.podCidr }), 'node');
  const moved: Pod = { ...pod, node: nodeId, ip };
  return succeed({ ...s, pods: s.pods.map((p) => (p.id === podId ? moved : p)) }, podId);
}

/** Move a node, outside client or load balancer to another subnet: it gets a free address there. */
export function moveHost(s: Scenario, id: string, subnetId: string, position?: Position): EditResult {
  const subnet = s.subnets.find((x) => x.id === subnetId);
  if (!subnet) return failure(msg('edit.no-such', { kind: 'subnet', id: subnetId }), 'subnet');
  const kind = kindOfElement(s, id);
  if (kind !== 'node' && kind !== 'client' && kind !== 'loadBalancer') return failure(msg('edit.not-on-subnet'));
  const layout = withPosition(s.layout, id, position);
  const current = (s[COLLECTION_OF[kind]] as (Node | ClientHost | LoadBalancer)[]).find((e) => e.id === id)!;
  if (current.subnet === subnetId) return succeed({ ...s, layout }, id);
  const ip = allocateHostIp(subnet.cidr, subnetAddresses(s, subnetId, id));
  if (!ip) return failure(msg('edit.subnet-full', { subnet: subnet.name, cidr: subnet.cidr, for: 'any' }), 'subnet');
  const rehome = <T extends { id: string; subnet: string; ip: string }>(items: T[]): T[] => items.map((e) => (e.id === id ? { ...e, subnet: subnetId, ip } : e));
  if (kind === 'node') return succeed({ ...s, nodes: rehome(s.nodes), layout }, id);
  if (kind === 'client') return succeed({ ...s, clients: rehome(s.clients), layout }, id);
  return succeed({ ...s, loadBalancers: rehome(s.loadBalancers), layout }, id);
}

export function addClient(s: Scenario, opts: { subnet: string; position?: Position; name?: string }): EditResult {
  const subnet = s.subnets.find((x) => x.id === opts.subnet);
  if (!subnet) return failure(s.subnets.length === 0 ? msg('edit.client-needs-subnet') : msg('edit.no-such', { kind: 'subnet', id: String(opts.subnet) }));
  const ids = allElementIds(s);
  const id = lowestFree('client', ids);
  const name = opts.name ?? (s.clients.some((c) => c.name === 'laptop') ? lowestFree('laptop', new Set(s.clients.map((c) => c.name))) : 'laptop');
  const ip = allocateHostIp(subnet.cidr, subnetAddresses(s, subnet.id), 50);
  if (!ip) return failure(msg('edit.subnet-full', { subnet: subnet.name, cidr: subnet.cidr, for: 'host' }));
  const client: ClientHost = { id, name, subnet: subnet.id, ip, ports: [] };
  return succeed({ ...s, clients: [...s.clients, client], layout: withPosition(s.layout, id, opts.position) }, id);
}

export interface AllocatedPorts {
  ports: ServicePort[];
  /** Only for type LoadBalancer with externalTrafficPolicy Local. */
  healthCheckNodePort?: number;
}

/**
 * Give every port of a NodePort/LoadBalancer service a nodePort, and a LoadBalancer service with
 * externalTrafficPolicy Local its healthCheckNodePort, as the apiserver allocates them.
 */
export function withNodePorts(s: Scenario, svc: Service): AllocatedPorts | { error: Message } {
  if (svc.type !== 'NodePort' && svc.type !== 'LoadBalancer') return { ports: svc.ports.map(({ nodePort: _drop, ...p }) => p) };
  const taken = s.services
    .filter((x) => x.id !== svc.id)
    .flatMap((x) => [...x.ports.flatMap((p) => (p.nodePort ? [p.nodePort] : [])), ...(x.healthCheckNodePort ? [x.healthCheckNodePort] : [])]);
  const ports: ServicePort[] = [];
  for (const p of svc.ports) {
    if (p.nodePort !== undefined) {
      ports.push(p);
      taken.push(p.nodePort);
      continue;
    }
    const nodePort = allocateNodePort(taken);
    if (nodePort === undefined) return { error: msg('edit.node-ports-full', { min: NODE_PORT_MIN, max: NODE_PORT_MAX }) };
    taken.push(nodePort);
    ports.push({ ...p, nodePort });
  }
  if (svc.type !== 'LoadBalancer' || svc.externalTrafficPolicy !== 'Local') return { ports };
  if (svc.healthCheckNodePort !== undefined) return { ports, healthCheckNodePort: svc.healthCheckNodePort };
  const healthCheckNodePort = allocateNodePort(taken);
  if (healthCheckNodePort === undefined) return { error: msg('edit.node-ports-full', { min: NODE_PORT_MIN, max: NODE_PORT_MAX }) };
  return { ports, healthCheckNodePort };
}

/** The service with its allocated ports in place (and no stale healthCheckNodePort). */
export function applyPorts(svc: Service, allocated: AllocatedPorts): Service {
  const { healthCheckNodePort: _old, ...rest } = svc;
  return { ...rest, ...allocated };
}

export function nextClusterIp(s: Scenario, svc: Pick<Service, 'name' | 'namespace'>, exceptService?: string): string | undefined {
  const taken = s.services.filter((x) => x.id !== exceptService).flatMap((x) => (x.clusterIP && x.clusterIP !== 'None' ? [x.clusterIP] : []));
  return allocateClusterIp(s.cluster.serviceCidr, taken, clusterIpRole(svc));
}

export function addService(
  s: Scenario,
  opts: { position?: Position; name?: string; namespace?: string; selector?: Record<string, string>; ports?: ServicePort[]; type?: Service['type'] } = {},
): EditResult {
  const namespace = opts.namespace ?? 'default';
  const ids = allElementIds(s);
  const name = opts.name ?? lowestFree('svc', new Set([...s.services.filter((x) => x.namespace === namespace).map((x) => x.name), ...ids]));
  const id = ids.has(name) ? lowestFree('svc', ids) : name;
  const draft: Service = {
    id,
    name,
    namespace,
    type: opts.type ?? 'ClusterIP',
    ports: opts.ports ?? [{ port: 80, targetPort: 80, protocol: 'TCP' }],
    selector: opts.selector ?? {},
    sessionAffinity: 'None',
    sessionAffinityTimeoutSeconds: 10800,
    externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster',
    ipvsScheduler: 'rr',
  };
  if (draft.type !== 'ExternalName') {
    const clusterIP = nextClusterIp(s, draft);
    if (!clusterIP) return failure(msg('edit.service-cidr-full', { cidr: s.cluster.serviceCidr }));
    draft.clusterIP = clusterIP;
  }
  const np = withNodePorts(s, draft);
  if ('error' in np) return failure(np.error);
  const svc: Service = applyPorts(draft, np);
  return succeed({ ...s, services: [...s.services, svc], layout: withPosition(s.layout, id, opts.position) }, id);
}

/** A cloud load balancer for a service; the service becomes type LoadBalancer (and gets nodePorts). */
export function addLoadBalancer(s: Scenario, opts: { service: string; subnet: string; position?: Position; name?: string }): EditResult {
  const svc = s.services.find((x) => x.id === opts.service);
  if (!svc) return failure(s.services.length === 0 ? msg('edit.lb-needs-service') : msg('edit.no-such', { kind: 'service', id: String(opts.service) }));
  const subnet = s.subnets.find((x) => x.id === opts.subnet);
  if (!subnet) return failure(s.subnets.length === 0 ? msg('edit.lb-needs-subnet') : msg('edit.no-such', { kind: 'subnet', id: String(opts.subnet) }));
  const ids = allElementIds(s);
  const id = lowestFree('lb', ids);
  const name = opts.name ?? `${svc.name}-lb`;
  const ip = allocateHostIp(subnet.cidr, subnetAddresses(s, subnet.id), 100);
  if (!ip) return failure(msg('edit.subnet-full', { subnet: subnet.name, cidr: subnet.cidr, for: 'loadBalancer' }));
  let services = s.services;
  if (svc.type !== 'LoadBalancer') {
    const asLb: Service = { ...svc, type: 'LoadBalancer' };
    const np = withNodePorts(s, asLb);
    if ('error' in np) return failure(np.error);
    services = s.services.map((x) => (x.id === svc.id ? applyPorts(asLb, np) : x));
  }
  const lb: LoadBalancer = { id, name, service: svc.id, ip, subnet: subnet.id };
  return succeed({ ...s, services, loadBalancers: [...s.loadBalancers, lb], layout: withPosition(s.layout, id, opts.position) }, id);
}

export function addIngress(s: Scenario, opts: { position?: Position; service?: string; name?: string } = {}): EditResult {
  const svc = opts.service ? s.services.find((x) => x.id === opts.service) : undefined;
  if (opts.service && !svc) return failure(msg('edit.no-such', { kind: 'service', id: opts.service }));
  const namespace = svc?.namespace ?? 'default';
  const ids = allElementIds(s);
  const name = opts.name ?? lowestFree('ingress', new Set([...s.ingresses.filter((x) => x.namespace === namespace).map((x) => x.name), ...ids]));
  const id = ids.has(name) ? lowestFree('ingress', ids) : name;
  const ingress: Ingress = {
    id,
    name,
    namespace,
    rules: svc
      ? [{ host: `${svc.name}.example.com`, paths: [{ path: '/', pathType: 'Prefix', backend: { service: svc.name, port: svc.ports[0]?.port ?? 80 } }] }]
      : [],
    tls: [],
  };
  return succeed({ ...s, ingresses: [...s.ingresses, ingress], layout: withPosition(s.layout, id, opts.position) }, id);
}

/* ------------------------------------------------------------------ removing elements */

/**
 * Delete elements and whatever cannot exist without them: a subnet takes its nodes, clients and
 * load balancers (and router interfaces there, and routers left with none); a node takes its pods;
 * a service takes its load balancers and the ingress paths pointing at it.
 */
export function deleteElements(s: Scenario, ids: Iterable<string>): { scenario: Scenario; deleted: string[] } {
  const gone = new Set<string>();
  for (const id of ids) if (kindOfElement(s, id)) gone.add(id);
  if (gone.size === 0) return { scenario: s, deleted: [] };

  const goneSubnets = s.subnets.filter((x) => gone.has(x.id));
  for (const n of s.nodes) if (gone.has(n.subnet)) gone.add(n.id);
  for (const c of s.clients) if (gone.has(c.subnet)) gone.add(c.id);
  for (const p of s.pods) if (gone.has(p.node)) gone.add(p.id);
  for (const lb of s.loadBalancers) if (gone.has(lb.subnet) || gone.has(lb.service)) gone.add(lb.id);

  let routersChanged = false;
  const routers: Router[] = [];
  for (const r of s.routers) {
    if (gone.has(r.id)) {
      routersChanged = true;
      continue;
    }
    const interfaces = r.interfaces.filter((i) => !gone.has(i.subnet));
    if (interfaces.length === r.interfaces.length) {
      routers.push(r);
      continue;
    }
    routersChanged = true;
    if (interfaces.length === 0) {
      gone.add(r.id);
      continue;
    }
    const routes = r.routes.filter((rt) => !goneSubnets.some((x) => cidrContains(x.cidr, rt.via)));
    routers.push({ ...r, interfaces, routes });
  }

  const goneServices = s.services.filter((x) => gone.has(x.id));
  const refersToGone = (ns: string, b: { service: string } | undefined) => b !== undefined && goneServices.some((x) => x.namespace === ns && x.name === b.service);
  const ingresses: Ingress[] = [];
  let ingressesChanged = false;
  for (const ing of s.ingresses) {
    if (gone.has(ing.id)) {
      ingressesChanged = true;
      continue;
    }
    const touched = refersToGone(ing.namespace, ing.defaultBackend) || gone.has(ing.controllerService ?? '') || ing.rules.some((r) => r.paths.some((p) => refersToGone(ing.namespace, p.backend)));
    if (!touched) {
      ingresses.push(ing);
      continue;
    }
    ingressesChanged = true;
    const rules = ing.rules
      .map((r) => ({ ...r, paths: r.paths.filter((p) => !refersToGone(ing.namespace, p.backend)) }))
      .filter((r) => r.paths.length > 0);
    const { defaultBackend, controllerService, ...rest } = ing;
    ingresses.push({
      ...rest,
      rules,
      ...(defaultBackend && !refersToGone(ing.namespace, defaultBackend) ? { defaultBackend } : {}),
      ...(controllerService && !gone.has(controllerService) ? { controllerService } : {}),
    });
  }

  const keep = <T extends { id: string }>(items: T[]): T[] => (items.some((i) => gone.has(i.id)) ? items.filter((i) => !gone.has(i.id)) : items);
  let layout = s.layout;
  if (Object.keys(layout).some((k) => gone.has(k))) {
    layout = Object.fromEntries(Object.entries(layout).filter(([k]) => !gone.has(k)));
  }
  const scenario: Scenario = {
    ...s,
    subnets: keep(s.subnets),
    routers: routersChanged ? routers : s.routers,
    nodes: keep(s.nodes),
    pods: keep(s.pods),
    clients: keep(s.clients),
    services: keep(s.services),
    loadBalancers: keep(s.loadBalancers),
    ingresses: ingressesChanged ? ingresses : s.ingresses,
    layout,
  };
  return { scenario, deleted: [...gone] };
}

/* ------------------------------------------------------------------ layout */

/** Set canvas positions (the simulation ignores them); untouched ids keep their entries. */
export function setPositions(s: Scenario, positions: Readonly<Record<string, Position>>): Scenario {
  const entries = Object.entries(positions);
  if (entries.length === 0) return s;
  const layout = { ...s.layout };
  for (const [id, p] of entries) layout[id] = { x: p.x, y: p.y };
  return { ...s, layout };
}
