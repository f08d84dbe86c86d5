/**
 * A Service's EndpointSlices as the EndpointSlice controller writes them and kube-proxy reads them:
 * one slice per distinct set of ports (a named targetPort can resolve to different numbers on
 * different pods), each endpoint with its address, conditions {ready, serving, terminating},
 * nodeName and targetRef. Names are `<service>-<5 characters>` (generateName), made deterministic.
 * https://kubernetes.io/docs/concepts/services-networking/endpoint-slices/
 */
import type { L4Protocol, Service } from '../model/schema';
import type { Topology } from '../model/topology';
import { sliceEndpoints, type EndpointConditions } from './endpoints';

export interface EndpointSliceView {
  name: string;
  namespace: string;
  service: string;
  /** Given in an EndpointSlice/Endpoints object (a Service without a selector) rather than computed from pods. */
  given: boolean;
  ports: { name?: string; port: number; protocol: L4Protocol }[];
  endpoints: { address: string; conditions: EndpointConditions; nodeName?: string; targetRef?: { kind: 'Pod'; name: string; namespace: string } }[];
}

const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
function suffix(seed: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += ALPHABET[h % ALPHABET.length];
    h = Math.floor(h / ALPHABET.length) || (h ^ 0x9e3779b9) >>> 0;
  }
  return out;
}

export function endpointSlices(t: Topology, svc: Service): EndpointSliceView[] {
  if (svc.type === 'ExternalName') return [];
  const given = Object.keys(svc.selector).length === 0;
  if (given && !svc.endpoints) return [];
  // address -> its row and its port per Service port
  const rows = new Map<string, { row: EndpointSliceView['endpoints'][number]; ports: EndpointSliceView['ports'] }>();
  for (const sp of svc.ports) {
    for (const e of sliceEndpoints(t, svc, sp)) {
      let r = rows.get(e.ip);
      if (!r) {
        r = {
          row: {
            address: e.ip,
            conditions: e.conditions,
            ...(e.nodeName ? { nodeName: e.nodeName } : {}),
            ...(e.pod ? { targetRef: { kind: 'Pod' as const, name: e.pod.name, namespace: e.pod.namespace } } : {}),
          },
          ports: [],
        };
        rows.set(e.ip, r);
      }
      r.ports.push({ ...(sp.name !== undefined ? { name: sp.name } : {}), port: e.port, protocol: sp.protocol });
    }
  }
  const groups = new Map<string, EndpointSliceView>();
  for (const { row, ports } of rows.values()) {
    const key = JSON.stringify(ports);
    let g = groups.get(key);
    if (!g) {
      g = { name: `${svc.name}-${suffix(`${svc.namespace}/${svc.name}/${key}`)}`, namespace: svc.namespace, service: svc.name, given, ports, endpoints: [] };
      groups.set(key, g);
    }
    g.endpoints.push(row);
  }
  // With no endpoint at all, the controller still keeps one empty slice (a placeholder) for the Service.
  if (groups.size === 0 && !given)
    return [{ name: `${svc.name}-${suffix(`${svc.namespace}/${svc.name}`)}`, namespace: svc.namespace, service: svc.name, given, ports: [], endpoints: [] }];
  return [...groups.values()];
}

/** The slice as `kubectl get endpointslice -o yaml` shows it (an object for a YAML printer). */
export function endpointSliceObject(v: EndpointSliceView): Record<string, unknown> {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: v.name,
      namespace: v.namespace,
      labels: { 'kubernetes.io/service-name': v.service, ...(v.given ? {} : { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' }) },
    },
    addressType: 'IPv4',
    endpoints: v.endpoints.map((e) => ({
      addresses: [e.address],
      conditions: e.conditions,
      ...(e.nodeName ? { nodeName: e.nodeName } : {}),
      ...(e.targetRef ? { targetRef: e.targetRef } : {}),
    })),
    ports: v.ports,
  };
}
