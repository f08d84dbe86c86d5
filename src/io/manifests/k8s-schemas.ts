/**
 * The shapes of the Kubernetes objects the importer reads, as zod schemas: only the fields that
 * matter to networking are checked (everything else in a manifest is allowed and ignored). Errors
 * are messages for a person (`k8sIssueMessage`): a number states its range and what was given, an
 * enum its choices, and a rule of the API its own message code (`manifest.schema.*`, en and zh-CN).
 * Field names and defaults follow the API reference (https://kubernetes.io/docs/reference/kubernetes-api/).
 */
import { z } from 'zod';
import { issueMessage, MESSAGE_SPECS, msg, type Message } from '../../sim/index';

type Specs = typeof MESSAGE_SPECS;
type SchemaCode = { [C in keyof Specs]: C extends `manifest.schema.${string}` ? (keyof Specs[C] extends never ? C : never) : never }[keyof Specs];
type ObjectWhat = Specs['manifest.schema.object']['what'][number];
/** A schema's own error: the message code it stands for (read back by `k8sIssueMessage`). */
const err = (code: SchemaCode) => ({ error: code });
const OBJECT = 'manifest.schema.object:';
const objectErr = (what: ObjectWhat) => ({ error: `${OBJECT}${what}` });

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const portNumber = int(1, 65535);
const str = () => z.string();
const label = str()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, err('manifest.schema.dns-label'))
  .max(63, err('manifest.schema.dns-label'));
const subdomain = str()
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, err('manifest.schema.dns-subdomain'));
const stringMap = z.record(z.string(), z.string(err('manifest.schema.string-value')), err('manifest.schema.string-map'));
const protocol = z.enum(['TCP', 'UDP', 'SCTP']);
const intOrString = z.union([portNumber, str().min(1).max(15, err('manifest.schema.port-name'))], err('manifest.schema.port-or-name'));
const bool = z.boolean();

/** One issue of a manifest object as a message; `root` is the kind's schema and `input` the object. */
export function k8sIssueMessage(issue: z.core.$ZodIssue, root: z.core.$ZodType, input: unknown): Message {
  const m = issue.message;
  if (m.startsWith(OBJECT)) {
    const what = m.slice(OBJECT.length) as ObjectWhat;
    if ((MESSAGE_SPECS['manifest.schema.object'].what as readonly string[]).includes(what)) return msg('manifest.schema.object', { what });
  }
  if (m.startsWith('manifest.schema.') && m in MESSAGE_SPECS && Object.keys(MESSAGE_SPECS[m as SchemaCode]).length === 0) return msg(m as SchemaCode);
  return issueMessage(issue, root, input);
}

export const metadataSchema = z.object(
  {
    name: subdomain,
    namespace: label.optional(),
    labels: stringMap.optional(),
    annotations: stringMap.optional(),
    deletionTimestamp: z.unknown().optional(),
  },
  objectErr('metadata'),
);

const containerPort = z.object({ name: str().max(15, err('manifest.schema.port-name')).optional(), containerPort: portNumber, protocol: protocol.optional() });
const probePort = z.object({ port: intOrString, path: str().optional() });
export const probeSchema = z.object({
  httpGet: probePort.optional(),
  tcpSocket: probePort.optional(),
  grpc: z.object({ port: portNumber }).optional(),
  exec: z.object({}).loose().optional(),
});
const container = z.object({ name: label, image: str().optional(), ports: z.array(containerPort).optional(), readinessProbe: probeSchema.optional() });

export const podSpecSchema = z.object(
  {
    containers: z.array(container).min(1, err('manifest.schema.needs-container')),
    nodeName: subdomain.optional(),
    nodeSelector: stringMap.optional(),
    hostNetwork: bool.optional(),
  },
  objectErr('pod-spec'),
);

const podTemplate = z.object(
  { metadata: z.object({ labels: stringMap.optional(), annotations: stringMap.optional() }).optional(), spec: podSpecSchema },
  objectErr('pod-template'),
);
const labelSelector = z.object({ matchLabels: stringMap.optional(), matchExpressions: z.array(z.unknown()).optional() }, objectErr('selector'));

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
  spec: z.object({ replicas: int(0, 100000).optional(), selector: labelSelector, template: podTemplate }, objectErr('workload-spec')),
});

export const daemonSetSchema = z.object({
  metadata: metadataSchema,
  spec: z.object({ selector: labelSelector, template: podTemplate }, objectErr('workload-spec')),
});

export const jobSchema = z.object({
  metadata: metadataSchema,
  spec: z.object({ parallelism: int(0, 100000).optional(), completions: int(0, 100000).optional(), template: podTemplate }, objectErr('job-spec')),
});

const servicePort = z.object({
  name: str().max(15, err('manifest.schema.port-name')).optional(),
  port: portNumber,
  targetPort: intOrString.optional(),
  protocol: protocol.optional(),
  nodePort: portNumber.optional(),
});

export const serviceSchema = z.object({
  metadata: metadataSchema,
  spec: z
    .object({
      type: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']).optional(),
      clusterIP: str().optional(),
      selector: stringMap.optional(),
      ports: z.array(servicePort).optional(),
      sessionAffinity: z.enum(['None', 'ClientIP']).optional(),
      sessionAffinityConfig: z.object({ clientIP: z.object({ timeoutSeconds: int(1, 86400).optional() }).optional() }).optional(),
      externalTrafficPolicy: z.enum(['Cluster', 'Local']).optional(),
      internalTrafficPolicy: z.enum(['Cluster', 'Local']).optional(),
      healthCheckNodePort: portNumber.optional(),
      externalName: str().optional(),
    })
    .default({}),
});

const endpointPort = z.object({ name: str().optional(), port: portNumber, protocol: protocol.optional() });
const endpointAddress = z.object({ ip: str(), nodeName: str().optional() });

export const endpointsSchema = z.object({
  metadata: metadataSchema,
  subsets: z
    .array(
      z.object({
        addresses: z.array(endpointAddress).optional(),
        notReadyAddresses: z.array(endpointAddress).optional(),
        ports: z.array(endpointPort).optional(),
      }),
    )
    .optional(),
});

export const endpointSliceSchema = z.object({
  metadata: metadataSchema,
  addressType: z.enum(['IPv4', 'IPv6', 'FQDN']),
  endpoints: z
    .array(
      z.object({
        addresses: z.array(str()).min(1, err('manifest.schema.endpoint-address')),
        conditions: z.object({ ready: bool.optional(), serving: bool.optional(), terminating: bool.optional() }).optional(),
        nodeName: str().optional(),
      }),
    )
    .optional(),
  ports: z.array(z.object({ name: str().optional(), port: portNumber.optional(), protocol: protocol.optional() })).optional(),
});

const ingressBackend = z.object(
  {
    service: z.object({ name: label, port: z.object({ number: portNumber.optional(), name: str().optional() }) }, objectErr('backend-service')),
  },
  objectErr('backend'),
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
            http: z
              .object({
                paths: z
                  .array(
                    z.object({
                      path: str().regex(/^\//, err('manifest.schema.path-slash')).optional(),
                      pathType: z.enum(['Exact', 'Prefix', 'ImplementationSpecific']),
                      backend: ingressBackend,
                    }),
                  )
                  .min(1, err('manifest.schema.needs-path')),
              })
              .optional(),
          }),
        )
        .optional(),
      tls: z.array(z.object({ hosts: z.array(str()).optional(), secretName: str().optional() })).optional(),
    })
    .default({}),
});

export const ingressClassSchema = z.object({ metadata: metadataSchema, spec: z.object({ controller: str().optional() }).default({}) });

export const networkPolicySchema = z.object({ metadata: metadataSchema, spec: z.record(z.string(), z.unknown(), objectErr('policy-spec')).default({}) });

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
