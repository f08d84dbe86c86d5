/** Adding and moving the underlay's elements and pods: subnets, routers, nodes, outside clients, pods. */
import type { ClientHost, LoadBalancer, Node, Pod, Router, Scenario } from './schema';
import { allocateNodePodCidr } from '../net/ipam';
import { cidrContains } from '../net/cidr';
import { msg } from '../messages/index';
import { allElementIds, COLLECTION_OF, kindOfElement, lowestFree } from './elements';
import { failure, succeed, withPosition, type EditResult, type Position } from './edit-result';
import { allocateHostIp, allocateSubnetCidr, nextPodIp, routerAddressOn, subnetAddresses } from './addresses';

export function addSubnet(s: Scenario, opts: { position?: Position | undefined; name?: string | undefined; cidr?: string | undefined } = {}): EditResult {
  const id = lowestFree('subnet', allElementIds(s));
  const cidr = opts.cidr ?? allocateSubnetCidr(s);
  if (!cidr) return failure(msg('edit.no-free-subnet'));
  const name = opts.name ?? lowestFree('subnet', new Set(s.subnets.map((x) => x.name)));
  return succeed({ ...s, subnets: [...s.subnets, { id, name, cidr }], layout: withPosition(s.layout, id, opts.position) }, id);
}

/** A router with one interface per given subnet; a subnet without a gateway gets this router as its gateway. */
export function addRouter(s: Scenario, opts: { subnets: string[]; position?: Position | undefined; name?: string | undefined }): EditResult {
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
  if (router.interfaces.some((i) => i.subnet === subnetId))
    return failure(msg('edit.router-has-interface', { router: router.name, subnet: subnet.name }), 'interfaces');
  const ip = routerAddressOn(s, subnetId);
  if (!ip) return failure(msg('edit.subnet-full', { subnet: subnet.name, cidr: subnet.cidr, for: 'router', name: router.name }), 'interfaces');
  const updated: Router = { ...router, interfaces: [...router.interfaces, { subnet: subnetId, ip }] };
  const subnets = subnet.gateway ? s.subnets : s.subnets.map((x) => (x.id === subnetId ? { ...x, gateway: ip } : x));
  return succeed({ ...s, subnets, routers: s.routers.map((r) => (r.id === routerId ? updated : r)) }, routerId);
}

export function removeRouterInterface(s: Scenario, routerId: string, subnetId: string): EditResult {
  const router = s.routers.find((r) => r.id === routerId);
  if (!router) return failure(msg('edit.no-such', { kind: 'router', id: routerId }));
  if (!router.interfaces.some((i) => i.subnet === subnetId))
    return failure(msg('edit.router-no-interface', { router: router.name, subnet: subnetId }), 'interfaces');
  if (router.interfaces.length === 1) return failure(msg('edit.router-last-interface', { router: router.name }), 'interfaces');
  const gone = s.subnets.find((x) => x.id === subnetId);
  const interfaces = router.interfaces.filter((i) => i.subnet !== subnetId);
  const routes = gone ? router.routes.filter((rt) => !cidrContains(gone.cidr, rt.via)) : router.routes;
  return succeed({ ...s, routers: s.routers.map((r) => (r.id === routerId ? { ...router, interfaces, routes } : r)) }, routerId);
}

export function addNode(s: Scenario, opts: { subnet: string; position?: Position | undefined; name?: string | undefined }): EditResult {
  const subnet = s.subnets.find((x) => x.id === opts.subnet);
  if (!subnet) return failure(s.subnets.length === 0 ? msg('edit.node-needs-subnet') : msg('edit.no-such', { kind: 'subnet', id: String(opts.subnet) }));
  const ids = allElementIds(s);
  const name = opts.name ?? lowestFree('node', new Set([...s.nodes.map((n) => n.name), ...ids]));
  const id = ids.has(name) ? lowestFree('node', ids) : name;
  const { podCidr: clusterCidr, nodePodPrefix } = s.cluster;
  const podCidr = allocateNodePodCidr(
    clusterCidr,
    nodePodPrefix,
    s.nodes.map((n) => n.podCidr),
  );
  if (!podCidr) return failure(msg('edit.no-pod-cidr-left', { prefix: nodePodPrefix, cidr: clusterCidr }));
  const ip = allocateHostIp(subnet.cidr, subnetAddresses(s, subnet.id));
  if (!ip) return failure(msg('edit.subnet-full', { subnet: subnet.name, cidr: subnet.cidr, for: 'node' }));
  const node: Node = { id, name, subnet: subnet.id, ip, podCidr };
  return succeed({ ...s, nodes: [...s.nodes, node], layout: withPosition(s.layout, id, opts.position) }, id);
}

export function addPod(
  s: Scenario,
  opts: {
    node: string;
    name?: string | undefined;
    namespace?: string | undefined;
    labels?: Record<string, string> | undefined;
    containers?: Pod['containers'] | undefined;
  },
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
  const rehome = <T extends { id: string; subnet: string; ip: string }>(items: T[]): T[] =>
    items.map((e) => (e.id === id ? { ...e, subnet: subnetId, ip } : e));
  if (kind === 'node') return succeed({ ...s, nodes: rehome(s.nodes), layout }, id);
  if (kind === 'client') return succeed({ ...s, clients: rehome(s.clients), layout }, id);
  return succeed({ ...s, loadBalancers: rehome(s.loadBalancers), layout }, id);
}

export function addClient(s: Scenario, opts: { subnet: string; position?: Position | undefined; name?: string | undefined }): EditResult {
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
