/**
 * Services, their explicit Endpoints/EndpointSlices, and Ingresses, from manifests to the scenario's
 * shapes. Addresses (ClusterIP, nodePorts) are checked and allocated by the importer afterwards.
 */
import { msg, type ExplicitEndpoint, type Ingress, type IngressBackend, type L4Protocol, type Message, type Service } from '../../sim/index';
import type { K8sEndpoints, K8sEndpointSlice, K8sIngress, K8sService } from './k8s-schemas';

export type ServiceDraft = Omit<Service, 'id'>;

export function serviceFromManifest(s: K8sService, namespace: string): ServiceDraft {
  const spec = s.spec;
  const type = spec.type ?? 'ClusterIP';
  const clusterIP = spec.clusterIP === undefined || spec.clusterIP === '' ? undefined : spec.clusterIP;
  return {
    name: s.metadata.name,
    namespace,
    type,
    ...(clusterIP !== undefined && type !== 'ExternalName' ? { clusterIP } : {}),
    ...(spec.externalName !== undefined ? { externalName: spec.externalName } : {}),
    ports: (spec.ports ?? []).map((p) => ({
      ...(p.name !== undefined ? { name: p.name } : {}),
      port: p.port,
      ...(p.targetPort !== undefined ? { targetPort: p.targetPort } : {}),
      protocol: p.protocol ?? 'TCP',
      ...(p.nodePort !== undefined ? { nodePort: p.nodePort } : {}),
    })),
    selector: { ...(spec.selector ?? {}) },
    sessionAffinity: spec.sessionAffinity ?? 'None',
    sessionAffinityTimeoutSeconds: spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800,
    externalTrafficPolicy: spec.externalTrafficPolicy ?? 'Cluster',
    internalTrafficPolicy: spec.internalTrafficPolicy ?? 'Cluster',
    ...(spec.healthCheckNodePort !== undefined ? { healthCheckNodePort: spec.healthCheckNodePort } : {}),
    ipvsScheduler: 'rr',
  };
}

type EpPort = ExplicitEndpoint['ports'][number];

function ports(list: { name?: string | undefined; port?: number | undefined; protocol?: L4Protocol | undefined }[] | undefined): EpPort[] {
  return (list ?? []).flatMap((p) => (p.port === undefined ? [] : [{ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol ?? 'TCP' }]));
}

/** Endpoints (core/v1): ready `addresses` and `notReadyAddresses`, times each subset's ports. */
export function endpointsFromEndpoints(e: K8sEndpoints): ExplicitEndpoint[] {
  const out: ExplicitEndpoint[] = [];
  for (const sub of e.subsets ?? []) {
    const p = ports(sub.ports);
    for (const a of sub.addresses ?? []) out.push({ ip: a.ip, ...(a.nodeName ? { nodeName: a.nodeName } : {}), ready: true, terminating: false, ports: p });
    for (const a of sub.notReadyAddresses ?? [])
      out.push({ ip: a.ip, ...(a.nodeName ? { nodeName: a.nodeName } : {}), ready: false, terminating: false, ports: p });
  }
  return out;
}

/**
 * EndpointSlice (discovery.k8s.io/v1): one row per endpoint's first address. A missing `ready`
 * condition means ready, and `serving` defaults to `ready` (the API's documented defaults).
 * https://kubernetes.io/docs/concepts/services-networking/endpoint-slices/#conditions
 */
export function endpointsFromSlice(s: K8sEndpointSlice): ExplicitEndpoint[] {
  const p = ports(s.ports);
  return (s.endpoints ?? []).map((e) => {
    const ready = e.conditions?.ready ?? true;
    return {
      ip: e.addresses[0]!,
      ...(e.nodeName ? { nodeName: e.nodeName } : {}),
      ready,
      ...(e.conditions?.serving !== undefined ? { serving: e.conditions.serving } : {}),
      terminating: e.conditions?.terminating ?? false,
      ports: p,
    };
  });
}

function backendOf(b: { service: { name: string; port: { number?: number | undefined; name?: string | undefined } } }): IngressBackend | undefined {
  const port = b.service.port.number ?? b.service.port.name;
  return port === undefined ? undefined : { service: b.service.name, port };
}

/** An Ingress; `problems` lists what it has that the playground cannot keep (a backend without a port, a rule without paths). */
export function ingressFromManifest(
  i: K8sIngress,
  namespace: string,
): { ingress: Omit<Ingress, 'id'>; problems: { path: (string | number)[]; msg: Message }[] } {
  const problems: { path: (string | number)[]; msg: Message }[] = [];
  const rules: Ingress['rules'] = [];
  (i.spec.rules ?? []).forEach((r, ri) => {
    if (!r.http) {
      problems.push({ path: ['spec', 'rules', ri], msg: msg('manifest.ingress-rule-no-paths') });
      return;
    }
    const paths: Ingress['rules'][number]['paths'] = [];
    r.http.paths.forEach((p, pi) => {
      const backend = backendOf(p.backend);
      if (!backend) {
        problems.push({ path: ['spec', 'rules', ri, 'http', 'paths', pi, 'backend', 'service', 'port'], msg: msg('manifest.ingress-port') });
        return;
      }
      paths.push({ path: p.path ?? '/', pathType: p.pathType, backend });
    });
    if (paths.length > 0) rules.push({ ...(r.host !== undefined ? { host: r.host } : {}), paths });
  });
  const def = i.spec.defaultBackend ? backendOf(i.spec.defaultBackend) : undefined;
  if (i.spec.defaultBackend && !def) problems.push({ path: ['spec', 'defaultBackend', 'service', 'port'], msg: msg('manifest.ingress-port') });
  return {
    ingress: {
      name: i.metadata.name,
      namespace,
      ...(i.spec.ingressClassName !== undefined ? { ingressClassName: i.spec.ingressClassName } : {}),
      rules,
      ...(def ? { defaultBackend: def } : {}),
      tls: (i.spec.tls ?? []).map((t) => ({ hosts: t.hosts ?? [], ...(t.secretName !== undefined ? { secretName: t.secretName } : {}) })),
    },
    problems,
  };
}

/**
 * The Service whose pods are the ingress controller for a class: ingress-nginx's controller Service
 * (selector app.kubernetes.io/name=ingress-nginx or component=controller), preferring a
 * LoadBalancer or NodePort one, as `kubectl apply -f deploy.yaml` of ingress-nginx creates.
 */
export function findIngressController(services: Pick<Service, 'id' | 'name' | 'namespace' | 'type' | 'selector'>[]): string | undefined {
  const candidates = services.filter(
    (s) =>
      s.selector['app.kubernetes.io/name'] === 'ingress-nginx' ||
      s.name === 'ingress-nginx-controller' ||
      s.selector['app.kubernetes.io/component'] === 'controller',
  );
  const best = candidates.find((s) => s.type === 'LoadBalancer' || s.type === 'NodePort') ?? candidates[0];
  return best?.id;
}
