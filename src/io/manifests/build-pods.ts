/**
 * The pods of an import: Pods as written, and the replicas of Deployments, ReplicaSets, StatefulSets,
 * DaemonSets and Jobs, each placed on a node as the default scheduler would (cluster.ts).
 */
import { cidrContains, isIPv4, msg, type Pod } from '../../sim/index';
import { Scheduler } from './cluster';
import { objectError } from './documents';
import { noteFor, type CheckedObject, type Sourced } from './read';
import type { K8sDaemonSet, K8sJob, K8sPod, K8sReplicated } from './k8s-schemas';
import { podFromManifest, workloadPods, type PodDraft } from './workloads';
import { nsPrefix, type BuildContext } from './context';

export function buildPods(b: BuildContext, objects: CheckedObject[]): Sourced<Pod>[] {
  const scheduler = new Scheduler(b.doc.nodes, b.doc.pods);
  const out: Sourced<Pod>[] = [];
  const names = new Set(b.doc.pods.map((p) => `${p.namespace}/${p.name}`));
  const add = (o: CheckedObject, d: PodDraft, path: (string | number)[]) => {
    const c = b.clash(b.doc.pods, 'Pod', d.namespace, d.name, (n) => names.has(`${d.namespace}/${n}`));
    if (c === null) return;
    names.add(`${d.namespace}/${c.name}`);
    const ownerKey = d.owner ? `${d.namespace}/${d.owner.kind}/${d.owner.name}` : undefined;
    // A pod that already has an address runs on the node whose pod CIDR holds it.
    const byIp = !d.nodeName && d.ip ? b.doc.nodes.find((n) => n.podCidr && isIPv4(d.ip!) && cidrContains(n.podCidr, d.ip!))?.name : undefined;
    const placed = scheduler.place(ownerKey, d.nodeSelector, d.nodeName ?? byIp);
    if (!placed.ok) {
      b.errors.push(
        objectError(o.raw, [...path, d.nodeName ? 'nodeName' : 'nodeSelector'], msg('manifest.unschedulable', { pod: d.name, why: placed.reason! })),
      );
      return;
    }
    if (d.hostNetwork) b.notes.push(noteFor(o.raw, msg('manifest.host-network', { pod: d.name })));
    const { ip, nodeName: _n, nodeSelector: _s, hostNetwork: _h, ...rest } = d;
    out.push({ from: o, item: { ...rest, name: c.name, id: c.id ?? b.idFor(`pod-${nsPrefix(d.namespace)}${c.name}`), node: placed.node!, ip: ip ?? '' } });
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
        if (!selectorMatches(b, o, v.spec.selector.matchLabels, v.spec.template.metadata?.labels)) break;
        for (const d of workloadPods({
          kind: o.kind,
          name: o.name,
          namespace: ns,
          template: v.spec.template,
          ...(v.spec.selector.matchLabels ? { selector: v.spec.selector.matchLabels } : {}),
          count: v.spec.replicas ?? 1,
        }))
          add(o, d, ['spec', 'template', 'spec']);
        break;
      }
      case 'DaemonSet': {
        const v = o.value as K8sDaemonSet;
        if (!selectorMatches(b, o, v.spec.selector.matchLabels, v.spec.template.metadata?.labels)) break;
        const nodes = scheduler.daemonNodes(v.spec.template.spec.nodeSelector).map((id) => b.doc.nodes.find((n) => n.id === id)!.name);
        for (const d of workloadPods(
          {
            kind: 'DaemonSet',
            name: o.name,
            namespace: ns,
            template: v.spec.template,
            ...(v.spec.selector.matchLabels ? { selector: v.spec.selector.matchLabels } : {}),
            count: nodes.length,
          },
          nodes,
        ))
          add(o, d, ['spec', 'template', 'spec']);
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
function selectorMatches(b: BuildContext, o: CheckedObject, selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  const missing = Object.entries(selector ?? {}).filter(([k, v]) => labels?.[k] !== v);
  if (missing.length === 0) return true;
  b.errors.push(
    objectError(o.raw, ['spec', 'template', 'metadata', 'labels'], msg('manifest.selector-mismatch', { missing: missing.map(([k, v]) => `${k}: ${v}`) })),
  );
  return false;
}
