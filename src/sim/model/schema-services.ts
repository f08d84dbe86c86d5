/** The scenario schema's Services, the cloud load balancers in front of them, and Ingresses. */
import { z } from 'zod';
import { id, ipv4, k8sName, l4ProtocolSchema, labels, port } from './schema-base';

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
  /**
   * How it hands a connection to a node. `nodeport`: it rewrites the destination to a node's NodePort
   * (a cloud network load balancer with instance targets, e.g. AWS NLB). `vip`: the packet reaches the
   * node still addressed to the load balancer IP (GCP passthrough Network Load Balancer, MetalLB in BGP
   * mode through the router's ECMP), where kube-proxy's `-d <LB IP> -j KUBE-EXT-…` rule in KUBE-SERVICES
   * takes it; replies leave the node straight for the client (direct server return). Left out: nodeport.
   */
  mode: z.enum(['nodeport', 'vip']).optional(),
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
  rules: z.array(z.object({ host: z.string().max(253).optional(), paths: z.array(ingressPathSchema).min(1) })).default([]),
  defaultBackend: ingressBackendSchema.optional(),
  tls: z.array(z.object({ hosts: z.array(z.string().max(253)), secretName: z.string().optional() })).default([]),
});

export type Service = z.output<typeof serviceSchema>;
export type ServicePort = z.output<typeof servicePortSchema>;
export type LoadBalancer = z.output<typeof loadBalancerSchema>;
export type Ingress = z.output<typeof ingressSchema>;
export type IngressPath = z.output<typeof ingressPathSchema>;
export type IngressBackend = z.output<typeof ingressBackendSchema>;
export type ExplicitEndpoint = z.output<typeof explicitEndpointSchema>;
