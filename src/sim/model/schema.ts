/**
 * The scenario: the one versioned JSON document that describes a cluster and its underlay.
 * Everything loaded from outside (files, links, CLI arguments) goes through `parseScenario`,
 * which validates it against these zod schemas.
 */
import { z } from 'zod';
import { cidr, id, ipv4, isDnsDomain, k8sName, k8sSubdomain, l4ProtocolSchema, labels, port, SCENARIO_VERSION, type protocolSchema } from './schema-base';
import { ingressSchema, loadBalancerSchema, serviceSchema } from './schema-services';
import { namespaceSchema, networkPolicySchema } from './schema-policy';

export { ID_MESSAGE, isDnsDomain, K8S_NAME_MESSAGE, l4ProtocolSchema, protocolSchema, RESERVED_LABEL_KEYS, SCENARIO_VERSION } from './schema-base';
export * from './schema-services';
export * from './schema-policy';

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
  /**
   * Calico BGPConfiguration nodeToNodeMeshEnabled: every node peers with every other (the default;
   * docs.tigera.io recommends route reflectors instead above ~100 nodes). Off, nodes learn each
   * other's blocks only through a route reflector (a node with `routeReflector`).
   */
  bgpMesh: z.boolean().default(true),
  kubeProxyMode: z.enum(['iptables', 'ipvs']).default('iptables'),
  /**
   * kubelet --cluster-domain: a DNS name (RFC 1123 labels joined by dots, at most 253 characters).
   * Checked label by label without a regular expression built from it (see `isDnsDomain`).
   */
  dnsDomain: z
    .string()
    .max(253)
    .refine(isDnsDomain, {
      message: 'not a DNS domain (expected e.g. cluster.local: lower-case letters, digits and "-" in labels joined by ".")',
      params: { msg: 'schema.dns-domain' },
    })
    .default('cluster.local'),
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
  /** Calico: this node is a BGP route reflector (spec.bgp.routeReflectorClusterID, and a BGPPeer peering every node with it). */
  routeReflector: z.boolean().optional(),
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
export type Protocol = z.output<typeof protocolSchema>;
export type Readiness = z.output<typeof readinessSchema>;
export type PodOwner = z.output<typeof podOwnerSchema>;
export type ReadinessProbe = z.output<typeof readinessProbeSchema>;
export type L4Protocol = z.output<typeof l4ProtocolSchema>;

/** A node whose pod CIDR is known (after `materialize`). */
export type Node = Omit<z.output<typeof nodeSchema>, 'podCidr'> & { podCidr: string };
/** A pod whose IP is known (after `materialize`). */
export type Pod = Omit<z.output<typeof podSchema>, 'ip'> & { ip: string };

/** A scenario with every address allocated: what the tracer and the UI work on. */
export type Scenario = Omit<ScenarioDoc, 'nodes' | 'pods'> & { nodes: Node[]; pods: Pod[] };

export type ElementKind = 'subnet' | 'router' | 'node' | 'pod' | 'client' | 'service' | 'loadBalancer' | 'ingress';
