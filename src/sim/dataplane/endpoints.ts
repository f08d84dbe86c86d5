/**
 * A Service's endpoints, as the EndpointSlice controller computes them and kube-proxy reads them:
 * the pods in the Service's namespace whose labels carry every key=value of its selector, each with
 * the target port resolved (a number as is; a name looked up among the pod's container ports of the
 * same protocol; a pod without that named port is left out). kube-proxy sorts endpoints by their
 * "ip:port" text (pkg/proxy/endpointslicecache.go, "Ensure endpoints are always returned in the
 * same order"), which fixes the order of the KUBE-SEP rules.
 * https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service
 */
import type { Pod, Service, ServicePort } from '../model/schema';
import type { Topology } from '../model/topology';

export interface Endpoint {
  pod: Pod;
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

const endpointCache = new WeakMap<Topology, Map<string, Endpoint[]>>();

/** The endpoints of one port of a Service, sorted by "ip:port". */
export function serviceEndpoints(t: Topology, svc: Service, port: ServicePort): Endpoint[] {
  let cache = endpointCache.get(t);
  if (!cache) endpointCache.set(t, (cache = new Map()));
  const key = `${svc.id}|${port.name ?? ''}|${port.port}|${port.protocol}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out: Endpoint[] = [];
  for (const pod of selectPods(t, svc)) {
    const target = resolveTargetPort(pod, port);
    if (target === undefined) continue;
    out.push({ pod, ip: pod.ip, port: target, node: pod.node, text: `${pod.ip}:${target}` });
  }
  out.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  cache.set(key, out);
  return out;
}

/** The service port a packet to `port`/`proto` addresses, if the Service has one. */
export function findServicePort(svc: Service, port: number | undefined, proto: string): ServicePort | undefined {
  return svc.ports.find((p) => p.port === port && p.protocol.toLowerCase() === proto);
}

/** The port of a Service named by number or by its port name (ingress backends use either). */
export function servicePortByRef(svc: Service, ref: number | string): ServicePort | undefined {
  return typeof ref === 'number' ? svc.ports.find((p) => p.port === ref) : svc.ports.find((p) => p.name === ref);
}
