/**
 * The shapes of the Kubernetes objects the importer reads, as zod schemas: only the fields that
 * matter to networking are checked (everything else in a manifest is allowed and ignored), with
 * messages written for a person (`expected an integer 1-65535`). Field names and defaults follow
 * the API reference (https://kubernetes.io/docs/reference/kubernetes-api/).
 */
import { z } from 'zod';

const int = (min: number, max: number) =>
  z.number({ error: `expected an integer ${min}-${max}` }).int({ error: `expected an integer ${min}-${max}` }).min(min, { error: `expected an integer ${min}-${max}` }).max(max, { error: `expected an integer ${min}-${max}` });
const portNumber = int(1, 65535);
const str = (what = 'a string') => z.string({ error: `expected ${what}` });
const label = str('a name').regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, { error: 'expected a DNS-1123 label: lower-case letters, digits and "-", at most 63 characters' }).max(63, { error: 'expected at most 63 characters' });
const subdomain = str('a name')
  .max(253, { error: 'expected at most 253 characters' })
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, { error: 'expected a DNS-1123 subdomain: lower-case letters, digits, "-" and "."' });
const stringMap = z.record(z.string(), z.string({ error: 'expected a string value (quote numbers and booleans)' }), { error: 'expected a map of strings' });
const protocol = z.enum(['TCP', 'UDP', 'SCTP'], { error: 'expected TCP, UDP or SCTP' });
const intOrString = z.union([portNumber, str().min(1).max(15, { error: 'a port name has at most 15 characters' })], { error: 'expected a port number 1-65535 or a port name' });
const bool = z.boolean({ error: 'expected true or false' });

export const metadataSchema = z.object(
  {
    name: subdomain,
    namespace: label.optional(),
    labels: stringMap.optional(),
    annotations: stringMap.optional(),
    deletionTimestamp: z.unknown().optional(),
  },
  { error: 'expected an object with a name' },
);

const containerPort = z.object({ name: str().max(15, { error: 'a port name has at most 15 characters' }).optional(), containerPort: portNumber, protocol: protocol.optional() });
const probePort = z.object({ port: intOrString, path: str().optional() });
export const probeSchema = z.object({
  httpGet: probePort.optional(),
  tcpSocket: probePort.optional(),
  grpc: z.object({ port: portNumber }).optional(),
  exec: z.object({}).loose().optional(),
});
const container = z.object({ name: label, image: str().optional(), ports: z.array(containerPort, { error: 'expected a list' }).optional(), readinessProbe: probeSchema.optional() });

export const podSpecSchema = z.object(
  {
    containers: z.array(container, { error: 'expected a list of containers' }).min(1, { error: 'a pod needs at least one container' }),
    nodeName: subdomain.optional(),
    nodeSelector: stringMap.optional(),
    hostNetwork: bool.optional(),
  },
  { error: 'expected a pod spec with containers' },
);

const podTemplate = z.object({ metadata: z.object({ labels: stringMap.optional(), annotations: stringMap.optional() }).optional(), spec: podSpecSchema }, { error: 'expected a pod template (metadata, spec)' });
const labelSelector = z.object({ matchLabels: stringMap.optional(), matchExpressions: z.array(z.unknown()).optional() }, { error: 'expected a label selector (matchLabels)' });

export const podSchema = z.object({
  metadata: metadataSchema,
  spec: podSpecSchema,
  status: z
    .object({
      podIP: str().optional(),
      conditions: z.array(z.object({ type: str(), status: str() })).optional(),
    })
    .optional(),
});

/** Deployment, ReplicaSet and StatefulSet (apps/v1): replicas of a pod template. */
export const replicatedSchema = z.object({
  metadata: metadataSchema,
  spec: z.object({ replicas: int(0, 100000).optional(), selector: labelSelector, template: podTemplate }, { error: 'expected a spec with selector and template' }),
});

export const daemonSetSchema = z.object({
  metadata: metadataSchema,
  spec: z.object({ selector: labelSelector, template: podTemplate }, { error: 'expected a spec with selector and template' }),
});

export const jobSchema = z.object({
  metadata: metadataSchema,
  spec: z.object({ parallelism: int(0, 100000).optional(), completions: int(0, 100000).optional(), template: podTemplate }, { error: 'expected a spec with a template' }),
});

const servicePort = z.object({
  name: str().max(15, { error: 'a port name has at most 15 characters' }).optional(),
  port: portNumber,
  targetPort: intOrString.optional(),
  protocol: protocol.optional(),
  nodePort: portNumber.optional(),
});

export const serviceSchema = z.object({
  metadata: metadataSchema,
  spec: z
    .object({
      type: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'], { error: 'expected ClusterIP, NodePort, LoadBalancer or ExternalName' }).optional(),
      clusterIP: str().optional(),
      selector: stringMap.optional(),
      ports: z.array(servicePort, { error: 'expected a list of ports' }).optional(),
      sessionAffinity: z.enum(['None', 'ClientIP'], { error: 'expected None or ClientIP' }).optional(),
      sessionAffinityConfig: z.object({ clientIP: z.object({ timeoutSeconds: int(1, 86400).optional() }).optional() }).optional(),
      externalTrafficPolicy: z.enum(['Cluster', 'Local'], { error: 'expected Cluster or Local' }).optional(),
      internalTrafficPolicy: z.enum(['Cluster', 'Local'], { error: 'expected Cluster or Local' }).optional(),
      healthCheckNodePort: portNumber.optional(),
      externalName: str().optional(),
    })
    .default({}),
});

const endpointPort = z.object({ name: str().optional(), port: portNumber, protocol: protocol.optional() });
const endpointAddress = z.object({ ip: str('an IPv4 address'), nodeName: str().optional() });

export const endpointsSchema = z.object({
  metadata: metadataSchema,
  subsets: z
    .array(z.object({ addresses: z.array(endpointAddress).optional(), notReadyAddresses: z.array(endpointAddress).optional(), ports: z.array(endpointPort).optional() }))
    .optional(),
});

export const endpointSliceSchema = z.object({
  metadata: metadataSchema,
  addressType: z.enum(['IPv4', 'IPv6', 'FQDN'], { error: 'expected IPv4, IPv6 or FQDN' }),
  endpoints: z
    .array(
      z.object({
        addresses: z.array(str('an address')).min(1, { error: 'an endpoint has at least one address' }),
        conditions: z.object({ ready: bool.optional(), serving: bool.optional(), terminating: bool.optional() }).optional(),
        nodeName: str().optional(),
      }),
    )
    .optional(),
  ports: z.array(z.object({ name: str().optional(), port: portNumber.optional(), protocol: protocol.optional() })).optional(),
});

const ingressBackend = z.object(
  {
    service: z.object({ name: label, port: z.object({ number: portNumber.optional(), name: str().optional() }) }, { error: 'expected service: { name, port }' }),
  },
  { error: 'expected a backend with a service' },
);

export const ingressSchema = z.object({
  metadata: metadataSchema,
  spec: z
    .object({
      ingressClassName: str().optional(),
      defaultBackend: ingressBackend.optional(),
      rules: z
        .array(
          z.object({
            host: str().optional(),
            http: z.object({
              paths: z.array(
                z.object({
                  path: str().regex(/^\//, { error: 'a path starts with "/"' }).optional(),
                  pathType: z.enum(['Exact', 'Prefix', 'ImplementationSpecific'], { error: 'expected Exact, Prefix or ImplementationSpecific' }),
                  backend: ingressBackend,
                }),
              ).min(1, { error: 'expected at least one path' }),
            }).optional(),
          }),
        )
        .optional(),
      tls: z.array(z.object({ hosts: z.array(str()).optional(), secretName: str().optional() })).optional(),
    })
    .default({}),
});

export const ingressClassSchema = z.object({ metadata: metadataSchema, spec: z.object({ controller: str().optional() }).default({}) });

export const networkPolicySchema = z.object({ metadata: metadataSchema, spec: z.record(z.string(), z.unknown(), { error: 'expected a NetworkPolicy spec' }).default({}) });

export const namespaceSchema = z.object({ metadata: metadataSchema });

export const nodeSchema = z.object({
  metadata: metadataSchema,
  spec: z.object({ podCIDR: str().optional(), podCIDRs: z.array(str()).optional() }).default({}),
  status: z.object({ addresses: z.array(z.object({ type: str(), address: str() })).optional() }).default({}),
});

export type K8sPod = z.output<typeof podSchema>;
export type K8sPodSpec = z.output<typeof podSpecSchema>;
export type K8sReplicated = z.output<typeof replicatedSchema>;
export type K8sDaemonSet = z.output<typeof daemonSetSchema>;
export type K8sJob = z.output<typeof jobSchema>;
export type K8sService = z.output<typeof serviceSchema>;
export type K8sEndpoints = z.output<typeof endpointsSchema>;
export type K8sEndpointSlice = z.output<typeof endpointSliceSchema>;
export type K8sIngress = z.output<typeof ingressSchema>;
export type K8sIngressClass = z.output<typeof ingressClassSchema>;
export type K8sNetworkPolicy = z.output<typeof networkPolicySchema>;
export type K8sNode = z.output<typeof nodeSchema>;
export type K8sProbe = z.output<typeof probeSchema>;
export type K8sPodTemplate = K8sReplicated['spec']['template'];

/** The kinds the importer reads, by kind, with the apiVersions they are served under. */
export const KIND_SCHEMAS = {
  Namespace: { schema: namespaceSchema, apiVersions: ['v1'] },
  Node: { schema: nodeSchema, apiVersions: ['v1'] },
  Pod: { schema: podSchema, apiVersions: ['v1'] },
  Deployment: { schema: replicatedSchema, apiVersions: ['apps/v1'] },
  ReplicaSet: { schema: replicatedSchema, apiVersions: ['apps/v1'] },
  StatefulSet: { schema: replicatedSchema, apiVersions: ['apps/v1'] },
  DaemonSet: { schema: daemonSetSchema, apiVersions: ['apps/v1'] },
  Job: { schema: jobSchema, apiVersions: ['batch/v1'] },
  Service: { schema: serviceSchema, apiVersions: ['v1'] },
  Endpoints: { schema: endpointsSchema, apiVersions: ['v1'] },
  EndpointSlice: { schema: endpointSliceSchema, apiVersions: ['discovery.k8s.io/v1'] },
  Ingress: { schema: ingressSchema, apiVersions: ['networking.k8s.io/v1'] },
  IngressClass: { schema: ingressClassSchema, apiVersions: ['networking.k8s.io/v1'] },
  NetworkPolicy: { schema: networkPolicySchema, apiVersions: ['networking.k8s.io/v1'] },
} as const;

export type KnownKind = keyof typeof KIND_SCHEMAS;

export function isKnownKind(kind: string): kind is KnownKind {
  return Object.hasOwn(KIND_SCHEMAS, kind);
}
