/**
 * Edits of NetworkPolicies and Namespaces (they are not on the canvas, so they live beside the
 * element edits): put a policy (add or replace by id, validated against the networking.k8s.io/v1
 * schema, names unique per namespace), delete one, set a namespace's labels.
 */
import { namespaceSchema, networkPolicySchema, type NetworkPolicy, type Scenario } from './schema';
import { failure, succeed, type EditResult } from './edit';
import { NAMESPACE_NAME_LABEL } from '../policy/selector';
import { msg } from '../messages/index';
import { fieldIssueMessage } from './issues';
import type { z } from 'zod/mini';

function firstIssue(issues: z.core.$ZodIssue[]): EditResult {
  const i = issues[0]!;
  const path = i.path.map(String).join('.');
  return failure(fieldIssueMessage(i).msg, path || undefined);
}

/** Add the policy, or replace the one with its id. */
export function putNetworkPolicy(s: Scenario, input: unknown): EditResult {
  const parsed = networkPolicySchema.safeParse(input);
  if (!parsed.success) return firstIssue(parsed.error.issues);
  const policy: NetworkPolicy = parsed.data;
  const clash = s.networkPolicies.find((p) => p.id !== policy.id && p.namespace === policy.namespace && p.name === policy.name);
  if (clash) return failure(msg('edit.policy-name-taken', { name: `${policy.namespace}/${policy.name}` }), 'name');
  const exists = s.networkPolicies.some((p) => p.id === policy.id);
  if (!exists) {
    const ids = new Set<string>(
      [...s.subnets, ...s.routers, ...s.nodes, ...s.pods, ...s.clients, ...s.services, ...s.loadBalancers, ...s.ingresses].map((x) => x.id),
    );
    if (ids.has(policy.id)) return failure(msg('edit.id-taken', { id: policy.id }), 'id');
  }
  const networkPolicies = exists ? s.networkPolicies.map((p) => (p.id === policy.id ? policy : p)) : [...s.networkPolicies, policy];
  return succeed({ ...s, networkPolicies }, policy.id);
}

export function deleteNetworkPolicy(s: Scenario, id: string): EditResult {
  if (!s.networkPolicies.some((p) => p.id === id)) return failure(msg('edit.no-policy', { id }));
  return succeed({ ...s, networkPolicies: s.networkPolicies.filter((p) => p.id !== id) });
}

/** A fresh default-deny-ingress policy in a namespace, with a free name and id. */
export function newNetworkPolicy(s: Scenario, namespace = 'default'): NetworkPolicy {
  const names = new Set(s.networkPolicies.filter((p) => p.namespace === namespace).map((p) => p.name));
  let name = 'default-deny-ingress';
  for (let i = 2; names.has(name); i++) name = `policy-${i}`;
  const ids = new Set(s.networkPolicies.map((p) => p.id));
  let id = `np-${namespace}-${name}`;
  for (let i = 2; ids.has(id); i++) id = `np-${namespace}-${name}-${i}`;
  return { id, name, namespace, spec: { podSelector: {}, policyTypes: ['Ingress'] } };
}

/** Set a namespace's labels (kubernetes.io/metadata.name is the API server's; it is not stored). */
export function setNamespaceLabels(s: Scenario, name: string, labels: Record<string, string>): EditResult {
  const rest = Object.fromEntries(Object.entries(labels).filter(([k]) => k !== NAMESPACE_NAME_LABEL));
  const parsed = namespaceSchema.safeParse({ name, labels: rest });
  if (!parsed.success) return firstIssue(parsed.error.issues);
  const exists = s.namespaces.some((n) => n.name === name);
  const namespaces = exists ? s.namespaces.map((n) => (n.name === name ? parsed.data : n)) : [...s.namespaces, parsed.data];
  return succeed({ ...s, namespaces });
}
