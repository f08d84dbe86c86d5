/**
 * Field edits: rename, relabel, readdress, retype. An edit is applied only when it leaves the
 * scenario valid: the field must pass the element's zod schema, and the edit must not bring a new
 * error from `validateScenario` (a duplicate IP, an address outside its subnet, overlapping
 * CIDRs...). Otherwise it fails with that message and the scenario is untouched.
 *
 * Some fields carry their dependents along, as the cluster would: a pod moved to another node, or a
 * node's new pod CIDR, readdresses the pods; a subnet's new CIDR renumbers the hosts on it keeping
 * their host part; a service turned NodePort gets nodePorts.
 */
import type { z } from 'zod/mini';
import {
  clientSchema,
  clusterSchema,
  ingressSchema,
  loadBalancerSchema,
  nodeSchema,
  podSchema,
  routerSchema,
  serviceSchema,
  subnetSchema,
  type ClientHost,
  type ClusterSettings,
  type ElementKind,
  type Ingress,
  type LoadBalancer,
  type Node,
  type Pod,
  type Router,
  type Scenario,
  type Service,
  type Subnet,
} from './schema';
import { validateScenario, type Problem } from '../net/validate';
import { allocateNodePodCidr } from '../net/ipam';
import { cidrContains, cidrWithin, isIPv4, isIPv4Cidr, parseCidr } from '../net/cidr';
import { applyPorts, COLLECTION_OF, failure, kindOfElement, moveHost, movePod, nextClusterIp, succeed, withNodePorts, type EditResult } from './edit';
import { msg, type Message } from '../messages/index';
import { fieldIssueMessage } from './issues';
import type { Collection } from './elements';
import { renumberPods, renumberSubnet } from './renumber';
import { readdressPodsForCni } from './pod-ipam';

export type { EditResult } from './edit';

export type ElementPatch =
  Partial<Subnet> | Partial<Router> | Partial<Node> | Partial<Pod> | Partial<ClientHost> | Partial<Service> | Partial<LoadBalancer> | Partial<Ingress>;

const SCHEMA: Record<ElementKind, z.ZodMiniType> = {
  subnet: subnetSchema,
  router: routerSchema,
  node: nodeSchema,
  pod: podSchema,
  client: clientSchema,
  service: serviceSchema,
  loadBalancer: loadBalancerSchema,
  ingress: ingressSchema,
};

function problemKey(p: Problem): string {
  return `${p.code}|${p.element}|${p.field ?? ''}`;
}

/**
 * Accept `after` only if it brings no error `before` did not have. The message of a new problem on
 * `focus` (the edited element) is preferred, since that is the field the user is looking at.
 */
export function acceptIfValid(before: Scenario, after: Scenario, focus?: string, beforeProblems?: Problem[]): EditResult {
  const known = new Set((beforeProblems ?? validateScenario(before)).filter((p) => p.severity === 'error').map(problemKey));
  const problems = validateScenario(after);
  const fresh = problems.filter((p) => p.severity === 'error' && !known.has(problemKey(p)));
  if (fresh.length === 0) return { ...succeed(after, focus), problems } as EditResult;
  const first = fresh.find((p) => p.element === focus) ?? fresh[0]!;
  return failure(first.msg, first.element === focus ? first.field : undefined);
}

/** Check an element against its schema; the first issue becomes the message, its path the field. */
function checkSchema<T>(kind: ElementKind, value: T): { ok: true; value: T } | { ok: false; error: Message; field?: string } {
  const parsed = SCHEMA[kind].safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data as T };
  const { msg: error, field } = fieldIssueMessage(parsed.error.issues[0]!, SCHEMA[kind], value);
  return { ok: false, error, ...(field ? { field } : {}) };
}

function replace<K extends Collection>(s: Scenario, key: K, id: string, value: Scenario[K][number]): Scenario {
  return { ...s, [key]: (s[key] as { id: string }[]).map((e) => (e.id === id ? value : e)) };
}

/** Edit fields of one element. `id` never changes; the canvas and traces refer to it. */
export function editElement(s: Scenario, id: string, patch: ElementPatch, opts: { problems?: Problem[] } = {}): EditResult {
  const kind = kindOfElement(s, id);
  if (!kind) return failure(msg('edit.no-such', { kind: 'element', id }));
  const key = COLLECTION_OF[kind];
  const current = (s[key] as { id: string }[]).find((e) => e.id === id)!;
  const { id: _ignored, ...fields } = patch as { id?: string };
  const merged = { ...current, ...fields } as Record<string, unknown>;
  for (const [k, v] of Object.entries(fields)) if (v === undefined) delete merged[k];
  const checked = checkSchema(kind, merged);
  if (!checked.ok) return failure(checked.error, checked.field);
  let next: Scenario;

  switch (kind) {
    case 'pod': {
      const before = current as Pod;
      let pod = { ...(checked.value as unknown as Pod), ip: (checked.value as unknown as Pod).ip ?? before.ip };
      let base = s;
      if (pod.node !== before.node) {
        const moved = movePod(s, id, pod.node);
        if (!moved.ok) return moved;
        base = moved.scenario;
        if (!('ip' in fields)) pod = { ...pod, ip: base.pods.find((p) => p.id === id)!.ip };
      }
      next = replace(base, 'pods', id, pod);
      break;
    }
    case 'node': {
      const before = current as Node;
      let node = checked.value as unknown as Node;
      if (!node.podCidr) node = { ...node, podCidr: before.podCidr };
      let base = s;
      if (node.subnet !== before.subnet) {
        const moved = moveHost(s, id, node.subnet);
        if (!moved.ok) return moved;
        base = moved.scenario;
        if (!('ip' in fields)) node = { ...node, ip: base.nodes.find((n) => n.id === id)!.ip };
      }
      if (node.podCidr !== before.podCidr && isIPv4Cidr(node.podCidr)) {
        const pods = renumberPods(base, id, before.podCidr, parseCidr(node.podCidr).text);
        if (!Array.isArray(pods)) return failure(pods, 'podCidr');
        base = { ...base, pods };
      }
      next = replace(base, 'nodes', id, node);
      break;
    }
    case 'client':
    case 'loadBalancer': {
      const before = current as ClientHost | LoadBalancer;
      let host = checked.value as unknown as ClientHost | LoadBalancer;
      let base = s;
      if (host.subnet !== before.subnet) {
        const moved = moveHost(s, id, host.subnet);
        if (!moved.ok) return moved;
        base = moved.scenario;
        if (!('ip' in fields)) host = { ...host, ip: (base[key] as (ClientHost | LoadBalancer)[]).find((e) => e.id === id)!.ip };
      }
      if (kind === 'loadBalancer' && !s.services.some((x) => x.id === (host as LoadBalancer).service)) {
        return failure(msg('edit.no-such', { kind: 'service', id: (host as LoadBalancer).service }), 'service');
      }
      next = kind === 'client' ? replace(base, 'clients', id, host as ClientHost) : replace(base, 'loadBalancers', id, host as LoadBalancer);
      break;
    }
    case 'subnet': {
      const before = current as Subnet;
      const subnet = checked.value as unknown as Subnet;
      if (subnet.cidr !== before.cidr) {
        const renumbered = renumberSubnet(s, before, subnet);
        if ('code' in renumbered) return failure(renumbered, 'cidr');
        next = renumbered;
      } else next = replace(s, 'subnets', id, subnet);
      break;
    }
    case 'service': {
      const before = current as Service;
      let svc = checked.value as unknown as Service;
      if (svc.type === 'ExternalName') {
        const { clusterIP: _none, ...rest } = svc;
        svc = rest;
      } else if (svc.clusterIP === undefined || (before.type === 'ExternalName' && !('clusterIP' in fields))) {
        const clusterIP = nextClusterIp(s, svc, id);
        if (!clusterIP) return failure(msg('edit.service-cidr-full', { cidr: s.cluster.serviceCidr }), 'clusterIP');
        svc = { ...svc, clusterIP };
      }
      const np = withNodePorts(s, svc);
      if ('error' in np) return failure(np.error, 'ports');
      svc = applyPorts(svc, np);
      next = replace(s, 'services', id, svc);
      // Ingress backends and load balancers refer to the service by name or id: keep names in step.
      if (svc.name !== before.name || svc.namespace !== before.namespace) next = renameBackends(next, before, svc);
      break;
    }
    case 'router':
      next = replace(s, 'routers', id, checked.value as unknown as Router);
      break;
    case 'ingress':
      next = replace(s, 'ingresses', id, checked.value as unknown as Ingress);
      break;
  }
  return acceptIfValid(s, next, id, opts.problems);
}

function renameBackends(s: Scenario, before: Service, after: Service): Scenario {
  if (before.namespace !== after.namespace) return s;
  const fix = <T extends { service: string } | undefined>(b: T): T => (b && b.service === before.name ? { ...b, service: after.name } : b);
  let changed = false;
  const ingresses = s.ingresses.map((ing) => {
    if (ing.namespace !== before.namespace) return ing;
    const uses = ing.defaultBackend?.service === before.name || ing.rules.some((r) => r.paths.some((p) => p.backend.service === before.name));
    if (!uses) return ing;
    changed = true;
    return {
      ...ing,
      rules: ing.rules.map((r) => ({ ...r, paths: r.paths.map((p) => ({ ...p, backend: fix(p.backend) })) })),
      ...(ing.defaultBackend ? { defaultBackend: fix(ing.defaultBackend) } : {}),
    };
  });
  return changed ? { ...s, ingresses } : s;
}

/**
 * Edit cluster settings. A new pod CIDR or per-node prefix reallocates node pod CIDRs that no longer
 * fit (and readdresses their pods); a new service CIDR reallocates ClusterIPs outside it.
 */
export function editCluster(s: Scenario, patch: Partial<ClusterSettings>, opts: { problems?: Problem[] } = {}): EditResult {
  const input = { ...s.cluster, ...patch };
  const parsed = clusterSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return failure(fieldIssueMessage(issue, clusterSchema, input).msg, issue.path.map(String).join('.') || undefined);
  }
  const cluster = parsed.data;
  let next: Scenario = { ...s, cluster };

  if (cluster.podCidr !== s.cluster.podCidr || cluster.nodePodPrefix !== s.cluster.nodePodPrefix) {
    if (parseCidr(cluster.podCidr).prefix > cluster.nodePodPrefix) {
      return failure(msg('problem.node-prefix-too-big', { prefix: cluster.nodePodPrefix, podCidr: cluster.podCidr }), 'nodePodPrefix');
    }
    const fits = (c: string) => cidrWithin(c, cluster.podCidr) && parseCidr(c).prefix === cluster.nodePodPrefix;
    const taken = next.nodes.filter((n) => fits(n.podCidr)).map((n) => n.podCidr);
    let nodes = next.nodes;
    let pods = next.pods;
    for (const n of next.nodes) {
      if (fits(n.podCidr)) continue;
      const podCidr = allocateNodePodCidr(cluster.podCidr, cluster.nodePodPrefix, taken);
      if (!podCidr)
        return failure(msg('edit.pod-cidr-too-few-blocks', { cidr: cluster.podCidr, prefix: cluster.nodePodPrefix, nodes: s.nodes.length }), 'podCidr');
      taken.push(podCidr);
      const readdressed = renumberPods({ ...next, pods }, n.id, n.podCidr, podCidr);
      if (!Array.isArray(readdressed)) return failure(readdressed, 'nodePodPrefix');
      pods = readdressed;
      nodes = nodes.map((x) => (x.id === n.id ? { ...x, podCidr } : x));
    }
    next = { ...next, nodes, pods };
  }
  if (cluster.serviceCidr !== s.cluster.serviceCidr) {
    let services = next.services;
    for (const svc of next.services) {
      if (!svc.clusterIP || svc.clusterIP === 'None' || (isIPv4(svc.clusterIP) && cidrContains(cluster.serviceCidr, svc.clusterIP))) continue;
      const probe: Scenario = { ...next, services };
      const clusterIP = nextClusterIp(probe, svc, svc.id);
      if (!clusterIP) return failure(msg('edit.service-cidr-too-small', { cidr: cluster.serviceCidr, services: s.services.length }), 'serviceCidr');
      services = services.map((x) => (x.id === svc.id ? { ...x, clusterIP } : x));
    }
    next = { ...next, services };
  }
  // A new CNI (or pool) re-addresses the pods its IPAM could not have addressed so.
  const readdressed = readdressPodsForCni(next);
  if ('code' in readdressed) return failure(readdressed, 'cni');
  next = readdressed;
  return acceptIfValid(s, next, 'cluster', opts.problems);
}

export function editScenarioInfo(s: Scenario, patch: { name?: string; description?: string }): EditResult {
  const name = patch.name ?? s.name;
  if (name.length > 200) return failure(msg('edit.name-too-long', { max: 200 }), 'name');
  const description = patch.description ?? s.description;
  if (description !== undefined && description.length > 5000) return failure(msg('edit.description-too-long', { max: 5000 }), 'description');
  return succeed({ ...s, name, ...(description !== undefined ? { description } : {}) });
}
