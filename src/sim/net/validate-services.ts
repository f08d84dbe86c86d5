/**
 * Checks on Services, load balancers and Ingresses that the API server or the controllers would
 * report (kubernetes.io/docs/concepts/services-networking/service/ and .../ingress/): each problem
 * names its element and field, like the address checks beside it (validate.ts lists them).
 */
import type { Scenario } from '../model/schema';
import type { Problem } from './problem';
import { NODE_PORT_MAX, NODE_PORT_MIN } from './ipam';
import { topology } from '../model/topology';
import { selectPods } from '../dataplane/endpoints';
import { msg } from '../messages/index';

export function validateServices(s: Scenario): Problem[] {
  const out: Problem[] = [];
  const add = (p: Omit<Problem, 'severity'> & { severity?: Problem['severity'] }) => out.push({ severity: 'error', ...p });
  const nodePortOwner = new Map<number, string>();
  for (const svc of s.services) for (const p of svc.ports) if (p.nodePort !== undefined) nodePortOwner.set(p.nodePort, svc.name);

  for (const svc of s.services) {
    const el = { element: svc.id, kind: 'service' as const };
    if (svc.type === 'ExternalName') {
      if (!svc.externalName) add({ ...el, code: 'invalid-service', field: 'externalName', msg: msg('problem.external-name-missing', { service: svc.name }) });
      continue;
    }
    if (svc.clusterIP === 'None' && svc.type !== 'ClusterIP') {
      add({ ...el, code: 'invalid-service', field: 'clusterIP', msg: msg('problem.headless-wrong-type', { type: svc.type }) });
    }
    if (svc.ports.length === 0)
      add({ ...el, severity: 'warning', code: 'invalid-service', field: 'ports', msg: msg('problem.service-no-ports', { service: svc.name }) });
    // The label index of the topology (memoized): Services × pods comparisons made 5,000 Services take seconds.
    const pods = selectPods(topology(s), svc);
    svc.ports.forEach((port, k) => {
      if (typeof port.targetPort !== 'string' || pods.length === 0) return;
      const missing = pods.filter((p) => !p.containers.some((c) => c.ports.some((cp) => cp.name === port.targetPort && cp.protocol === port.protocol)));
      if (missing.length > 0) {
        add({
          ...el,
          severity: 'warning',
          code: 'target-port-unresolved',
          field: `ports.${k}.targetPort`,
          msg: msg('problem.target-port-unresolved', { targetPort: port.targetPort, protocol: port.protocol, pods: missing.map((p) => p.name) }),
        });
      }
    });
    if (svc.healthCheckNodePort !== undefined) {
      const hc = svc.healthCheckNodePort;
      if (hc < NODE_PORT_MIN || hc > NODE_PORT_MAX)
        add({
          ...el,
          code: 'node-port-outside-range',
          field: 'healthCheckNodePort',
          msg: msg('problem.node-port-outside-range', { field: 'healthCheckNodePort', port: hc, min: NODE_PORT_MIN, max: NODE_PORT_MAX }),
        });
      const owner = nodePortOwner.get(hc);
      if (owner) add({ ...el, code: 'duplicate-node-port', field: 'healthCheckNodePort', msg: msg('problem.health-check-port-in-use', { port: hc, owner }) });
    }
  }

  for (const lb of s.loadBalancers) {
    const svc = s.services.find((x) => x.id === lb.service);
    if (svc && svc.type !== 'LoadBalancer') {
      add({
        element: lb.id,
        kind: 'loadBalancer',
        severity: 'warning',
        code: 'invalid-service',
        field: 'service',
        msg: msg('problem.lb-service-wrong-type', {
          lb: lb.name,
          service: svc.name,
          type: svc.type,
          nodePorts: svc.ports.some((p) => p.nodePort !== undefined),
        }),
      });
    }
  }

  for (const ing of s.ingresses) {
    const el = { element: ing.id, kind: 'ingress' as const };
    if (!ing.controllerService)
      add({
        ...el,
        severity: 'warning',
        code: 'missing-reference',
        field: 'controllerService',
        msg: msg('problem.ingress-no-controller', { ingress: ing.name }),
      });
    else if (!s.services.some((x) => x.id === ing.controllerService))
      add({
        ...el,
        code: 'missing-reference',
        field: 'controllerService',
        msg: msg('problem.ingress-controller-missing', { ingress: ing.name, service: ing.controllerService }),
      });
    const backends: [string, { service: string; port: number | string }][] = [];
    ing.rules.forEach((r, i) => r.paths.forEach((p, j) => backends.push([`rules.${i}.paths.${j}.backend`, p.backend])));
    if (ing.defaultBackend) backends.push(['defaultBackend', ing.defaultBackend]);
    for (const [field, b] of backends) {
      const svc = s.services.find((x) => x.name === b.service && x.namespace === ing.namespace);
      if (!svc) add({ ...el, code: 'missing-reference', field, msg: msg('problem.ingress-backend-missing', { service: `${ing.namespace}/${b.service}` }) });
      else if (!svc.ports.some((p) => (typeof b.port === 'number' ? p.port === b.port : p.name === b.port))) {
        add({ ...el, code: 'missing-reference', field, msg: msg('problem.ingress-backend-no-port', { service: svc.name, port: String(b.port) }) });
      }
    }
  }
  return out;
}
