/** The scenario schema's Namespaces and networking.k8s.io/v1 NetworkPolicies. */
import { z } from 'zod';
import { cidr, k8sName, k8sSubdomain, l4ProtocolSchema, labels, id, port } from './schema-base';

/** A Namespace; `kubernetes.io/metadata.name` is always set to its name (as the API server does). */
export const namespaceSchema = z.object({
  name: k8sName,
  labels: labels.default({}),
});

/** metav1.LabelSelector: matchLabels AND every matchExpressions requirement. */
export const labelSelectorSchema = z.object({
  matchLabels: labels.optional(),
  matchExpressions: z
    .array(
      z.object({
        key: z.string().min(1).max(316),
        operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']),
        values: z.array(z.string().max(63)).optional(),
      }),
    )
    .optional(),
});

/** networking.k8s.io/v1 NetworkPolicyPeer: one peer; podSelector and namespaceSelector in one peer AND together. */
export const policyPeerSchema = z
  .object({
    podSelector: labelSelectorSchema.optional(),
    namespaceSelector: labelSelectorSchema.optional(),
    ipBlock: z.object({ cidr, except: z.array(cidr).optional() }).optional(),
  })
  .refine((p) => p.podSelector !== undefined || p.namespaceSelector !== undefined || p.ipBlock !== undefined, {
    message: 'a peer needs podSelector, namespaceSelector or ipBlock (as the API requires)',
    params: { msg: 'schema.peer-empty' },
  })
  .refine((p) => p.ipBlock === undefined || (p.podSelector === undefined && p.namespaceSelector === undefined), {
    message: 'ipBlock cannot be combined with podSelector or namespaceSelector in one peer',
    params: { msg: 'schema.peer-ipblock-mixed' },
  });

/** networking.k8s.io/v1 NetworkPolicyPort: a number or a named container port, with an optional range end. */
export const policyPortSchema = z
  .object({
    protocol: l4ProtocolSchema.optional(),
    port: z.union([port, z.string().min(1).max(15)]).optional(),
    endPort: port.optional(),
  })
  .refine((p) => p.endPort === undefined || (typeof p.port === 'number' && p.endPort >= p.port), {
    message: 'endPort needs a numeric port and must not be below it',
    params: { msg: 'schema.end-port' },
    path: ['endPort'],
  });

export const networkPolicySchema = z.object({
  id,
  name: k8sSubdomain,
  namespace: k8sName.default('default'),
  /** metadata.labels, kept for export. */
  labels: labels.optional(),
  /** networking.k8s.io/v1 NetworkPolicySpec, field for field. */
  spec: z.object({
    podSelector: labelSelectorSchema.default({}),
    /** Left out: Ingress, plus Egress when egress rules are given (the API server's default). */
    policyTypes: z.array(z.enum(['Ingress', 'Egress'])).optional(),
    ingress: z.array(z.object({ from: z.array(policyPeerSchema).optional(), ports: z.array(policyPortSchema).optional() })).optional(),
    egress: z.array(z.object({ to: z.array(policyPeerSchema).optional(), ports: z.array(policyPortSchema).optional() })).optional(),
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
