/**
 * What the canvas shows of a Service's endpoints, always as the simulation computes them: the pods
 * it selects (same namespace, labels matching the selector), and per port the "ip:port" endpoints
 * kube-proxy programs. The UI never matches labels itself.
 */
import { type Pod, type Scenario, type Service, topology, selectPods, serviceEndpoints } from '../sim/index';

export function endpointPods(s: Scenario, svc: Service): Pod[] {
  return selectPods(topology(s), svc);
}

/** Per Service port, the endpoints' "ip:port" texts (named target ports resolved per pod). */
export function endpointsByPort(s: Scenario, svc: Service): { port: string; endpoints: string[] }[] {
  const t = topology(s);
  return svc.ports.map((p) => ({
    port: `${p.name ? `${p.name} ` : ''}${p.port}/${p.protocol}`,
    endpoints: serviceEndpoints(t, svc, p).map((e) => e.text),
  }));
}
