/**
 * The scenario format's constants and plain checks, without the zod schemas (schema-base.ts), so the
 * editor's first paint can use them without loading the schema code.
 */

export const SCENARIO_VERSION = 1 as const;

/** The schema's words for a bad name and a bad id (issues.ts turns them into message codes). */
export const K8S_NAME_MESSAGE = 'a Kubernetes name is lower-case letters, digits and "-" (RFC 1123 label)';
export const ID_MESSAGE = 'ids use letters, digits, "-", "_", ".", ":"';

/**
 * Keys that name a property every JavaScript object inherits. zod's record drops `__proto__` without a
 * word, so a selector `{"__proto__": ...}` would become `{}` and select nothing: `parseScenario` refuses
 * such keys in labels and selectors with a message instead (see `reservedKeyErrors`).
 */
export const RESERVED_LABEL_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A DNS domain as kubelet's --cluster-domain takes it: 1-63 character RFC 1123 labels, dot-separated, 253 at most. */
export function isDnsDomain(text: string): boolean {
  if (typeof text !== 'string' || text.length === 0 || text.length > 253) return false;
  return text.split('.').every((label) => label.length <= 63 && DNS_LABEL.test(label));
}
