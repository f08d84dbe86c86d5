/** The Ingresses, Namespaces and NetworkPolicies of an import. */
import { msg, type Ingress, type NetworkPolicy, type Service } from '../../sim/index';
import { issueMessage, networkPolicySchema } from '../../sim/editing';
import { objectError } from './documents';
import { noteFor, type CheckedObject } from './read';
import type { K8sIngress, K8sIngressClass, K8sNetworkPolicy } from './k8s-schemas';
import { findIngressController, ingressFromManifest } from './services';
import { nsPrefix, type BuildContext } from './context';

export function buildIngresses(
  b: BuildContext,
  list: (CheckedObject & { value: K8sIngress })[],
  classes: (CheckedObject & { value: K8sIngressClass })[],
  services: Service[],
): void {
  const defaultClass = classes.find((c) => c.value.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true')?.name;
  const controller = findIngressController(services);
  for (const o of list) {
    const { ingress, problems } = ingressFromManifest(o.value, o.namespace);
    for (const p of problems) b.notes.push({ ...noteFor(o.raw, msg('input.at', { path: p.path.join('.'), issue: p.msg })) });
    const c = b.clash(b.doc.ingresses, 'Ingress', o.namespace, ingress.name, (n) => b.doc.ingresses.some((x) => x.namespace === o.namespace && x.name === n));
    if (c === null) continue;
    const className = ingress.ingressClassName ?? defaultClass;
    const item: Ingress = {
      ...ingress,
      name: c.name,
      id: c.id ?? b.idFor(`ing-${nsPrefix(o.namespace)}${c.name}`),
      ...(className ? { ingressClassName: className } : {}),
      ...(controller ? { controllerService: controller } : {}),
    };
    if (!controller) b.notes.push(noteFor(o.raw, msg('manifest.no-ingress-controller')));
    b.doc.ingresses.push(item);
  }
}

/** Namespace objects with their labels (namespaceSelector matches them); the API server's kubernetes.io/metadata.name label is implied. */
export function buildNamespaces(b: BuildContext, list: CheckedObject[]): void {
  for (const o of list) {
    const labels = { ...((o.value as { metadata: { labels?: Record<string, string> } }).metadata.labels ?? {}) };
    delete labels['kubernetes.io/metadata.name'];
    const i = b.doc.namespaces.findIndex((n) => n.name === o.name);
    if (i >= 0) b.doc.namespaces[i] = { name: o.name, labels: { ...b.doc.namespaces[i]!.labels, ...labels } };
    else b.doc.namespaces.push({ name: o.name, labels });
  }
}

export function buildNetworkPolicies(b: BuildContext, list: (CheckedObject & { value: K8sNetworkPolicy })[]): void {
  if (list.length === 0) return;
  const policies: NetworkPolicy[] = (b.doc.networkPolicies ??= []);
  for (const o of list) {
    const c = b.clash(policies, 'NetworkPolicy', o.namespace, o.name, (n) => policies.some((x) => x.namespace === o.namespace && x.name === n));
    if (c === null) continue;
    const labels = o.value.metadata.labels;
    // The spec is checked against networking.k8s.io/v1 (sim NetworkPolicy schema); a bad one names its field.
    const spec = networkPolicySchema.shape.spec.safeParse(o.value.spec ?? {});
    if (!spec.success) {
      const issue = spec.error.issues[0]!;
      b.errors.push(objectError(o.raw, ['spec', ...issue.path], issueMessage(issue, networkPolicySchema.shape.spec, o.value.spec ?? {})));
      continue;
    }
    policies.push({
      id: c.id ?? b.idFor(`netpol-${nsPrefix(o.namespace)}${c.name}`),
      name: c.name,
      namespace: o.namespace,
      ...(labels ? { labels } : {}),
      spec: spec.data,
    });
  }
}
