/**
 * The building blocks of the scenario schema: ids, Kubernetes names, addresses, ports, labels and
 * protocols, shared by every element's schema (schema.ts, schema-services.ts, schema-policy.ts).
 */
import { z } from 'zod/mini';
import { isIPv4, isIPv4Cidr } from '../net/cidr';

import { ID_MESSAGE, K8S_NAME_MESSAGE } from './constants';

export { ID_MESSAGE, isDnsDomain, K8S_NAME_MESSAGE, RESERVED_LABEL_KEYS, SCENARIO_VERSION } from './constants';

/** A string of `min` to `max` characters (zod/mini: checks are functions, so only what is used is bundled). */
export const str = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));
/** A string of at most `max` characters. */
export const maxStr = (max: number) => z.string().check(z.maxLength(max));

export const id = z.string().check(z.minLength(1), z.maxLength(100), z.regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, ID_MESSAGE));
/** A DNS-1123 label, as Kubernetes names of pods, services and namespaces are. */
export const k8sName = z.string().check(z.minLength(1), z.maxLength(63), z.regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, K8S_NAME_MESSAGE));

export const ipv4 = z.string().check(z.refine(isIPv4, { message: 'not an IPv4 address (expected e.g. 192.168.1.10)', params: { msg: 'schema.ipv4' } }));
export const cidr = z.string().check(z.refine(isIPv4Cidr, { message: 'not an IPv4 CIDR (expected e.g. 10.244.0.0/16)', params: { msg: 'schema.cidr' } }));
/** A whole number from `min` to `max`, as zod's classic `z.number().int().min(min).max(max)` builds it. */
export const intRange = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));
export const port = intRange(1, 65535);
/** A port number, or the name of a container port (at most 15 characters). */
export const portOrName = z.union([port, str(1, 15)]);

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
