/**
 * The Service ports kube-proxy programs (in both modes): every port of a Service with a ClusterIP
 * (not headless, not ExternalName), with its endpoints, its EndpointSlice and the load balancer IPs
 * in front of it. Computed once per topology.
 */
import type { Service, ServicePort } from '../model/schema';
import type { Topology } from '../model/topology';
import { protocolOf, servicePortName } from './kubeproxy-names';
import { serviceEndpoints, sliceEndpoints, type Endpoint, type SliceEndpoint } from './endpoints';

/** A port of a Service kube-proxy programs: it has a ClusterIP (not headless, not ExternalName). */
export interface ProxiedPort {
  svc: Service;
  port: ServicePort;
  name: string;
  protocol: 'tcp' | 'udp' | 'sctp';
  endpoints: Endpoint[];
  /** Every endpoint of the port with its conditions (the EndpointSlice), ready or not. */
  slice: SliceEndpoint[];
  /** Public IPs of load balancers in front of this Service (status.loadBalancer.ingress). */
  lbIps: string[];
}

export function isProxied(svc: Service): boolean {
  return svc.type !== 'ExternalName' && svc.clusterIP !== undefined && svc.clusterIP !== 'None';
}

export function externallyAccessible(svc: Service): boolean {
  return svc.type === 'NodePort' || svc.type === 'LoadBalancer';
}

const portCache = new WeakMap<Topology, ProxiedPort[]>();

export function proxiedPorts(t: Topology): ProxiedPort[] {
  const hit = portCache.get(t);
  if (hit) return hit;
  const lbIps = new Map<string, string[]>();
  for (const lb of t.scenario.loadBalancers) lbIps.set(lb.service, [...(lbIps.get(lb.service) ?? []), lb.ip]);
  const out: ProxiedPort[] = [];
  for (const svc of t.scenario.services) {
    if (!isProxied(svc)) continue;
    for (const port of svc.ports) {
      out.push({
        svc,
        port,
        name: servicePortName(svc, port),
        protocol: protocolOf(port),
        endpoints: serviceEndpoints(t, svc, port),
        slice: sliceEndpoints(t, svc, port),
        lbIps: lbIps.get(svc.id) ?? [],
      });
    }
  }
  portCache.set(t, out);
  return out;
}
