/** Adding Services and what fronts them: allocated nodePorts, cloud load balancers, Ingresses. */
import type { Ingress, LoadBalancer, Scenario, Service, ServicePort } from './schema';
import { allocateNodePort, NODE_PORT_MAX, NODE_PORT_MIN } from '../net/ipam';
import { msg, type Message } from '../messages/index';
import { allElementIds, lowestFree } from './elements';
import { failure, succeed, withPosition, type EditResult, type Position } from './edit-result';
import { allocateHostIp, nextClusterIp, subnetAddresses } from './addresses';

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

export function addService(
  s: Scenario,
  opts: {
    position?: Position | undefined;
    name?: string | undefined;
    namespace?: string | undefined;
    selector?: Record<string, string> | undefined;
    ports?: ServicePort[] | undefined;
    type?: Service['type'] | undefined;
  } = {},
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
export function addLoadBalancer(
  s: Scenario,
  opts: { service: string; subnet: string; position?: Position | undefined; name?: string | undefined },
): EditResult {
  const svc = s.services.find((x) => x.id === opts.service);
  if (!svc) return failure(s.services.length === 0 ? msg('edit.lb-needs-service') : msg('edit.no-such', { kind: 'service', id: String(opts.service) }));
  const subnet = s.subnets.find((x) => x.id === opts.subnet);
  if (!subnet) return failure(s.subnets.length === 0 ? msg('edit.lb-needs-subnet') : msg('edit.no-such', { kind: 'subnet', id: String(opts.subnet) }));
  const ids = allElementIds(s);
  const id = lowestFree('lb', ids);
  // A second load balancer of a Service is web-lb-2, not another web-lb.
  const lbNames = new Set(s.loadBalancers.map((l) => l.name));
  const base = opts.name ?? `${svc.name}-lb`;
  let name = base;
  for (let i = 2; lbNames.has(name); i++) name = `${base}-${i}`;
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

export function addIngress(s: Scenario, opts: { position?: Position | undefined; service?: string | undefined; name?: string | undefined } = {}): EditResult {
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
