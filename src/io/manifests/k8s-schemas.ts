/**
 * The shapes of the Kubernetes objects the importer reads, as zod schemas: only the fields that
 * matter to networking are checked (everything else in a manifest is allowed and ignored). Errors
 * are messages for a person (`k8sIssueMessage`): a number states its range and what was given, an
 * enum its choices, and a rule of the API its own message code (`manifest.schema.*`, en and zh-CN).
 * Field names and defaults follow the API reference (https://kubernetes.io/docs/reference/kubernetes-api/).
 */
import { z } from 'zod/mini';
import { FIRST_LOAD_MESSAGE_SPECS as SPECS, msg, type Message } from '../../sim/index';
import { issueMessage } from '../../sim/editing';

type Specs = typeof SPECS;
type SchemaCode = { [C in keyof Specs]: C extends `manifest.schema.${string}` ? (keyof Specs[C] extends never ? C : never) : never }[keyof Specs];
type ObjectWhat = Specs['manifest.schema.object']['what'][number];
/** A schema's own error: the message code it stands for (read back by `k8sIssueMessage`). */
const err = (code: SchemaCode) => ({ error: code });
const OBJECT = 'manifest.schema.object:';
const objectErr = (what: ObjectWhat) => ({ error: `${OBJECT}${what}` });

const int = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));
const portNumber = int(1, 65535);
const str = () => z.string();
const label = str().check(z.regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, err('manifest.schema.dns-label')), z.maxLength(63, err('manifest.schema.dns-label')));
const subdomain = str().check(
  z.maxLength(253),
  z.regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, err('manifest.schema.dns-subdomain')),
);
const stringMap = z.record(z.string(), z.string(err('manifest.schema.string-value')), err('manifest.schema.string-map'));
const protocol = z.enum(['TCP', 'UDP', 'SCTP']);
const portName = () => str().check(z.maxLength(15, err('manifest.schema.port-name')));
const intOrString = z.union([portNumber, str().check(z.minLength(1), z.maxLength(15, err('manifest.schema.port-name')))], err('manifest.schema.port-or-name'));
const bool = z.boolean();

/** One issue of a manifest object as a message; `root` is the kind's schema and `input` the object. */
export function k8sIssueMessage(issue: z.core.$ZodIssue, root: z.core.$ZodType, input: unknown): Message {
  const m = issue.message;
  if (m.startsWith(OBJECT)) {
    const what = m.slice(OBJECT.length) as ObjectWhat;
    if ((SPECS['manifest.schema.object'].what as readonly string[]).includes(what)) return msg('manifest.schema.object', { what });
  }
  if (m.startsWith('manifest.schema.') && m in SPECS && Object.keys(SPECS[m as SchemaCode]).length === 0) return msg(m as SchemaCode);
  return issueMessage(issue, root, input);
}

export const metadataSchema = z.object(
  {
    name: subdomain,
    namespace: z.optional(label),
    labels: z.optional(stringMap),
    annotations: z.optional(stringMap),
    deletionTimestamp: z.optional(z.unknown()),
  },
  objectErr('metadata'),
);

const containerPort = z.object({ name: z.optional(portName()), containerPort: portNumber, protocol: z.optional(protocol) });
const probePort = z.object({ port: intOrString, path: z.optional(str()) });
export const probeSchema = z.object({
  httpGet: z.optional(probePort),
  tcpSocket: z.optional(probePort),
  grpc: z.optional(z.object({ port: portNumber })),
  exec: z.optional(z.looseObject({})),
});
const container = z.object({ name: label, image: z.optional(str()), ports: z.optional(z.array(containerPort)), readinessProbe: z.optional(probeSchema) });

export const podSpecSchema = z.object(
  {
    containers: z.array(container).check(z.minLength(1, err('manifest.schema.needs-container'))),
    nodeName: z.optional(subdomain),
    nodeSelector: z.optional(stringMap),
    hostNetwork: z.optional(bool),
  },
  objectErr('pod-spec'),
);

const podTemplate = z.object(
  { metadata: z.optional(z.object({ labels: z.optional(stringMap), annotations: z.optional(stringMap) })), spec: podSpecSchema },
  objectErr('pod-template'),
);
const labelSelector = z.object({ matchLabels: z.optional(stringMap), matchExpressions: z.optional(z.array(z.unknown())) }, objectErr('selector'));

export const podSchema = z.object({
  metadata: metadataSchema,
  spec: podSpecSchema,
  status: z.optional(
    z.object({
      podIP: z.optional(str()),
      conditions: z.optional(z.array(z.object({ type: str(), status: str() }))),
    }),
  ),
});

/** Deployment, ReplicaSet and StatefulSet (apps/v1): replicas of a pod template. */
export const replicatedSchema = z.object({
  metadata: metadataSchema,
  spec: z.object({ replicas: z.optional(int(0, 100000)), selector: labelSelector, template: podTemplate }, objectErr('workload-spec')),
});

export const daemonSetSchema = z.object({
  metadata: metadataSchema,
  spec: z.object({ selector: labelSelector, template: podTemplate }, objectErr('workload-spec')),
});

export const jobSchema = z.object({
  metadata: metadataSchema,
  spec: z.object({ parallelism: z.optional(int(0, 100000)), completions: z.optional(int(0, 100000)), template: podTemplate }, objectErr('job-spec')),
});

const servicePort = z.object({
  name: z.optional(portName()),
  port: portNumber,
  targetPort: z.optional(intOrString),
  protocol: z.optional(protocol),
  nodePort: z.optional(portNumber),
});

export const serviceSchema = z.object({
  metadata: metadataSchema,
  spec: z._default(
    z.object({
      type: z.optional(z.enum(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'])),
      clusterIP: z.optional(str()),
      selector: z.optional(stringMap),
      ports: z.optional(z.array(servicePort)),
      sessionAffinity: z.optional(z.enum(['None', 'ClientIP'])),
      sessionAffinityConfig: z.optional(z.object({ clientIP: z.optional(z.object({ timeoutSeconds: z.optional(int(1, 86400)) })) })),
      externalTrafficPolicy: z.optional(z.enum(['Cluster', 'Local'])),
      internalTrafficPolicy: z.optional(z.enum(['Cluster', 'Local'])),
      healthCheckNodePort: z.optional(portNumber),
      externalName: z.optional(str()),
    }),
    {},
  ),
});

const endpointPort = z.object({ name: z.optional(str()), port: portNumber, protocol: z.optional(protocol) });
const endpointAddress = z.object({ ip: str(), nodeName: z.optional(str()) });

export const endpointsSchema = z.object({
  metadata: metadataSchema,
  subsets: z.optional(
    z.array(
      z.object({
        addresses: z.optional(z.array(endpointAddress)),
        notReadyAddresses: z.optional(z.array(endpointAddress)),
        ports: z.optional(z.array(endpointPort)),
      }),
    ),
  ),
});

export const endpointSliceSchema = z.object({
  metadata: metadataSchema,
  addressType: z.enum(['IPv4', 'IPv6', 'FQDN']),
  endpoints: z.optional(
    z.array(
      z.object({
        addresses: z.array(str()).check(z.minLength(1, err('manifest.schema.endpoint-address'))),
        conditions: z.optional(z.object({ ready: z.optional(bool), serving: z.optional(bool), terminating: z.optional(bool) })),
        nodeName: z.optional(str()),
      }),
    ),
  ),
  ports: z.optional(z.array(z.object({ name: z.optional(str()), port: z.optional(portNumber), protocol: z.optional(protocol) }))),
});

const ingressBackend = z.object(
  {
    service: z.object({ name: label, port: z.object({ number: z.optional(portNumber), name: z.optional(str()) }) }, objectErr('backend-service')),
  },
  objectErr('backend'),
);

export const ingressSchema = z.object({
  metadata: metadataSchema,
  spec: z._default(
    z.object({
      ingressClassName: z.optional(str()),
      defaultBackend: z.optional(ingressBackend),
      rules: z.optional(
        z.array(
          z.object({
            host: z.optional(str()),
            http: z.optional(
              z.object({
                paths: z
                  .array(
                    z.object({
                      path: z.optional(str().check(z.regex(/^\//, err('manifest.schema.path-slash')))),
                      pathType: z.enum(['Exact', 'Prefix', 'ImplementationSpecific']),
                      backend: ingressBackend,
                    }),
                  )
                  .check(z.minLength(1, err('manifest.schema.needs-path'))),
              }),
            ),
          }),
        ),
      ),
      tls: z.optional(z.array(z.object({ hosts: z.optional(z.array(str())), secretName: z.optional(str()) }))),
    }),
    {},
  ),
});

export const ingressClassSchema = z.object({ metadata: metadataSchema, spec: z._default(z.object({ controller: z.optional(str()) }), {}) });

export const networkPolicySchema = z.object({ metadata: metadataSchema, spec: z._default(z.record(z.string(), z.unknown(), objectErr('policy-spec')), {}) });

export const namespaceSchema = z.object({ metadata: metadataSchema });

export const nodeSchema = z.object({
  metadata: metadataSchema,
  spec: z._default(z.object({ podCIDR: z.optional(str()), podCIDRs: z.optional(z.array(str())) }), {}),
  status: z._default(z.object({ addresses: z.optional(z.array(z.object({ type: str(), address: str() }))) }), {}),
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
