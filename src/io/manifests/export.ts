/**
 * exportManifests(scenario): the scenario's workloads, Services, Ingresses and NetworkPolicies as
 * YAML documents that `kubectl apply` reads, grouped by namespace, pods grouped back into the
 * controller they came from (labels the controller added taken off the template). Addresses a real
 * cluster allocates itself (ClusterIPs, pod IPs) are left out; chosen nodePorts and `clusterIP: None`
 * are kept. kube-system (the cluster's own add-ons) is left out unless asked for.
 */
import { stringify } from 'yaml';
import type { Container, ExplicitEndpoint, Ingress, IngressBackend, NetworkPolicy, Pod, Scenario, Service } from '../../sim/index';
import { CONTROLLER_LABELS } from './workloads';

export interface ExportOptions {
  /** Include kube-system (CoreDNS and other add-ons). Default false: a real cluster has its own. */
  includeSystem?: boolean;
}

type Obj = Record<string, unknown>;

function meta(name: string, namespace: string, labels?: Record<string, string>): Obj {
  return { name, namespace, ...(labels && Object.keys(labels).length > 0 ? { labels } : {}) };
}

function containerYaml(c: Container): Obj {
  const probe = c.readinessProbe;
  const probeYaml =
    probe === undefined
      ? undefined
      : probe.type === 'httpGet'
        ? { httpGet: { ...(probe.path !== undefined ? { path: probe.path } : {}), port: probe.port ?? 80 } }
        : probe.type === 'tcpSocket'
          ? { tcpSocket: { port: probe.port ?? 80 } }
          : probe.type === 'grpc'
            ? { grpc: { port: typeof probe.port === 'number' ? probe.port : 9090 } }
            : { exec: { command: ['true'] } };
  return {
    name: c.name,
    ...(c.image !== undefined ? { image: c.image } : {}),
    ...(c.ports.length > 0
      ? { ports: c.ports.map((p) => ({ ...(p.name !== undefined ? { name: p.name } : {}), containerPort: p.containerPort, protocol: p.protocol })) }
      : {}),
    ...(probeYaml ? { readinessProbe: probeYaml } : {}),
  };
}

function templateLabels(p: Pod): Record<string, string> {
  const out = { ...p.labels };
  for (const k of CONTROLLER_LABELS) delete out[k];
  return out;
}

function podSpec(p: Pod, extra: Obj = {}): Obj {
  return { ...extra, containers: p.containers.map(containerYaml) };
}

function workloadYaml(pods: Pod[], services: Service[]): Obj {
  const first = pods[0]!;
  const owner = first.owner!;
  const labels = templateLabels(first);
  const selector = { matchLabels: owner.selector ?? labels };
  const template = { metadata: { labels }, spec: podSpec(first, owner.kind === 'Job' ? { restartPolicy: 'Never' } : {}) };
  const m = meta(owner.name, first.namespace);
  switch (owner.kind) {
    case 'Deployment':
    case 'ReplicaSet':
      return { apiVersion: 'apps/v1', kind: owner.kind, metadata: m, spec: { replicas: pods.length, selector, template } };
    case 'StatefulSet': {
      const headless = services.find(
        (s) =>
          s.namespace === first.namespace &&
          s.clusterIP === 'None' &&
          Object.keys(s.selector).length > 0 &&
          Object.entries(s.selector).every(([k, v]) => labels[k] === v),
      );
      return {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: m,
        spec: { ...(headless ? { serviceName: headless.name } : {}), replicas: pods.length, selector, template },
      };
    }
    case 'DaemonSet':
      return { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: m, spec: { selector, template } };
    case 'Job':
      return { apiVersion: 'batch/v1', kind: 'Job', metadata: m, spec: { parallelism: pods.length, completions: pods.length, template } };
  }
}

function serviceYaml(s: Service): Obj {
  const external = s.type === 'NodePort' || s.type === 'LoadBalancer';
  const spec: Obj = {
    ...(s.type !== 'ClusterIP' ? { type: s.type } : {}),
    ...(s.clusterIP === 'None' ? { clusterIP: 'None' } : {}),
    ...(s.type === 'ExternalName' && s.externalName ? { externalName: s.externalName } : {}),
    ...(Object.keys(s.selector).length > 0 ? { selector: s.selector } : {}),
    ...(s.ports.length > 0
      ? {
          ports: s.ports.map((p) => ({
            ...(p.name !== undefined ? { name: p.name } : {}),
            port: p.port,
            ...(p.targetPort !== undefined ? { targetPort: p.targetPort } : {}),
            protocol: p.protocol,
            ...(external && p.nodePort !== undefined ? { nodePort: p.nodePort } : {}),
          })),
        }
      : {}),
    ...(s.sessionAffinity === 'ClientIP'
      ? { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: s.sessionAffinityTimeoutSeconds } } }
      : {}),
    ...(external && s.externalTrafficPolicy === 'Local' ? { externalTrafficPolicy: 'Local' } : {}),
    ...(s.internalTrafficPolicy === 'Local' ? { internalTrafficPolicy: 'Local' } : {}),
  };
  return { apiVersion: 'v1', kind: 'Service', metadata: meta(s.name, s.namespace), spec };
}

/** Explicit endpoints as EndpointSlices (one per set of ports), labelled with their Service's name. */
function sliceYaml(s: Service, endpoints: ExplicitEndpoint[]): Obj[] {
  const groups = new Map<string, ExplicitEndpoint[]>();
  for (const e of endpoints) {
    const key = JSON.stringify(e.ports);
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()].map((eps, i) => ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: meta(`${s.name}-${i + 1}`, s.namespace, { 'kubernetes.io/service-name': s.name }),
    addressType: 'IPv4',
    ports: eps[0]!.ports.map((p) => ({ ...(p.name !== undefined ? { name: p.name } : {}), port: p.port, protocol: p.protocol })),
    endpoints: eps.map((e) => ({
      addresses: [e.ip],
      conditions: { ready: e.ready, ...(e.serving !== undefined ? { serving: e.serving } : {}), terminating: e.terminating },
      ...(e.nodeName ? { nodeName: e.nodeName } : {}),
    })),
  }));
}

function backendYaml(b: IngressBackend): Obj {
  return { service: { name: b.service, port: typeof b.port === 'number' ? { number: b.port } : { name: b.port } } };
}

function ingressYaml(i: Ingress): Obj {
  const spec: Obj = {
    ...(i.ingressClassName !== undefined ? { ingressClassName: i.ingressClassName } : {}),
    ...(i.defaultBackend ? { defaultBackend: backendYaml(i.defaultBackend) } : {}),
    ...(i.tls.length > 0 ? { tls: i.tls.map((t) => ({ hosts: t.hosts, ...(t.secretName !== undefined ? { secretName: t.secretName } : {}) })) } : {}),
    ...(i.rules.length > 0
      ? {
          rules: i.rules.map((r) => ({
            ...(r.host !== undefined ? { host: r.host } : {}),
            http: { paths: r.paths.map((p) => ({ path: p.path, pathType: p.pathType, backend: backendYaml(p.backend) })) },
          })),
        }
      : {}),
  };
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta(i.name, i.namespace), spec };
}

function policyYaml(p: NetworkPolicy): Obj {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: meta(p.name, p.namespace, p.labels), spec: p.spec };
}

/** The objects, in the order they are written. */
export function exportObjects(s: Scenario, options: ExportOptions = {}): Obj[] {
  const keep = (ns: string) => options.includeSystem || ns !== 'kube-system';
  const namespaces: string[] = [];
  const note = (ns: string) => {
    if (keep(ns) && !namespaces.includes(ns)) namespaces.push(ns);
  };
  [...s.namespaces.map((n) => ({ namespace: n.name })), ...s.pods, ...s.services, ...s.ingresses, ...s.networkPolicies].forEach((x) => note(x.namespace));
  namespaces.sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : 0));
  const out: Obj[] = [];
  for (const ns of namespaces) {
    const labels = Object.fromEntries(
      Object.entries(s.namespaces.find((n) => n.name === ns)?.labels ?? {}).filter(([k]) => k !== 'kubernetes.io/metadata.name'),
    );
    if (ns !== 'default') out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, ...(Object.keys(labels).length ? { labels } : {}) } });
    const owned = new Map<string, Pod[]>();
    const loose: Pod[] = [];
    for (const p of s.pods) {
      if (p.namespace !== ns) continue;
      if (!p.owner) loose.push(p);
      else {
        const key = `${p.owner.kind}/${p.owner.name}`;
        owned.set(key, [...(owned.get(key) ?? []), p]);
      }
    }
    for (const pods of owned.values()) out.push(workloadYaml(pods, s.services));
    for (const p of loose) out.push({ apiVersion: 'v1', kind: 'Pod', metadata: meta(p.name, ns, p.labels), spec: podSpec(p) });
    for (const svc of s.services.filter((x) => x.namespace === ns)) {
      out.push(serviceYaml(svc));
      if (svc.endpoints && svc.endpoints.length > 0 && Object.keys(svc.selector).length === 0) out.push(...sliceYaml(svc, svc.endpoints));
    }
    for (const i of s.ingresses.filter((x) => x.namespace === ns)) out.push(ingressYaml(i));
    for (const p of (s.networkPolicies ?? []).filter((x) => x.namespace === ns)) out.push(policyYaml(p));
  }
  return out;
}

export function exportManifests(s: Scenario, options: ExportOptions = {}): string {
  return exportObjects(s, options)
    .map((o) => stringify(o, { lineWidth: 0 }))
    .join('---\n');
}
