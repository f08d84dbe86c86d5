/**
 * A NetworkPolicy as the manifest kubectl reads (apiVersion networking.k8s.io/v1, kind NetworkPolicy,
 * metadata, spec), for the inspector's YAML view; and back, validated against the scenario schema.
 */
import { parse, stringify } from 'yaml';
import { msg, type Message, type NetworkPolicy } from '../sim/index';
import { issueMessage, networkPolicySchema } from '../sim/editing';

export function policyToYaml(p: NetworkPolicy): string {
  return stringify({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: p.name, namespace: p.namespace }, spec: p.spec });
}

/** A refused edit says why as a message (rendered in the reader's language), naming the field. */
export type PolicyYamlResult = { ok: true; policy: NetworkPolicy } | { ok: false; error: Message; line?: number };

/** Read the YAML of one NetworkPolicy; the policy keeps `id`. */
export function policyFromYaml(text: string, id: string): PolicyYamlResult {
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 100 });
  } catch (e) {
    const err = e as Error & { linePos?: { line: number }[] };
    const line = err.linePos?.[0]?.line;
    return { ok: false, error: msg('manifest.not-yaml', { detail: err.message.split('\n')[0]! }), ...(line !== undefined ? { line } : {}) };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { ok: false, error: msg('policy-yaml.not-object') };
  const d = doc as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown; namespace?: unknown }; spec?: unknown };
  if (d.kind !== undefined && d.kind !== 'NetworkPolicy')
    return { ok: false, error: msg('policy-yaml.wrong-field', { field: 'kind', expected: 'NetworkPolicy', given: String(d.kind) }) };
  if (d.apiVersion !== undefined && d.apiVersion !== 'networking.k8s.io/v1')
    return { ok: false, error: msg('policy-yaml.wrong-field', { field: 'apiVersion', expected: 'networking.k8s.io/v1', given: String(d.apiVersion) }) };
  const input = { id, name: d.metadata?.name, namespace: d.metadata?.namespace ?? 'default', spec: d.spec ?? {} };
  const parsed = networkPolicySchema.safeParse(input);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    const path = i.path.map(String);
    const where = path[0] === 'name' || path[0] === 'namespace' ? ['metadata', ...path] : path;
    return { ok: false, error: msg('input.at', { path: where.join('.'), issue: issueMessage(i, networkPolicySchema, input) }) };
  }
  return { ok: true, policy: parsed.data };
}
