/**
 * The scenario: the one versioned JSON document that describes a cluster and its underlay.
 * Everything loaded from outside (files, links, CLI arguments) goes through `parseScenario`,
 * which validates it against these zod schemas.
 */
import { z } from 'zod';
import { isIPv4, isIPv4Cidr } from '../net/cidr';

/** The schema's words for a bad name and a bad id (issues.ts turns them into message codes). */
export const K8S_NAME_MESSAGE = 'a Kubernetes name is lower-case letters, digits and "-" (RFC 1123 label)';
export const ID_MESSAGE = 'ids use letters, digits, "-", "_", ".", ":"';

export const SCENARIO_VERSION = 1 as const;

const id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, ID_MESSAGE);
/** A DNS-1123 label, as Kubernetes names of pods, services and namespaces are. */
const k8sName = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, K8S_NAME_MESSAGE);
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A DNS domain as kubelet's --cluster-domain takes it: 1-63 character RFC 1123 labels, dot-separated, 253 at most. */
export function isDnsDomain(text: string): boolean {
  if (typeof text !== 'string' || text.length === 0 || text.length > 253) return false;
  return text.split('.').every((label) => label.length <= 63 && DNS_LABEL.test(label));
}

const ipv4 = z.string().refine(isIPv4, { message: 'not an IPv4 address (expected e.g. 192.168.1.10)', params: { msg: 'schema.ipv4' } });
const cidr = z.string().refine(isIPv4Cidr, { message: 'not an IPv4 CIDR (expected e.g. 10.244.0.0/16)', params: { msg: 'schema.cidr' } });
const port = z.number().int().min(1).max(65535);
/**
 * Keys that name a property every JavaScript object inherits. zod's record drops `__proto__` without a
 * word, so a selector `{"__proto__": ...}` would become `{}` and select nothing: `parseScenario` refuses
 * such keys in labels and selectors with a message instead (see `reservedKeyErrors`).
 */
export const RESERVED_LABEL_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export function reservedKeyMessage(key: string): string {
  return `"${key}" cannot be a label key here (it names a built-in property of JavaScript objects); rename it`;
}

const labels = z.record(z.string().min(1).max(63), z.string().max(63));
/** A DNS-1123 subdomain, as Kubernetes names of nodes and workloads may be (`ip-10-0-1-5.ec2.internal`). */
const k8sSubdomain = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, 'a Kubernetes name is lower-case letters, digits, "-" and "." (RFC 1123 subdomain)');

export const protocolSchema = z.enum(['tcp', 'udp', 'icmp']);
export const l4ProtocolSchema = z.enum(['TCP', 'UDP', 'SCTP']);

export const clusterSchema = z.object({
  /** flannel "Network": the cluster pod CIDR. */
  podCidr: cidr.default('10.244.0.0/16'),
  /** flannel "SubnetLen": the prefix length of each node's pod CIDR. */
  nodePodPrefix: z.number().int().min(8).max(30).default(24),
  /** kube-apiserver --service-cluster-ip-range. */
  serviceCidr: cidr.default('10.96.0.0/12'),
  /**
   * The CNI plugin: flannel (a cni0 bridge per node, enforces no NetworkPolicy) or Calico (no bridge,
   * routed /32s to cali interfaces, enforces NetworkPolicy). Version-1 files that wrote the flannel
   * backend here (`"cni": "vxlan"` / `"host-gw"`) are read as flannel with that backend.
   */
  cni: z.enum(['flannel', 'calico']).default('flannel'),
  /** flannel backend: host-gw routes or the vxlan overlay. */
  flannelBackend: z.enum(['host-gw', 'vxlan']).default('vxlan'),
  /** flannel vxlan DirectRouting: plain routes to nodes on the same subnet, vxlan to the rest. */
  directRouting: z.boolean().default(false),
  /** Calico's IP pool mode: plain BGP routes, IP-in-IP (tunl0) or VXLAN (vxlan.calico). */
  calicoMode: z.enum(['bgp', 'ipip', 'vxlan']).default('ipip'),
  /** ipipMode/vxlanMode CrossSubnet: encapsulate only towards nodes on another subnet (Always otherwise). */
  crossSubnet: z.boolean().default(false),
  kubeProxyMode: z.enum(['iptables', 'ipvs']).default('iptables'),
  /**
   * kubelet --cluster-domain: a DNS name (RFC 1123 labels joined by dots, at most 253 characters).
   * Checked label by label without a regular expression built from it (see `isDnsDomain`).
   */
  dnsDomain: z.string().max(253).refine(isDnsDomain, { message: 'not a DNS domain (expected e.g. cluster.local: lower-case letters, digits and "-" in labels joined by ".")', params: { msg: 'schema.dns-domain' } }).default('cluster.local'),
  /** MTU of the underlay links (node eth0). */
  mtu: z.number().int().min(576).max(9000).default(1500),
  /** The bridge plugin's hairpinMode (kube-flannel's CNI config sets it true): a pod may reach itself through its Service. */
  hairpinMode: z.boolean().default(true),
});

export const subnetSchema = z.object({
  id,
  name: z.string().min(1).max(100),
  cidr,
  /** The default gateway of hosts on this subnet: a router interface address. */
  gateway: ipv4.optional(),
});

export const routeSchema = z.object({ dst: cidr, via: ipv4 });

export const routerSchema = z.object({
  id,
  name: z.string().min(1).max(100),
  interfaces: z.array(z.object({ subnet: id, ip: ipv4 })).min(1),
  /** Static routes; connected routes come from the interfaces. */
  routes: z.array(routeSchema).default([]),
  /**
   * Calico BGP: the router peers with every node (a global BGPPeer with the router's address), so
   * it learns each node's /26 blocks. Without it a router knows no pod routes.
   */
  bgpPeer: z.boolean().optional(),
});

export const nodeSchema = z.object({
  id,
  name: k8sSubdomain,
  subnet: id,
  /** eth0 address on the subnet. */
  ip: ipv4,
  /** This node's pod CIDR (spec.podCIDR); allocated from the cluster pod CIDR when left out. */
  podCidr: cidr.optional(),
  /** metadata.labels (nodeSelector matches them; kubernetes.io/hostname is implied). */
  labels: labels.optional(),
});

export const containerPortSchema = z.object({
  name: z.string().max(15).optional(),
  containerPort: port,
  protocol: l4ProtocolSchema.default('TCP'),
});

/** A container's readinessProbe, as far as networking cares: how the kubelet checks it. */
export const readinessProbeSchema = z.object({
  type: z.enum(['httpGet', 'tcpSocket', 'grpc', 'exec']),
  /** A number, or the name of a container port (httpGet, tcpSocket, grpc). */
  port: z.union([port, z.string().min(1).max(15)]).optional(),
  path: z.string().max(1000).optional(),
});

export const containerSchema = z.object({
  name: k8sName,
  image: z.string().max(200).optional(),
  ports: z.array(containerPortSchema).default([]),
  readinessProbe: readinessProbeSchema.optional(),
});

/** The workload controller a pod came from (ownerReferences), so manifests export it back. */
export const podOwnerSchema = z.object({
  kind: z.enum(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job']),
  name: k8sSubdomain,
  /** spec.selector.matchLabels of the controller (defaults to the template labels on export). */
  selector: labels.optional(),
});

/**
 * A pod's readiness: Ready (condition Ready=True), NotReady (Ready=False: probe failing or
 * starting) or Terminating (deletionTimestamp set). Only Ready pods are kube-proxy endpoints;
 * terminating ones are a fallback (EndpointSlice conditions serving/terminating).
 */
export const readinessSchema = z.enum(['Ready', 'NotReady', 'Terminating']);

export const podSchema = z.object({
  id,
  name: k8sName,
  namespace: k8sName.default('default'),
  labels: labels.default({}),
  node: id,
  /** Allocated from the node's pod CIDR when left out. */
  ip: ipv4.optional(),
  containers: z.array(containerSchema).min(1),
  /** Left out = Ready. */
  readiness: readinessSchema.optional(),
  owner: podOwnerSchema.optional(),
});

/** An outside host: a laptop or server on some subnet outside the cluster (often the internet). */
export const clientSchema = z.object({
  id,
  name: z.string().min(1).max(100),
  subnet: id,
  ip: ipv4,
  /** Ports it listens on (for pods reaching out to it). */
  ports: z.array(z.object({ port, protocol: l4ProtocolSchema.default('TCP') })).default([]),
});

export const servicePortSchema = z.object({
  name: z.string().max(15).optional(),
  port,
  /** A number, or the name of a container port. Defaults to `port`. */
  targetPort: z.union([port, z.string().min(1).max(15)]).optional(),
  protocol: l4ProtocolSchema.default('TCP'),
  nodePort: z.number().int().min(1).max(65535).optional(),
});

/**
 * An endpoint given explicitly (an Endpoints or EndpointSlice object for a Service without a
 * selector), with its EndpointSlice conditions. Services with a selector compute theirs from pods.
 */
export const explicitEndpointSchema = z.object({
  ip: ipv4,
  nodeName: z.string().max(253).optional(),
  ready: z.boolean().default(true),
  /** Defaults to `ready`. */
  serving: z.boolean().optional(),
  terminating: z.boolean().default(false),
  ports: z.array(z.object({ name: z.string().max(15).optional(), port, protocol: l4ProtocolSchema.default('TCP') })).default([]),
});

export const serviceSchema = z.object({
  id,
  name: k8sName,
  namespace: k8sName.default('default'),
  type: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']).default('ClusterIP'),
  /** An address from the service CIDR, "None" for a headless service, or left out to allocate. */
  clusterIP: z.union([ipv4, z.literal('None')]).optional(),
  externalName: z.string().max(253).optional(),
  ports: z.array(servicePortSchema).default([]),
  selector: labels.default({}),
  sessionAffinity: z.enum(['None', 'ClientIP']).default('None'),
  sessionAffinityTimeoutSeconds: z.number().int().min(1).max(86400).default(10800),
  externalTrafficPolicy: z.enum(['Cluster', 'Local']).default('Cluster'),
  internalTrafficPolicy: z.enum(['Cluster', 'Local']).default('Cluster'),
  /** For a LoadBalancer Service with externalTrafficPolicy Local: the port kube-proxy answers health checks on. Allocated from the NodePort range when left out. */
  healthCheckNodePort: z.number().int().min(1).max(65535).optional(),
  /** IPVS scheduler (kube-proxy --ipvs-scheduler is cluster-wide; kept per service for teaching). */
  ipvsScheduler: z.enum(['rr', 'wrr', 'lc', 'wlc', 'lblc', 'lblcr', 'sh', 'dh', 'sed', 'nq']).default('rr'),
  /** Endpoints given as they are (a Service without a selector); left out = computed from the selected pods. */
  endpoints: z.array(explicitEndpointSchema).optional(),
});

/** A cloud load balancer provisioned for a Service of type LoadBalancer. */
export const loadBalancerSchema = z.object({
  id,
  name: z.string().min(1).max(100),
  service: id,
  /** Its public IP (status.loadBalancer.ingress[0].ip). */
  ip: ipv4,
  /** The subnet its public IP lives on (where outside clients reach it). */
  subnet: id,
});

export const ingressBackendSchema = z.object({ service: k8sName, port: z.union([port, z.string().min(1).max(15)]) });
export const ingressPathSchema = z.object({
  path: z.string().regex(/^\//, 'a path starts with "/"').default('/'),
  pathType: z.enum(['Exact', 'Prefix', 'ImplementationSpecific']).default('Prefix'),
  backend: ingressBackendSchema,
});
export const ingressSchema = z.object({
  id,
  name: k8sName,
  namespace: k8sName.default('default'),
  ingressClassName: z.string().max(63).optional(),
  /** The Service (id) that exposes the ingress controller pods. */
  controllerService: id.optional(),
  rules: z
    .array(z.object({ host: z.string().max(253).optional(), paths: z.array(ingressPathSchema).min(1) }))
    .default([]),
  defaultBackend: ingressBackendSchema.optional(),
  tls: z.array(z.object({ hosts: z.array(z.string().max(253)), secretName: z.string().optional() })).default([]),
});

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

export const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

export const scenarioSchema = z.object({
  version: z.literal(SCENARIO_VERSION),
  name: z.string().max(200).default('Untitled scenario'),
  description: z.string().max(5000).optional(),
  cluster: clusterSchema.prefault({}),
  subnets: z.array(subnetSchema).default([]),
  routers: z.array(routerSchema).default([]),
  nodes: z.array(nodeSchema).default([]),
  pods: z.array(podSchema).default([]),
  clients: z.array(clientSchema).default([]),
  services: z.array(serviceSchema).default([]),
  loadBalancers: z.array(loadBalancerSchema).default([]),
  ingresses: z.array(ingressSchema).default([]),
  /** Namespaces with their labels; namespaces used by pods but not listed here exist with only the name label. */
  namespaces: z.array(namespaceSchema).default([]),
  networkPolicies: z.array(networkPolicySchema).default([]),
  /** Canvas positions by element id; the simulation ignores them. */
  layout: z.record(z.string(), positionSchema).default({}),
});

/** The scenario as written in a file (defaults may be left out). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** The scenario after validation, defaults filled. Addresses may still be unallocated. */
export type ScenarioDoc = z.output<typeof scenarioSchema>;
export type ClusterSettings = z.output<typeof clusterSchema>;
export type Subnet = z.output<typeof subnetSchema>;
export type Router = z.output<typeof routerSchema>;
export type StaticRoute = z.output<typeof routeSchema>;
export type ClientHost = z.output<typeof clientSchema>;
export type Container = z.output<typeof containerSchema>;
export type ContainerPort = z.output<typeof containerPortSchema>;
export type Service = z.output<typeof serviceSchema>;
export type ServicePort = z.output<typeof servicePortSchema>;
export type LoadBalancer = z.output<typeof loadBalancerSchema>;
export type Ingress = z.output<typeof ingressSchema>;
export type IngressPath = z.output<typeof ingressPathSchema>;
export type IngressBackend = z.output<typeof ingressBackendSchema>;
export type Protocol = z.output<typeof protocolSchema>;
export type Readiness = z.output<typeof readinessSchema>;
export type PodOwner = z.output<typeof podOwnerSchema>;
export type ReadinessProbe = z.output<typeof readinessProbeSchema>;
export type ExplicitEndpoint = z.output<typeof explicitEndpointSchema>;
export type Namespace = z.output<typeof namespaceSchema>;
export type LabelSelector = z.output<typeof labelSelectorSchema>;
export type NetworkPolicy = z.output<typeof networkPolicySchema>;
export type NetworkPolicySpec = NetworkPolicy['spec'];
export type PolicyPeer = z.output<typeof policyPeerSchema>;
export type PolicyPort = z.output<typeof policyPortSchema>;
export type PolicyIngressRule = NonNullable<NetworkPolicySpec['ingress']>[number];
export type PolicyEgressRule = NonNullable<NetworkPolicySpec['egress']>[number];
export type L4Protocol = z.output<typeof l4ProtocolSchema>;

/** A node whose pod CIDR is known (after `materialize`). */
export type Node = Omit<z.output<typeof nodeSchema>, 'podCidr'> & { podCidr: string };
/** A pod whose IP is known (after `materialize`). */
export type Pod = Omit<z.output<typeof podSchema>, 'ip'> & { ip: string };

/** A scenario with every address allocated: what the tracer and the UI work on. */
export type Scenario = Omit<ScenarioDoc, 'nodes' | 'pods'> & { nodes: Node[]; pods: Pod[] };

export type ElementKind =
  | 'subnet'
  | 'router'
  | 'node'
  | 'pod'
  | 'client'
  | 'service'
  | 'loadBalancer'
  | 'ingress';
