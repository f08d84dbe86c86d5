/**
 * importManifests(sources, { base, onClash }): Kubernetes manifests onto a cluster.
 * The cluster is `base` (the canvas) when it has nodes, else a generated one (cluster.ts). Objects
 * whose kind, namespace and name match an element already there are clashes, settled by `onClash`:
 * replace (the manifest wins, keeping the element's id and place), keep (the manifest's object is
 * left out) or rename (the manifest's object gets a free name). Pure: no I/O, deterministic.
 */
import { allocateNodePodCidr, cidrContains, isDnsService, isIPv4, networkPolicySchema, parseScenario, type Ingress, type NetworkPolicy, type Pod, type Scenario, type ScenarioDoc, type Service } from '../../sim/index';
import type { ManifestError, ManifestSource } from './documents';
import { checkObjects, noteFor, type CheckedObject, type ManifestNote, type Sourced } from './read';
import type { K8sDaemonSet, K8sEndpoints, K8sEndpointSlice, K8sIngress, K8sIngressClass, K8sJob, K8sNetworkPolicy, K8sNode, K8sPod, K8sReplicated, K8sService } from './k8s-schemas';
import { COREDNS_MANIFESTS, generatedCluster, Scheduler } from './cluster';
import { applyNodesToGenerated, nodeFromManifest, subnetFor } from './nodes';
import { podFromManifest, workloadPods, type PodDraft } from './workloads';
import { endpointsFromEndpoints, endpointsFromSlice, findIngressController, ingressFromManifest, serviceFromManifest } from './services';
import { objectError } from './documents';
import { assignAddresses } from './assign';

export type ClashPolicy = 'replace' | 'keep' | 'rename';

export interface ImportOptions {
  /** The cluster on the canvas; a generated one is used when it is missing or has no nodes. */
  base?: Scenario;
  onClash?: ClashPolicy;
}

export interface Clash {
  kind: 'Pod' | 'Service' | 'Ingress' | 'NetworkPolicy' | 'Node';
  namespace: string;
  name: string;
}

export type ManifestImport =
  | {
      ok: true;
      scenario: Scenario;
      /** Things done differently from the manifest (an address re-allocated, a field not modelled). */
      notes: ManifestNote[];
      /** Objects of kinds that are not about networking. */
      ignored: ManifestNote[];
      clashes: Clash[];
      generatedCluster: boolean;
      /** How many objects of each kind were read. */
      counts: Record<string, number>;
    }
  | { ok: false; errors: ManifestError[] };

export function importManifests(sources: ManifestSource[], options: ImportOptions = {}): ManifestImport {
  const { objects, errors, ignored } = checkObjects(sources);
  if (errors.length > 0) return { ok: false, errors };
  const b = new Builder(options);
  try {
    b.run(objects);
  } catch (e) {
    if (e instanceof ImportFailed) return { ok: false, errors: e.errors };
    throw e;
  }
  if (b.errors.length > 0) return { ok: false, errors: b.errors };
  const parsed = parseScenario(b.doc);
  if (!parsed.ok) {
    return { ok: false, errors: parsed.errors.map((e) => ({ source: sources[0]?.name ?? '', doc: 0, path: e.path, message: `the resulting scenario is invalid: ${e.message}` })) };
  }
  const counts: Record<string, number> = {};
  for (const o of objects) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
  return { ok: true, scenario: parsed.scenario, notes: b.notes, ignored, clashes: b.clashes, generatedCluster: b.generated, counts };
}

class ImportFailed extends Error {
  constructor(readonly errors: ManifestError[]) {
    super('import failed');
  }
}

class Builder {
  doc: ScenarioDoc;
  generated: boolean;
  readonly errors: ManifestError[] = [];
  readonly notes: ManifestNote[] = [];
  readonly clashes: Clash[] = [];
  private readonly ids = new Set<string>();
  private readonly policy: ClashPolicy;

  constructor(options: ImportOptions) {
    this.policy = options.onClash ?? 'replace';
    this.generated = !options.base || options.base.nodes.length === 0;
    this.doc = this.generated ? generatedCluster(options.base?.name && options.base.nodes.length > 0 ? options.base.name : 'Imported manifests') : structuredClone(options.base!);
    for (const kind of ['subnets', 'routers', 'nodes', 'pods', 'clients', 'services', 'loadBalancers', 'ingresses'] as const) for (const x of this.doc[kind]) this.ids.add(x.id);
    for (const x of this.doc.networkPolicies ?? []) this.ids.add(x.id);
  }

  idFor(base: string): string {
    const clean = base.replace(/[^A-Za-z0-9_.:-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 90) || 'x';
    let id = clean;
    for (let i = 2; this.ids.has(id); i++) id = `${clean}-${i}`;
    this.ids.add(id);
    return id;
  }

  /** Settle a clash with an existing element: the id to reuse (replace), a new name (rename), or null (keep the canvas's). */
  private clash<T extends { id: string; name: string; namespace?: string }>(list: T[], kind: Clash['kind'], namespace: string, name: string, exists: (n: string) => boolean): { id?: string; name: string } | null {
    const i = list.findIndex((x) => x.name === name && (x.namespace ?? '') === namespace);
    if (i < 0) return { name };
    this.clashes.push({ kind, namespace, name });
    if (this.policy === 'keep') return null;
    if (this.policy === 'rename') {
      let n = 2;
      while (exists(`${name}-${n}`)) n++;
      return { name: `${name}-${n}` };
    }
    const [old] = list.splice(i, 1);
    return { id: old!.id, name };
  }

  run(objects: CheckedObject[]): void {
    const of = <T>(kind: CheckedObject['kind']) => objects.filter((o) => o.kind === kind) as (CheckedObject & { value: T })[];
    this.nodes(of<K8sNode>('Node'));
    const hasDns = objects.some((o) => o.kind === 'Service' && isDnsService({ name: o.name, namespace: o.namespace }));
    const addons = this.generated && !hasDns ? checkObjects([{ name: 'CoreDNS (added)', text: COREDNS_MANIFESTS }]).objects : [];
    const services = this.services([...of<K8sService>('Service'), ...(addons.filter((o) => o.kind === 'Service') as (CheckedObject & { value: K8sService })[])]);
    this.endpoints(services, of<K8sEndpoints>('Endpoints'), of<K8sEndpointSlice>('EndpointSlice'));
    this.allocateNodeCidrs();
    const pods = this.pods(objects.filter((o) => o.kind !== 'Service' && o.kind !== 'Node').concat(addons.filter((o) => o.kind !== 'Service')));
    this.ingresses(of<K8sIngress>('Ingress'), of<K8sIngressClass>('IngressClass'), [...this.doc.services, ...services.map((x) => x.item)]);
    this.networkPolicies(of<K8sNetworkPolicy>('NetworkPolicy'));
    this.namespaces(objects.filter((o) => o.kind === 'Namespace'));
    this.errors.push(...assignAddresses(this.doc, pods, services, this.notes));
    this.doc.pods.push(...pods.map((p) => p.item));
    this.doc.services.push(...services.map((s) => s.item));
    const byLabel = new Map<string, ScenarioDoc['pods']>();
    for (const p of this.doc.pods) {
      for (const [k, v] of Object.entries(p.labels)) {
        const key = `${p.namespace}|${k}=${v}`;
        const list = byLabel.get(key);
        if (list) list.push(p);
        else byLabel.set(key, [p]);
      }
    }
    const selects = (svc: Service) => {
      const [first, ...rest] = Object.entries(svc.selector);
      return (byLabel.get(`${svc.namespace}|${first![0]}=${first![1]}`) ?? []).some((p) => rest.every(([k, v]) => p.labels[k] === v));
    };
    for (const s of services) {
      if (Object.keys(s.item.selector).length > 0 && s.item.type !== 'ExternalName' && !selects(s.item)) {
        this.notes.push(noteFor(s.from.raw, `Service ${s.item.namespace}/${s.item.name} selects no pod (${Object.entries(s.item.selector).map(([k, v]) => `${k}=${v}`).join(',')}): it has no endpoints`));
      }
    }
  }

  private nodes(list: (CheckedObject & { value: K8sNode })[]): void {
    if (list.length === 0) return;
    const drafts = list.map((o) => nodeFromManifest(o.value));
    if (this.generated) {
      this.ids.delete('node-1');
      this.ids.delete('node-2');
      this.ids.delete('node-3');
      applyNodesToGenerated(this.doc, drafts, (b) => this.idFor(b));
      return;
    }
    list.forEach((o, i) => {
      const d = drafts[i]!;
      const c = this.clash(this.doc.nodes.map((n) => ({ ...n, namespace: '' })), 'Node', '', d.name, (n) => this.doc.nodes.some((x) => x.name === n));
      if (c === null) return;
      const old = c.id ? this.doc.nodes.find((n) => n.id === c.id) : undefined;
      const ip = d.ip ?? old?.ip;
      const subnet = ip ? subnetFor(this.doc, ip) : undefined;
      if (!ip || !subnet) {
        this.errors.push(objectError(o.raw, ['status', 'addresses'], ip ? `no subnet of the cluster holds the node's InternalIP ${ip}` : 'the node has no InternalIP, so it has no place on the cluster'));
        return;
      }
      const node = {
        id: c.id ?? this.idFor(d.name),
        name: c.name,
        subnet: subnet.id,
        ip,
        ...(d.podCidr ? { podCidr: d.podCidr } : old?.podCidr ? { podCidr: old.podCidr } : {}),
        ...(Object.keys(d.labels).length ? { labels: d.labels } : {}),
      };
      if (old) this.doc.nodes[this.doc.nodes.indexOf(old)] = node;
      else this.doc.nodes.push(node);
    });
  }

  private allocateNodeCidrs(): void {
    const taken = this.doc.nodes.flatMap((n) => (n.podCidr ? [n.podCidr] : []));
    for (const n of this.doc.nodes) {
      if (n.podCidr) continue;
      const c = allocateNodePodCidr(this.doc.cluster.podCidr, this.doc.cluster.nodePodPrefix, taken);
      if (!c) throw new ImportFailed([{ source: '', doc: 0, path: '', message: `no free /${this.doc.cluster.nodePodPrefix} left in the cluster pod CIDR ${this.doc.cluster.podCidr} for node ${n.name}` }]);
      n.podCidr = c;
      taken.push(c);
    }
  }

  private services(list: (CheckedObject & { value: K8sService })[]): Sourced<Service>[] {
    const out: Sourced<Service>[] = [];
    for (const o of list) {
      const draft = serviceFromManifest(o.value, o.namespace);
      if (draft.type === 'ExternalName' && !draft.externalName) {
        this.errors.push(objectError(o.raw, ['spec', 'externalName'], 'missing: a Service of type ExternalName needs externalName'));
        continue;
      }
      const c = this.clash(this.doc.services, 'Service', o.namespace, draft.name, (n) => this.doc.services.some((x) => x.namespace === o.namespace && x.name === n));
      if (c === null) continue;
      out.push({ from: o, item: { ...draft, name: c.name, id: c.id ?? this.idFor(`svc-${o.namespace === 'default' ? '' : `${o.namespace}.`}${c.name}`) } });
      if (draft.type === 'LoadBalancer' && !this.doc.loadBalancers.some((lb) => lb.service === c.id)) {
        this.notes.push(noteFor(o.raw, 'type LoadBalancer: no cloud load balancer is provisioned on import (its NodePorts work; add a load balancer from the palette)'));
      }
    }
    return out;
  }

  private endpoints(services: Sourced<Service>[], endpoints: (CheckedObject & { value: K8sEndpoints })[], slices: (CheckedObject & { value: K8sEndpointSlice })[]): void {
    const byKey = new Map(services.map((s) => [`${s.item.namespace}/${s.item.name}`, s]));
    const attach = (o: CheckedObject, serviceName: string | undefined, eps: ReturnType<typeof endpointsFromSlice>) => {
      const svc = serviceName ? byKey.get(`${o.namespace}/${serviceName}`) : undefined;
      if (!svc) {
        this.notes.push(noteFor(o.raw, `no Service ${o.namespace}/${serviceName ?? '(no kubernetes.io/service-name label)'} among the manifests: left out`));
        return;
      }
      if (Object.keys(svc.item.selector).length > 0) {
        this.notes.push(noteFor(o.raw, `Service ${svc.item.name} has a selector, so the EndpointSlice controller computes its endpoints from pods: this object is left out`));
        return;
      }
      svc.item.endpoints = [...(svc.item.endpoints ?? []), ...eps];
    };
    for (const o of endpoints) attach(o, o.name, endpointsFromEndpoints(o.value));
    for (const o of slices) {
      if (o.value.addressType !== 'IPv4') {
        this.notes.push(noteFor(o.raw, `addressType ${o.value.addressType}: only IPv4 is modelled; left out`));
        continue;
      }
      attach(o, o.value.metadata.labels?.['kubernetes.io/service-name'], endpointsFromSlice(o.value));
    }
  }

  private pods(objects: CheckedObject[]): Sourced<Pod>[] {
    const scheduler = new Scheduler(this.doc.nodes, this.doc.pods);
    const out: Sourced<Pod>[] = [];
    const names = new Set(this.doc.pods.map((p) => `${p.namespace}/${p.name}`));
    const add = (o: CheckedObject, d: PodDraft, path: (string | number)[]) => {
      const c = this.clash(this.doc.pods, 'Pod', d.namespace, d.name, (n) => names.has(`${d.namespace}/${n}`));
      if (c === null) return;
      names.add(`${d.namespace}/${c.name}`);
      const ownerKey = d.owner ? `${d.namespace}/${d.owner.kind}/${d.owner.name}` : undefined;
      // A pod that already has an address runs on the node whose pod CIDR holds it.
      const byIp = !d.nodeName && d.ip ? this.doc.nodes.find((n) => n.podCidr && isIPv4(d.ip!) && cidrContains(n.podCidr, d.ip!))?.name : undefined;
      const placed = scheduler.place(ownerKey, d.nodeSelector, d.nodeName ?? byIp);
      if (!placed.ok) {
        this.errors.push(objectError(o.raw, [...path, d.nodeName ? 'nodeName' : 'nodeSelector'], `pod ${d.name} cannot be scheduled: ${placed.reason}`));
        return;
      }
      if (d.hostNetwork) this.notes.push(noteFor(o.raw, `pod ${d.name}: hostNetwork is not modelled; it gets a pod address`));
      const { ip, nodeName: _n, nodeSelector: _s, hostNetwork: _h, ...rest } = d;
      out.push({ from: o, item: { ...rest, name: c.name, id: c.id ?? this.idFor(`pod-${d.namespace === 'default' ? '' : `${d.namespace}.`}${c.name}`), node: placed.node!, ip: ip ?? '' } });
    };
    for (const o of objects) {
      const ns = o.namespace;
      switch (o.kind) {
        case 'Pod':
          add(o, podFromManifest(o.value as K8sPod, ns), ['spec']);
          break;
        case 'Deployment':
        case 'ReplicaSet':
        case 'StatefulSet': {
          const v = o.value as K8sReplicated;
          if (!this.selectorMatches(o, v.spec.selector.matchLabels, v.spec.template.metadata?.labels)) break;
          for (const d of workloadPods({ kind: o.kind, name: o.name, namespace: ns, template: v.spec.template, ...(v.spec.selector.matchLabels ? { selector: v.spec.selector.matchLabels } : {}), count: v.spec.replicas ?? 1 })) add(o, d, ['spec', 'template', 'spec']);
          break;
        }
        case 'DaemonSet': {
          const v = o.value as K8sDaemonSet;
          if (!this.selectorMatches(o, v.spec.selector.matchLabels, v.spec.template.metadata?.labels)) break;
          const nodes = scheduler.daemonNodes(v.spec.template.spec.nodeSelector).map((id) => this.doc.nodes.find((n) => n.id === id)!.name);
          for (const d of workloadPods({ kind: 'DaemonSet', name: o.name, namespace: ns, template: v.spec.template, ...(v.spec.selector.matchLabels ? { selector: v.spec.selector.matchLabels } : {}), count: nodes.length }, nodes)) add(o, d, ['spec', 'template', 'spec']);
          break;
        }
        case 'Job': {
          const v = o.value as K8sJob;
          const count = Math.min(v.spec.parallelism ?? 1, v.spec.completions ?? Number.MAX_SAFE_INTEGER);
          for (const d of workloadPods({ kind: 'Job', name: o.name, namespace: ns, template: v.spec.template, count })) add(o, d, ['spec', 'template', 'spec']);
          break;
        }
        default:
          break;
      }
    }
    return out;
  }

  /** apps/v1 validation: the selector must match the template's labels. */
  private selectorMatches(o: CheckedObject, selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
    const missing = Object.entries(selector ?? {}).filter(([k, v]) => labels?.[k] !== v);
    if (missing.length === 0) return true;
    this.errors.push(objectError(o.raw, ['spec', 'template', 'metadata', 'labels'], `selector does not match template labels (missing ${missing.map(([k, v]) => `${k}: ${v}`).join(', ')})`));
    return false;
  }

  private ingresses(list: (CheckedObject & { value: K8sIngress })[], classes: (CheckedObject & { value: K8sIngressClass })[], services: Service[]): void {
    const defaultClass = classes.find((c) => c.value.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true')?.name;
    const controller = findIngressController(services);
    for (const o of list) {
      const { ingress, problems } = ingressFromManifest(o.value, o.namespace);
      for (const p of problems) this.notes.push({ ...noteFor(o.raw, `${p.path.join('.')}: ${p.message}`) });
      const c = this.clash(this.doc.ingresses, 'Ingress', o.namespace, ingress.name, (n) => this.doc.ingresses.some((x) => x.namespace === o.namespace && x.name === n));
      if (c === null) continue;
      const className = ingress.ingressClassName ?? defaultClass;
      const item: Ingress = { ...ingress, name: c.name, id: c.id ?? this.idFor(`ing-${o.namespace === 'default' ? '' : `${o.namespace}.`}${c.name}`), ...(className ? { ingressClassName: className } : {}), ...(controller ? { controllerService: controller } : {}) };
      if (!controller) this.notes.push(noteFor(o.raw, 'no ingress controller Service (ingress-nginx) in the cluster, so no controller serves this Ingress yet'));
      this.doc.ingresses.push(item);
    }
  }

  /** Namespace objects with their labels (namespaceSelector matches them); the API server's kubernetes.io/metadata.name label is implied. */
  private namespaces(list: CheckedObject[]): void {
    for (const o of list) {
      const labels = { ...((o.value as { metadata: { labels?: Record<string, string> } }).metadata.labels ?? {}) };
      delete labels['kubernetes.io/metadata.name'];
      const i = this.doc.namespaces.findIndex((n) => n.name === o.name);
      if (i >= 0) this.doc.namespaces[i] = { name: o.name, labels: { ...this.doc.namespaces[i]!.labels, ...labels } };
      else this.doc.namespaces.push({ name: o.name, labels });
    }
  }

  private networkPolicies(list: (CheckedObject & { value: K8sNetworkPolicy })[]): void {
    if (list.length === 0) return;
    const policies: NetworkPolicy[] = (this.doc.networkPolicies ??= []);
    for (const o of list) {
      const c = this.clash(policies, 'NetworkPolicy', o.namespace, o.name, (n) => policies.some((x) => x.namespace === o.namespace && x.name === n));
      if (c === null) continue;
      const labels = o.value.metadata.labels;
      // The spec is checked against networking.k8s.io/v1 (sim NetworkPolicy schema); a bad one names its field.
      const spec = networkPolicySchema.shape.spec.safeParse(o.value.spec ?? {});
      if (!spec.success) {
        const issue = spec.error.issues[0]!;
        this.errors.push(objectError(o.raw, ['spec', ...issue.path], issue.message));
        continue;
      }
      policies.push({ id: c.id ?? this.idFor(`netpol-${o.namespace === 'default' ? '' : `${o.namespace}.`}${c.name}`), name: c.name, namespace: o.namespace, ...(labels ? { labels } : {}), spec: spec.data });
    }
  }
}
