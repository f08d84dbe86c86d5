/**
 * Kubernetes label selectors (metav1.LabelSelector) and namespace labels, as NetworkPolicy uses them.
 * A selector matches when every matchLabels pair and every matchExpressions requirement holds; an
 * empty selector ({}) matches everything.
 */
import type { LabelSelector, Scenario } from '../model/schema';

export type Labels = Record<string, string>;

/** The label the API server sets on every Namespace (Kubernetes 1.22+): its own name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export function matchSelector(sel: LabelSelector, labels: Labels): boolean {
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) {
    if (!Object.hasOwn(labels, k) || labels[k] !== v) return false;
  }
  for (const req of sel.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, req.key);
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (!has || !values.includes(labels[req.key]!)) return false;
        break;
      case 'NotIn':
        // NotIn also matches objects that do not have the key at all (labels.Requirement.Matches).
        if (has && values.includes(labels[req.key]!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

export function isEmptySelector(sel: LabelSelector): boolean {
  return Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;
}

/** `role=db,tier in (a,b),!x`, the way kubectl describe prints a selector; `<none>` for {}. */
export function selectorText(sel: LabelSelector): string {
  const parts = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const r of sel.matchExpressions ?? []) {
    const vals = (r.values ?? []).join(',');
    if (r.operator === 'In') parts.push(`${r.key} in (${vals})`);
    else if (r.operator === 'NotIn') parts.push(`${r.key} notin (${vals})`);
    else if (r.operator === 'Exists') parts.push(r.key);
    else parts.push(`!${r.key}`);
  }
  return parts.length === 0 ? '<none>' : parts.join(',');
}

const nsCache = new WeakMap<Scenario, Map<string, Labels>>();

/**
 * A namespace's labels: those the scenario gives it, with `kubernetes.io/metadata.name` always set
 * to its name, as the API server does. A namespace the scenario does not list (but pods use) has
 * only that label.
 */
export function namespaceLabels(s: Scenario, ns: string): Labels {
  let m = nsCache.get(s);
  if (!m) {
    m = new Map();
    for (const n of s.namespaces) m.set(n.name, { ...n.labels, [NAMESPACE_NAME_LABEL]: n.name });
    nsCache.set(s, m);
  }
  return m.get(ns) ?? { [NAMESPACE_NAME_LABEL]: ns };
}

/** Every namespace the scenario mentions: listed ones, then those only pods, Services or policies use. */
export function namespaceNames(s: Scenario): string[] {
  const names = new Set<string>(s.namespaces.map((n) => n.name));
  for (const x of [...s.pods, ...s.services, ...s.networkPolicies]) names.add(x.namespace);
  return [...names];
}
