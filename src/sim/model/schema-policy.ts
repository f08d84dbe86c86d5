/** The scenario schema's Namespaces and networking.k8s.io/v1 NetworkPolicies. */
import { z } from 'zod/mini';
import { cidr, k8sName, k8sSubdomain, l4ProtocolSchema, labels, id, maxStr, port, portOrName, str } from './schema-base';

/** A Namespace; `kubernetes.io/metadata.name` is always set to its name (as the API server does). */
export const namespaceSchema = z.object({
  name: k8sName,
  labels: z._default(labels, {}),
});

/** metav1.LabelSelector: matchLabels AND every matchExpressions requirement. */
export const labelSelectorSchema = z.object({
  matchLabels: z.optional(labels),
  matchExpressions: z.optional(
    z.array(
      z.object({
        key: str(1, 316),
        operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']),
        values: z.optional(z.array(maxStr(63))),
      }),
    ),
  ),
});

/** networking.k8s.io/v1 NetworkPolicyPeer: one peer; podSelector and namespaceSelector in one peer AND together. */
const policyPeerShape = z.object({
  podSelector: z.optional(labelSelectorSchema),
  namespaceSelector: z.optional(labelSelectorSchema),
  ipBlock: z.optional(z.object({ cidr, except: z.optional(z.array(cidr)) })),
});
type PeerShape = z.output<typeof policyPeerShape>;
export const policyPeerSchema = policyPeerShape.check(
  z.refine((p: PeerShape) => p.podSelector !== undefined || p.namespaceSelector !== undefined || p.ipBlock !== undefined, {
    message: 'a peer needs podSelector, namespaceSelector or ipBlock (as the API requires)',
    params: { msg: 'schema.peer-empty' },
  }),
  z.refine((p: PeerShape) => p.ipBlock === undefined || (p.podSelector === undefined && p.namespaceSelector === undefined), {
    message: 'ipBlock cannot be combined with podSelector or namespaceSelector in one peer',
    params: { msg: 'schema.peer-ipblock-mixed' },
  }),
);

/** networking.k8s.io/v1 NetworkPolicyPort: a number or a named container port, with an optional range end. */
const policyPortShape = z.object({
  protocol: z.optional(l4ProtocolSchema),
  port: z.optional(portOrName),
  endPort: z.optional(port),
});
export const policyPortSchema = policyPortShape.check(
  z.refine((p: z.output<typeof policyPortShape>) => p.endPort === undefined || (typeof p.port === 'number' && p.endPort >= p.port), {
    message: 'endPort needs a numeric port and must not be below it',
    params: { msg: 'schema.end-port' },
    path: ['endPort'],
  }),
);

export const networkPolicySchema = z.object({
  id,
  name: k8sSubdomain,
  namespace: z._default(k8sName, 'default'),
  /** metadata.labels, kept for export. */
  labels: z.optional(labels),
  /** networking.k8s.io/v1 NetworkPolicySpec, field for field. */
  spec: z.object({
    podSelector: z._default(labelSelectorSchema, {}),
    /** Left out: Ingress, plus Egress when egress rules are given (the API server's default). */
    policyTypes: z.optional(z.array(z.enum(['Ingress', 'Egress']))),
    ingress: z.optional(z.array(z.object({ from: z.optional(z.array(policyPeerSchema)), ports: z.optional(z.array(policyPortSchema)) }))),
    egress: z.optional(z.array(z.object({ to: z.optional(z.array(policyPeerSchema)), ports: z.optional(z.array(policyPortSchema)) }))),
  }),
});

export type Namespace = z.output<typeof namespaceSchema>;
export type LabelSelector = z.output<typeof labelSelectorSchema>;
export type NetworkPolicy = z.output<typeof networkPolicySchema>;
export type NetworkPolicySpec = NetworkPolicy['spec'];
export type PolicyPeer = z.output<typeof policyPeerSchema>;
export type PolicyPort = z.output<typeof policyPortSchema>;
export type PolicyIngressRule = NonNullable<NetworkPolicySpec['ingress']>[number];
export type PolicyEgressRule = NonNullable<NetworkPolicySpec['egress']>[number];
