/**
 * The scenario: the one versioned JSON document that describes a cluster and its underlay.
 * Everything loaded from outside (files, links, CLI arguments) goes through `parseScenario`,
 * which validates it against these zod schemas.
 */
import { z } from 'zod/mini';
import {
  cidr,
  id,
  intRange,
  ipv4,
  isDnsDomain,
  k8sName,
  k8sSubdomain,
  l4ProtocolSchema,
  labels,
  maxStr,
  port,
  portOrName,
  SCENARIO_VERSION,
  str,
  type protocolSchema,
} from './schema-base';
import { ingressSchema, loadBalancerSchema, serviceSchema } from './schema-services';
import { namespaceSchema, networkPolicySchema } from './schema-policy';

export { ID_MESSAGE, isDnsDomain, K8S_NAME_MESSAGE, l4ProtocolSchema, protocolSchema, RESERVED_LABEL_KEYS, SCENARIO_VERSION } from './schema-base';
export * from './schema-services';
export * from './schema-policy';

export const clusterSchema = z.object({
  /** flannel "Network": the cluster pod CIDR. */
  podCidr: z._default(cidr, '10.244.0.0/16'),
  /** flannel "SubnetLen": the prefix length of each node's pod CIDR. */
  nodePodPrefix: z._default(intRange(8, 30), 24),
  /** kube-apiserver --service-cluster-ip-range. */
  serviceCidr: z._default(cidr, '10.96.0.0/12'),
  /**
   * The CNI plugin: flannel (a cni0 bridge per node, enforces no NetworkPolicy) or Calico (no bridge,
   * routed /32s to cali interfaces, enforces NetworkPolicy). Version-1 files that wrote the flannel
   * backend here (`"cni": "vxlan"` / `"host-gw"`) are read as flannel with that backend.
   */
  cni: z._default(z.enum(['flannel', 'calico']), 'flannel'),
  /** flannel backend: host-gw routes or the vxlan overlay. */
  flannelBackend: z._default(z.enum(['host-gw', 'vxlan']), 'vxlan'),
  /** flannel vxlan DirectRouting: plain routes to nodes on the same subnet, vxlan to the rest. */
  directRouting: z._default(z.boolean(), false),
  /** Calico's IP pool mode: plain BGP routes, IP-in-IP (tunl0) or VXLAN (vxlan.calico). */
  calicoMode: z._default(z.enum(['bgp', 'ipip', 'vxlan']), 'ipip'),
  /** ipipMode/vxlanMode CrossSubnet: encapsulate only towards nodes on another subnet (Always otherwise). */
  crossSubnet: z._default(z.boolean(), false),
  /**
   * Calico BGPConfiguration nodeToNodeMeshEnabled: every node peers with every other (the default;
   * docs.tigera.io recommends route reflectors instead above ~100 nodes). Off, nodes learn each
   * other's blocks only through a route reflector (a node with `routeReflector`).
   */
  bgpMesh: z._default(z.boolean(), true),
  kubeProxyMode: z._default(z.enum(['iptables', 'ipvs']), 'iptables'),
  /**
   * kubelet --cluster-domain: a DNS name (RFC 1123 labels joined by dots, at most 253 characters).
   * Checked label by label without a regular expression built from it (see `isDnsDomain`).
   */
  dnsDomain: z._default(
    z.string().check(
      z.maxLength(253),
      z.refine(isDnsDomain, {
        message: 'not a DNS domain (expected e.g. cluster.local: lower-case letters, digits and "-" in labels joined by ".")',
        params: { msg: 'schema.dns-domain' },
      }),
    ),
    'cluster.local',
  ),
  /** MTU of the underlay links (node eth0). */
  mtu: z._default(intRange(576, 9000), 1500),
  /** The bridge plugin's hairpinMode (kube-flannel's CNI config sets it true): a pod may reach itself through its Service. */
  hairpinMode: z._default(z.boolean(), true),
});

export const subnetSchema = z.object({
  id,
  name: str(1, 100),
  cidr,
  /** The default gateway of hosts on this subnet: a router interface address. */
  gateway: z.optional(ipv4),
});

export const routeSchema = z.object({ dst: cidr, via: ipv4 });

export const routerSchema = z.object({
  id,
  name: str(1, 100),
  interfaces: z.array(z.object({ subnet: id, ip: ipv4 })).check(z.minLength(1)),
  /** Static routes; connected routes come from the interfaces. */
  routes: z._default(z.array(routeSchema), []),
  /**
   * Calico BGP: the router peers with every node (a global BGPPeer with the router's address), so
   * it learns each node's /26 blocks. Without it a router knows no pod routes.
   */
  bgpPeer: z.optional(z.boolean()),
});

export const nodeSchema = z.object({
  id,
  name: k8sSubdomain,
  subnet: id,
  /** eth0 address on the subnet. */
  ip: ipv4,
  /** This node's pod CIDR (spec.podCIDR); allocated from the cluster pod CIDR when left out. */
  podCidr: z.optional(cidr),
  /** metadata.labels (nodeSelector matches them; kubernetes.io/hostname is implied). */
  labels: z.optional(labels),
  /** Calico: this node is a BGP route reflector (spec.bgp.routeReflectorClusterID, and a BGPPeer peering every node with it). */
  routeReflector: z.optional(z.boolean()),
});

export const containerPortSchema = z.object({
  name: z.optional(maxStr(15)),
  containerPort: port,
  protocol: z._default(l4ProtocolSchema, 'TCP'),
});

/** A container's readinessProbe, as far as networking cares: how the kubelet checks it. */
export const readinessProbeSchema = z.object({
  type: z.enum(['httpGet', 'tcpSocket', 'grpc', 'exec']),
  /** A number, or the name of a container port (httpGet, tcpSocket, grpc). */
  port: z.optional(portOrName),
  path: z.optional(maxStr(1000)),
});

export const containerSchema = z.object({
  name: k8sName,
  image: z.optional(maxStr(200)),
  ports: z._default(z.array(containerPortSchema), []),
  readinessProbe: z.optional(readinessProbeSchema),
});

/** The workload controller a pod came from (ownerReferences), so manifests export it back. */
export const podOwnerSchema = z.object({
  kind: z.enum(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job']),
  name: k8sSubdomain,
  /** spec.selector.matchLabels of the controller (defaults to the template labels on export). */
  selector: z.optional(labels),
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
  namespace: z._default(k8sName, 'default'),
  labels: z._default(labels, {}),
  node: id,
  /** Allocated from the node's pod CIDR when left out. */
  ip: z.optional(ipv4),
  containers: z.array(containerSchema).check(z.minLength(1)),
  /** Left out = Ready. */
  readiness: z.optional(readinessSchema),
  owner: z.optional(podOwnerSchema),
});

/** An outside host: a laptop or server on some subnet outside the cluster (often the internet). */
export const clientSchema = z.object({
  id,
  name: str(1, 100),
  subnet: id,
  ip: ipv4,
  /** Ports it listens on (for pods reaching out to it). */
  ports: z._default(z.array(z.object({ port, protocol: z._default(l4ProtocolSchema, 'TCP') })), []),
});

export const positionSchema = z.object({ x: z.number(), y: z.number() });

export const scenarioSchema = z.object({
  version: z.literal(SCENARIO_VERSION),
  name: z._default(maxStr(200), 'Untitled scenario'),
  description: z.optional(maxStr(5000)),
  cluster: z.prefault(clusterSchema, {}),
  subnets: z._default(z.array(subnetSchema), []),
  routers: z._default(z.array(routerSchema), []),
  nodes: z._default(z.array(nodeSchema), []),
  pods: z._default(z.array(podSchema), []),
  clients: z._default(z.array(clientSchema), []),
  services: z._default(z.array(serviceSchema), []),
  loadBalancers: z._default(z.array(loadBalancerSchema), []),
  ingresses: z._default(z.array(ingressSchema), []),
  /** Namespaces with their labels; namespaces used by pods but not listed here exist with only the name label. */
  namespaces: z._default(z.array(namespaceSchema), []),
  networkPolicies: z._default(z.array(networkPolicySchema), []),
  /** Canvas positions by element id; the simulation ignores them. */
  layout: z._default(z.record(z.string(), positionSchema), {}),
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
