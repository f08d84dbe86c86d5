/** The scenario schema's Services, the cloud load balancers in front of them, and Ingresses. */
import { z } from 'zod/mini';
import { id, intRange, ipv4, k8sName, l4ProtocolSchema, labels, maxStr, port, portOrName, str } from './schema-base';

export const servicePortSchema = z.object({
  name: z.optional(maxStr(15)),
  port,
  /** A number, or the name of a container port. Defaults to `port`. */
  targetPort: z.optional(portOrName),
  protocol: z._default(l4ProtocolSchema, 'TCP'),
  nodePort: z.optional(intRange(1, 65535)),
});

/**
 * An endpoint given explicitly (an Endpoints or EndpointSlice object for a Service without a
 * selector), with its EndpointSlice conditions. Services with a selector compute theirs from pods.
 */
export const explicitEndpointSchema = z.object({
  ip: ipv4,
  nodeName: z.optional(maxStr(253)),
  ready: z._default(z.boolean(), true),
  /** Defaults to `ready`. */
  serving: z.optional(z.boolean()),
  terminating: z._default(z.boolean(), false),
  ports: z._default(z.array(z.object({ name: z.optional(maxStr(15)), port, protocol: z._default(l4ProtocolSchema, 'TCP') })), []),
});

export const serviceSchema = z.object({
  id,
  name: k8sName,
  namespace: z._default(k8sName, 'default'),
  type: z._default(z.enum(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']), 'ClusterIP'),
  /** An address from the service CIDR, "None" for a headless service, or left out to allocate. */
  clusterIP: z.optional(z.union([ipv4, z.literal('None')])),
  externalName: z.optional(maxStr(253)),
  ports: z._default(z.array(servicePortSchema), []),
  selector: z._default(labels, {}),
  sessionAffinity: z._default(z.enum(['None', 'ClientIP']), 'None'),
  sessionAffinityTimeoutSeconds: z._default(intRange(1, 86400), 10800),
  externalTrafficPolicy: z._default(z.enum(['Cluster', 'Local']), 'Cluster'),
  internalTrafficPolicy: z._default(z.enum(['Cluster', 'Local']), 'Cluster'),
  /** For a LoadBalancer Service with externalTrafficPolicy Local: the port kube-proxy answers health checks on. Allocated from the NodePort range when left out. */
  healthCheckNodePort: z.optional(intRange(1, 65535)),
  /** IPVS scheduler (kube-proxy --ipvs-scheduler is cluster-wide; kept per service for teaching). */
  ipvsScheduler: z._default(z.enum(['rr', 'wrr', 'lc', 'wlc', 'lblc', 'lblcr', 'sh', 'dh', 'sed', 'nq']), 'rr'),
  /** Endpoints given as they are (a Service without a selector); left out = computed from the selected pods. */
  endpoints: z.optional(z.array(explicitEndpointSchema)),
});

/** A cloud load balancer provisioned for a Service of type LoadBalancer. */
export const loadBalancerSchema = z.object({
  id,
  name: str(1, 100),
  service: id,
  /** Its public IP (status.loadBalancer.ingress[0].ip). */
  ip: ipv4,
  /** The subnet its public IP lives on (where outside clients reach it). */
  subnet: id,
  /**
   * How it hands a connection to a node. `nodeport`: it rewrites the destination to a node's NodePort
   * (a cloud network load balancer with instance targets, e.g. AWS NLB). `vip`: the packet reaches the
   * node still addressed to the load balancer IP (GCP passthrough Network Load Balancer, MetalLB in BGP
   * mode through the router's ECMP), where kube-proxy's `-d <LB IP> -j KUBE-EXT-…` rule in KUBE-SERVICES
   * takes it; replies leave the node straight for the client (direct server return). Left out: nodeport.
   */
  mode: z.optional(z.enum(['nodeport', 'vip'])),
});

export const ingressBackendSchema = z.object({ service: k8sName, port: portOrName });
export const ingressPathSchema = z.object({
  path: z._default(z.string().check(z.regex(/^\//, 'a path starts with "/"')), '/'),
  pathType: z._default(z.enum(['Exact', 'Prefix', 'ImplementationSpecific']), 'Prefix'),
  backend: ingressBackendSchema,
});
export const ingressSchema = z.object({
  id,
  name: k8sName,
  namespace: z._default(k8sName, 'default'),
  ingressClassName: z.optional(maxStr(63)),
  /** The Service (id) that exposes the ingress controller pods. */
  controllerService: z.optional(id),
  rules: z._default(z.array(z.object({ host: z.optional(maxStr(253)), paths: z.array(ingressPathSchema).check(z.minLength(1)) })), []),
  defaultBackend: z.optional(ingressBackendSchema),
  tls: z._default(z.array(z.object({ hosts: z.array(maxStr(253)), secretName: z.optional(z.string()) })), []),
});

export type Service = z.output<typeof serviceSchema>;
export type ServicePort = z.output<typeof servicePortSchema>;
export type LoadBalancer = z.output<typeof loadBalancerSchema>;
export type Ingress = z.output<typeof ingressSchema>;
export type IngressPath = z.output<typeof ingressPathSchema>;
export type IngressBackend = z.output<typeof ingressBackendSchema>;
export type ExplicitEndpoint = z.output<typeof explicitEndpointSchema>;
