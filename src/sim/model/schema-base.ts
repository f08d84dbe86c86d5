/**
 * The building blocks of the scenario schema: ids, Kubernetes names, addresses, ports, labels and
 * protocols, shared by every element's schema (schema.ts, schema-services.ts, schema-policy.ts).
 */
import { z } from 'zod/mini';
import { isIPv4, isIPv4Cidr } from '../net/cidr';

/** The schema's words for a bad name and a bad id (issues.ts turns them into message codes). */
export const K8S_NAME_MESSAGE = 'a Kubernetes name is lower-case letters, digits and "-" (RFC 1123 label)';
export const ID_MESSAGE = 'ids use letters, digits, "-", "_", ".", ":"';

export const SCENARIO_VERSION = 1 as const;

/** A string of `min` to `max` characters (zod/mini: checks are functions, so only what is used is bundled). */
export const str = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));
/** A string of at most `max` characters. */
export const maxStr = (max: number) => z.string().check(z.maxLength(max));

export const id = z.string().check(z.minLength(1), z.maxLength(100), z.regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, ID_MESSAGE));
/** A DNS-1123 label, as Kubernetes names of pods, services and namespaces are. */
export const k8sName = z.string().check(z.minLength(1), z.maxLength(63), z.regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, K8S_NAME_MESSAGE));
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A DNS domain as kubelet's --cluster-domain takes it: 1-63 character RFC 1123 labels, dot-separated, 253 at most. */
export function isDnsDomain(text: string): boolean {
  if (typeof text !== 'string' || text.length === 0 || text.length > 253) return false;
  return text.split('.').every((label) => label.length <= 63 && DNS_LABEL.test(label));
}

export const ipv4 = z.string().check(z.refine(isIPv4, { message: 'not an IPv4 address (expected e.g. 192.168.1.10)', params: { msg: 'schema.ipv4' } }));
export const cidr = z.string().check(z.refine(isIPv4Cidr, { message: 'not an IPv4 CIDR (expected e.g. 10.244.0.0/16)', params: { msg: 'schema.cidr' } }));
/** A whole number from `min` to `max`, as zod's classic `z.number().int().min(min).max(max)` builds it. */
export const intRange = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));
export const port = intRange(1, 65535);
/** A port number, or the name of a container port (at most 15 characters). */
export const portOrName = z.union([port, str(1, 15)]);
/**
 * Keys that name a property every JavaScript object inherits. zod's record drops `__proto__` without a
 * word, so a selector `{"__proto__": ...}` would become `{}` and select nothing: `parseScenario` refuses
 * such keys in labels and selectors with a message instead (see `reservedKeyErrors`).
 */
export const RESERVED_LABEL_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export const labels = z.record(str(1, 63), maxStr(63));
/** A DNS-1123 subdomain, as Kubernetes names of nodes and workloads may be (`ip-10-0-1-5.ec2.internal`). */
export const k8sSubdomain = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(253),
    z.regex(
      /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
      'a Kubernetes name is lower-case letters, digits, "-" and "." (RFC 1123 subdomain)',
    ),
  );

export const protocolSchema = z.enum(['tcp', 'udp', 'icmp']);
export const l4ProtocolSchema = z.enum(['TCP', 'UDP', 'SCTP']);
