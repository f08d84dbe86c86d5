/**
 * The import's builder: the cluster it starts from (the canvas, or a generated one), then Nodes,
 * Services with their Endpoints/EndpointSlices, pods (build-pods.ts), Ingresses, NetworkPolicies and
 * Namespaces (build-more.ts), and the addresses of it all (assign.ts).
 */
import { allocateNodePodCidr, isDnsService, msg, type Service, type ScenarioDoc } from '../../sim/index';
import type { ManifestError } from './documents';
import { objectError } from './documents';
import { checkObjects, noteFor, type CheckedObject, type ManifestNote, type Sourced } from './read';
import type { K8sEndpoints, K8sEndpointSlice, K8sIngress, K8sIngressClass, K8sNetworkPolicy, K8sNode, K8sService } from './k8s-schemas';
import { COREDNS_MANIFESTS, generatedCluster } from './cluster';
import { applyNodesToGenerated, nodeFromManifest, subnetFor } from './nodes';
import { endpointsFromEndpoints, endpointsFromSlice, serviceFromManifest } from './services';
import { assignAddresses } from './assign';
import { ImportFailed, nsPrefix, type BuildContext, type Clash, type ClashPolicy } from './context';
import { buildPods } from './build-pods';
import { buildIngresses, buildNamespaces, buildNetworkPolicies } from './build-more';

export interface BuilderOptions {
  base?: ScenarioDoc;
  onClash?: ClashPolicy;
}

export class Builder implements BuildContext {
  doc: ScenarioDoc;
  generated: boolean;
  readonly errors: ManifestError[] = [];
  readonly notes: ManifestNote[] = [];
  readonly clashes: Clash[] = [];
  private readonly ids = new Set<string>();
  private readonly policy: ClashPolicy;

  constructor(options: BuilderOptions) {
    this.policy = options.onClash ?? 'replace';
    this.generated = !options.base || options.base.nodes.length === 0;
    this.doc = this.generated
      ? generatedCluster(options.base?.name && options.base.nodes.length > 0 ? options.base.name : undefined)
      : structuredClone(options.base!);
    for (const kind of ['subnets', 'routers', 'nodes', 'pods', 'clients', 'services', 'loadBalancers', 'ingresses'] as const)
      for (const x of this.doc[kind]) this.ids.add(x.id);
    for (const x of this.doc.networkPolicies ?? []) this.ids.add(x.id);
  }

  idFor(base: string): string {
    const clean =
      base
        .replace(/[^A-Za-z0-9_.:-]/g, '-')
        .replace(/^[^A-Za-z0-9]+/, '')
        .slice(0, 90) || 'x';
    let id = clean;
    for (let i = 2; this.ids.has(id); i++) id = `${clean}-${i}`;
    this.ids.add(id);
    return id;
  }

  /** Settle a clash with an existing element: the id to reuse (replace), a new name (rename), or null (keep the canvas's). */
  clash<T extends { id: string; name: string; namespace?: string }>(
    list: T[],
    kind: Clash['kind'],
    namespace: string,
    name: string,
    exists: (n: string) => boolean,
  ): { id?: string; name: string } | null {
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
    const services = this.services([
      ...of<K8sService>('Service'),
      ...(addons.filter((o) => o.kind === 'Service') as (CheckedObject & { value: K8sService })[]),
    ]);
    this.endpoints(services, of<K8sEndpoints>('Endpoints'), of<K8sEndpointSlice>('EndpointSlice'));
    this.allocateNodeCidrs();
    const pods = buildPods(this, objects.filter((o) => o.kind !== 'Service' && o.kind !== 'Node').concat(addons.filter((o) => o.kind !== 'Service')));
    buildIngresses(this, of<K8sIngress>('Ingress'), of<K8sIngressClass>('IngressClass'), [...this.doc.services, ...services.map((x) => x.item)]);
    buildNetworkPolicies(this, of<K8sNetworkPolicy>('NetworkPolicy'));
    buildNamespaces(
      this,
      objects.filter((o) => o.kind === 'Namespace'),
    );
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
        this.notes.push(
          noteFor(
            s.from.raw,
            msg('manifest.service-selects-nothing', {
              service: `${s.item.namespace}/${s.item.name}`,
              selector: Object.entries(s.item.selector)
                .map(([k, v]) => `${k}=${v}`)
                .join(','),
            }),
          ),
        );
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
      const c = this.clash(
        this.doc.nodes.map((n) => ({ ...n, namespace: '' })),
        'Node',
        '',
        d.name,
        (n) => this.doc.nodes.some((x) => x.name === n),
      );
      if (c === null) return;
      const old = c.id ? this.doc.nodes.find((n) => n.id === c.id) : undefined;
      const ip = d.ip ?? old?.ip;
      const subnet = ip ? subnetFor(this.doc, ip) : undefined;
      if (!ip || !subnet) {
        this.errors.push(objectError(o.raw, ['status', 'addresses'], msg('manifest.node-no-subnet', ip ? { ip } : {})));
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
      if (!c)
        throw new ImportFailed([
          {
            source: '',
            doc: 0,
            path: '',
            msg: msg('input.no-free-pod-cidr', { prefix: this.doc.cluster.nodePodPrefix, podCidr: this.doc.cluster.podCidr, node: n.name }),
          },
        ]);
      n.podCidr = c;
      taken.push(c);
    }
  }

  private services(list: (CheckedObject & { value: K8sService })[]): Sourced<Service>[] {
    const out: Sourced<Service>[] = [];
    for (const o of list) {
      const draft = serviceFromManifest(o.value, o.namespace);
      if (draft.type === 'ExternalName' && !draft.externalName) {
        this.errors.push(objectError(o.raw, ['spec', 'externalName'], msg('manifest.external-name-missing')));
        continue;
      }
      const c = this.clash(this.doc.services, 'Service', o.namespace, draft.name, (n) =>
        this.doc.services.some((x) => x.namespace === o.namespace && x.name === n),
      );
      if (c === null) continue;
      out.push({ from: o, item: { ...draft, name: c.name, id: c.id ?? this.idFor(`svc-${nsPrefix(o.namespace)}${c.name}`) } });
      if (draft.type === 'LoadBalancer' && !this.doc.loadBalancers.some((lb) => lb.service === c.id)) {
        this.notes.push(noteFor(o.raw, msg('manifest.lb-not-provisioned')));
      }
    }
    return out;
  }

  private endpoints(
    services: Sourced<Service>[],
    endpoints: (CheckedObject & { value: K8sEndpoints })[],
    slices: (CheckedObject & { value: K8sEndpointSlice })[],
  ): void {
    const byKey = new Map(services.map((s) => [`${s.item.namespace}/${s.item.name}`, s]));
    const attach = (o: CheckedObject, serviceName: string | undefined, eps: ReturnType<typeof endpointsFromSlice>) => {
      const svc = serviceName ? byKey.get(`${o.namespace}/${serviceName}`) : undefined;
      if (!svc) {
        this.notes.push(noteFor(o.raw, msg('manifest.slice-no-service', { namespace: o.namespace, ...(serviceName ? { service: serviceName } : {}) })));
        return;
      }
      if (Object.keys(svc.item.selector).length > 0) {
        this.notes.push(noteFor(o.raw, msg('manifest.slice-has-selector', { service: svc.item.name })));
        return;
      }
      svc.item.endpoints = [...(svc.item.endpoints ?? []), ...eps];
    };
    for (const o of endpoints) attach(o, o.name, endpointsFromEndpoints(o.value));
    for (const o of slices) {
      if (o.value.addressType !== 'IPv4') {
        this.notes.push(noteFor(o.raw, msg('manifest.slice-address-type', { type: o.value.addressType })));
        continue;
      }
      attach(o, o.value.metadata.labels?.['kubernetes.io/service-name'], endpointsFromSlice(o.value));
    }
  }
}
