/**
 * A Service's endpoints, as the EndpointSlice controller computes them and kube-proxy reads them:
 * the pods in the Service's namespace whose labels carry every key=value of its selector, each with
 * the target port resolved (a number as is; a name looked up among the pod's container ports of the
 * same protocol; a pod without that named port is left out). kube-proxy sorts endpoints by their
 * "ip:port" text (pkg/proxy/endpointslicecache.go, "Ensure endpoints are always returned in the
 * same order"), which fixes the order of the KUBE-SEP rules.
 * https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service
 */
import type { Pod, Readiness, Service, ServicePort } from '../model/schema';
import type { Topology } from '../model/topology';

export interface Endpoint {
  /** The pod behind the address; absent for an address given in an Endpoints/EndpointSlice object that is no pod here. */
  pod?: Pod;
  ip: string;
  port: number;
  /** The node the pod runs on. */
  node: string;
  /** "ip:port", as kube-proxy prints it. */
  text: string;
}

/** The port a pod serves `port` on, or undefined when a named targetPort is not among its containers' ports. */
export function resolveTargetPort(pod: Pod, port: ServicePort): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number') return target;
  for (const c of pod.containers) {
    const p = c.ports.find((x) => x.name === target && x.protocol === port.protocol);
    if (p) return p.containerPort;
  }
  return undefined;
}

/** Pods indexed by "namespace|key=value", built once per topology. */
const labelIndexes = new WeakMap<Topology, Map<string, Pod[]>>();

function labelIndex(t: Topology): Map<string, Pod[]> {
  let idx = labelIndexes.get(t);
  if (idx) return idx;
  idx = new Map();
  for (const p of t.scenario.pods) {
    for (const [k, v] of Object.entries(p.labels)) {
      const key = `${p.namespace}|${k}=${v}`;
      const list = idx.get(key);
      if (list) list.push(p);
      else idx.set(key, [p]);
    }
  }
  labelIndexes.set(t, idx);
  return idx;
}

/** The pods a Service selects (none for ExternalName or an empty selector), in document order. */
export function selectPods(t: Topology, svc: Service): Pod[] {
  const entries = Object.entries(svc.selector);
  if (svc.type === 'ExternalName' || entries.length === 0) return [];
  const idx = labelIndex(t);
  let smallest: Pod[] | undefined;
  for (const [k, v] of entries) {
    const list = idx.get(`${svc.namespace}|${k}=${v}`) ?? [];
    if (!smallest || list.length < smallest.length) smallest = list;
  }
  return (smallest ?? []).filter((p) => entries.every(([k, v]) => p.labels[k] === v));
}

/** EndpointSlice conditions (discovery.k8s.io/v1 EndpointConditions). */
export interface EndpointConditions {
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** An endpoint with its conditions: one row of the Service's EndpointSlice for a port. */
export interface SliceEndpoint extends Endpoint {
  conditions: EndpointConditions;
  /** The node name, as the slice's `nodeName` (absent for given addresses without one). */
  nodeName?: string;
}

/**
 * The EndpointSlice controller's conditions for a pod: ready = the pod's Ready condition and not
 * terminating (a terminating endpoint is never ready); serving = the Ready condition whatever the
 * termination; terminating = a deletionTimestamp is set. A terminating pod is taken as still passing
 * its probe (serving), as one in its grace period usually is.
 * https://kubernetes.io/docs/concepts/services-networking/endpoint-slices/#conditions
 */
export function podConditions(readiness: Readiness | undefined): EndpointConditions {
  const r = readiness ?? 'Ready';
  return { ready: r === 'Ready', serving: r !== 'NotReady', terminating: r === 'Terminating' };
}

export function isPodReady(pod: Pick<Pod, 'readiness'>): boolean {
  return (pod.readiness ?? 'Ready') === 'Ready';
}

const byText = (a: Endpoint, b: Endpoint) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
const sliceCache = new WeakMap<Topology, Map<string, SliceEndpoint[]>>();

/**
 * Every endpoint of one port of a Service, ready or not, sorted by "ip:port": the selected pods
 * serving the target port, or for a Service without a selector the endpoints given explicitly.
 */
export function sliceEndpoints(t: Topology, svc: Service, port: ServicePort): SliceEndpoint[] {
  let cache = sliceCache.get(t);
  if (!cache) sliceCache.set(t, (cache = new Map()));
  const key = `${svc.id}|${port.name ?? ''}|${port.port}|${port.protocol}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out: SliceEndpoint[] = [];
  const nodeName = (id: string) => t.nodes.get(id)?.name ?? id;
  if (Object.keys(svc.selector).length === 0 && svc.endpoints) {
    for (const e of svc.endpoints) {
      // The slice's port that carries this Service port: by name, else the only one.
      const p =
        e.ports.find((x) => x.name !== undefined && x.name === port.name && x.protocol === port.protocol) ??
        (e.ports.length === 1 && e.ports[0]!.protocol === port.protocol ? e.ports[0] : undefined);
      if (!p) continue;
      const pod = t.podByIp.get(e.ip);
      const node = pod?.node ?? [...t.nodes.values()].find((n) => n.name === e.nodeName)?.id ?? '';
      out.push({
        ...(pod ? { pod } : {}),
        ip: e.ip,
        port: p.port,
        node,
        text: `${e.ip}:${p.port}`,
        conditions: { ready: e.ready, serving: e.serving ?? e.ready, terminating: e.terminating },
        ...(e.nodeName ? { nodeName: e.nodeName } : node ? { nodeName: nodeName(node) } : {}),
      });
    }
  } else {
    for (const pod of selectPods(t, svc)) {
      const target = resolveTargetPort(pod, port);
      if (target === undefined) continue;
      out.push({
        pod,
        ip: pod.ip,
        port: target,
        node: pod.node,
        text: `${pod.ip}:${target}`,
        conditions: podConditions(pod.readiness),
        nodeName: nodeName(pod.node),
      });
    }
  }
  out.sort(byText);
  cache.set(key, out);
  return out;
}

/**
 * The endpoints kube-proxy programs for a port: the ready ones; when none is ready, the ones that
 * are serving and terminating (so connections drain during a rollout). `node` narrows to the
 * endpoints on one node (a Local traffic policy), with the same fallback among them.
 * pkg/proxy/topology.go CategorizeEndpoints; KEP-1669 "Proxy Terminating Endpoints".
 */
export function usableEndpoints(all: SliceEndpoint[], node?: string): SliceEndpoint[] {
  const scope = node === undefined ? all : all.filter((e) => e.node === node);
  const ready = scope.filter((e) => e.conditions.ready);
  if (ready.length > 0) return ready;
  return scope.filter((e) => e.conditions.serving && e.conditions.terminating);
}

const endpointCache = new WeakMap<Topology, Map<string, Endpoint[]>>();

/** The endpoints kube-proxy sends one port of a Service to (see usableEndpoints), sorted by "ip:port". */
export function serviceEndpoints(t: Topology, svc: Service, port: ServicePort): Endpoint[] {
  let cache = endpointCache.get(t);
  if (!cache) endpointCache.set(t, (cache = new Map()));
  const key = `${svc.id}|${port.name ?? ''}|${port.port}|${port.protocol}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out = usableEndpoints(sliceEndpoints(t, svc, port));
  cache.set(key, out);
  return out;
}

/** The endpoints on one node kube-proxy uses for a Local traffic policy (ready, else serving and terminating). */
export function localEndpoints(t: Topology, svc: Service, port: ServicePort, node: string): Endpoint[] {
  return usableEndpoints(sliceEndpoints(t, svc, port), node);
}

/** The service port a packet to `port`/`proto` addresses, if the Service has one. */
export function findServicePort(svc: Service, port: number | undefined, proto: string): ServicePort | undefined {
  return svc.ports.find((p) => p.port === port && p.protocol.toLowerCase() === proto);
}

/** The port of a Service named by number or by its port name (ingress backends use either). */
export function servicePortByRef(svc: Service, ref: number | string): ServicePort | undefined {
  return typeof ref === 'number' ? svc.ports.find((p) => p.port === ref) : svc.ports.find((p) => p.name === ref);
}
