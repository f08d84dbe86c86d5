/**
 * The ingress controller add-on: what serves an Ingress. An Ingress object alone does nothing; a
 * controller (here ingress-nginx, as its cloud deploy manifest installs it: namespace ingress-nginx,
 * the `ingress-nginx-controller` Deployment and a Service of the same name, type LoadBalancer, ports
 * http 80 and https 443, pods labelled app.kubernetes.io/{name: ingress-nginx, instance: ingress-nginx,
 * component: controller}; kubernetes/ingress-nginx deploy/static/provider/cloud/deploy.yaml) watches
 * Ingresses of its class and proxies for them.
 */
import type { Container, Pod, Scenario, Service } from './schema';
import { addLoadBalancer, allElementIds, failure, lowestFree, nextClusterIp, nextPodIp, succeed, withNodePorts, applyPorts, type EditResult } from './edit';
import { msg } from '../messages/index';
import { INGRESS_NGINX_IMAGE, INGRESS_NGINX_LABELS, INGRESS_NGINX_NAMESPACE, ingressControllerServices } from './ingress-controllers';

export { INGRESS_NGINX_IMAGE, INGRESS_NGINX_LABELS, INGRESS_NGINX_NAMESPACE, ingressControllerServices, isIngressControllerPod } from './ingress-controllers';

const controllerContainer = (): Container => ({
  name: 'controller',
  image: INGRESS_NGINX_IMAGE,
  ports: [
    { name: 'http', containerPort: 80, protocol: 'TCP' },
    { name: 'https', containerPort: 443, protocol: 'TCP' },
  ],
});

/**
 * Add ingress-nginx: its controller pod on `node`, its Service, and, when `subnet` is given (where
 * outside clients are), a cloud load balancer there (type LoadBalancer); without one the Service is
 * type NodePort. Ingresses that name no controller yet are given this one. One edit: one undo step.
 */
export function addIngressController(
  s: Scenario,
  opts: { node?: string | undefined; subnet?: string | undefined; position?: { x: number; y: number } | undefined } = {},
): EditResult {
  const node = s.nodes.find((n) => n.id === opts.node) ?? s.nodes[0];
  if (!node) return failure(msg('edit.ingress-controller-needs-node'));
  const ids = allElementIds(s);
  const podId = lowestFree('ingress-nginx-controller', ids);
  ids.add(podId);
  const ip = nextPodIp(s, node.id);
  if (!ip) return failure(msg('edit.node-pod-cidr-full', { node: node.name, cidr: node.podCidr }));
  const pod: Pod = {
    id: podId,
    name: podId,
    namespace: INGRESS_NGINX_NAMESPACE,
    labels: { ...INGRESS_NGINX_LABELS },
    node: node.id,
    ip,
    containers: [controllerContainer()],
  };
  let next: Scenario = { ...s, pods: [...s.pods, pod] };

  const existing = ingressControllerServices(next).find((x) => x.namespace === INGRESS_NGINX_NAMESPACE);
  let svcId = existing?.id;
  if (!existing) {
    svcId = ids.has('ingress-nginx') ? lowestFree('ingress-nginx', ids) : 'ingress-nginx';
    const name = next.services.some((x) => x.namespace === INGRESS_NGINX_NAMESPACE && x.name === 'ingress-nginx-controller')
      ? lowestFree('ingress-nginx-controller', new Set(next.services.map((x) => x.name)))
      : 'ingress-nginx-controller';
    const draft: Service = {
      id: svcId,
      name,
      namespace: INGRESS_NGINX_NAMESPACE,
      type: opts.subnet ? 'LoadBalancer' : 'NodePort',
      ports: [
        { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
        { name: 'https', port: 443, targetPort: 'https', protocol: 'TCP' },
      ],
      selector: { ...INGRESS_NGINX_LABELS },
      sessionAffinity: 'None',
      sessionAffinityTimeoutSeconds: 10800,
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      ipvsScheduler: 'rr',
    };
    const clusterIP = nextClusterIp(next, draft);
    if (!clusterIP) return failure(msg('edit.service-cidr-full', { cidr: s.cluster.serviceCidr }));
    draft.clusterIP = clusterIP;
    const np = withNodePorts(next, draft);
    if ('error' in np) return failure(np.error);
    next = { ...next, services: [...next.services, applyPorts(draft, np)], layout: opts.position ? { ...next.layout, [svcId]: opts.position } : next.layout };
    if (opts.subnet) {
      const lb = addLoadBalancer(next, { service: svcId, subnet: opts.subnet, name: 'ingress-nginx-lb' });
      if (!lb.ok) return lb;
      next = lb.scenario;
    }
  }
  const ingresses = next.ingresses.map((i) => (i.controllerService ? i : { ...i, controllerService: svcId!, ingressClassName: i.ingressClassName ?? 'nginx' }));
  if (ingresses.some((i, k) => i !== next.ingresses[k])) next = { ...next, ingresses };
  return succeed(next, svcId);
}
