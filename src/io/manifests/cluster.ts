/**
 * Where imported manifests land: a generated cluster when there is none (3 nodes on one subnet,
 * flannel VXLAN, kube-proxy iptables, CoreDNS as kubeadm deploys it), and the scheduler's choice
 * of node for each pod.
 */
import { msg, type Message, type Node, type Pod, type ScenarioDoc, type Subnet } from '../../sim/index';
import { GENERATED_CLUSTER_NAME } from './generated-name';

/** kubelet --max-pods default. https://kubernetes.io/docs/reference/command-line-tools-reference/kubelet/ */
export const MAX_PODS_PER_NODE = 110;

export const GENERATED_SUBNET: Subnet = { id: 'subnet-nodes', name: 'nodes', cidr: '192.168.1.0/24', gateway: '192.168.1.1' };

/** The cluster without workloads: subnet, router and three nodes (node-1..3 at .11-.13). */
export function generatedCluster(name = GENERATED_CLUSTER_NAME.en): ScenarioDoc {
  return {
    version: 1,
    name,
    cluster: {
      podCidr: '10.244.0.0/16',
      nodePodPrefix: 24,
      serviceCidr: '10.96.0.0/12',
      cni: 'flannel',
      flannelBackend: 'vxlan',
      directRouting: false,
      calicoMode: 'ipip',
      crossSubnet: false,
      bgpMesh: true,
      kubeProxyMode: 'iptables',
      dnsDomain: 'cluster.local',
      mtu: 1500,
      hairpinMode: true,
    },
    subnets: [GENERATED_SUBNET],
    routers: [{ id: 'router', name: 'router', interfaces: [{ subnet: GENERATED_SUBNET.id, ip: '192.168.1.1' }], routes: [] }],
    nodes: [1, 2, 3].map((i) => ({
      id: `node-${i}`,
      name: `node-${i}`,
      subnet: GENERATED_SUBNET.id,
      ip: `192.168.1.${10 + i}`,
      podCidr: `10.244.${i - 1}.0/24`,
    })),
    pods: [],
    clients: [],
    services: [],
    loadBalancers: [],
    ingresses: [],
    namespaces: [],
    networkPolicies: [],
    layout: {},
  };
}

/**
 * CoreDNS as kubeadm deploys it (cmd/kubeadm/app/phases/addons/dns/manifests.go): a Deployment
 * `coredns` of 2 replicas labelled k8s-app=kube-dns in kube-system, and the `kube-dns` Service at
 * the 10th address of the service CIDR with ports dns 53/UDP, dns-tcp 53/TCP, metrics 9153/TCP.
 */
export const COREDNS_MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coredns
  namespace: kube-system
  labels:
    k8s-app: kube-dns
spec:
  replicas: 2
  selector:
    matchLabels:
      k8s-app: kube-dns
  template:
    metadata:
      labels:
        k8s-app: kube-dns
    spec:
      containers:
        - name: coredns
          image: registry.k8s.io/coredns/coredns:v1.11.3
          ports:
            - { name: dns, containerPort: 53, protocol: UDP }
            - { name: dns-tcp, containerPort: 53, protocol: TCP }
            - { name: metrics, containerPort: 9153, protocol: TCP }
          readinessProbe:
            httpGet: { path: /ready, port: 8181 }
---
apiVersion: v1
kind: Service
metadata:
  name: kube-dns
  namespace: kube-system
  labels:
    k8s-app: kube-dns
spec:
  selector:
    k8s-app: kube-dns
  clusterIP: 10.96.0.10
  ports:
    - { name: dns, port: 53, protocol: UDP, targetPort: 53 }
    - { name: dns-tcp, port: 53, protocol: TCP, targetPort: 53 }
    - { name: metrics, port: 9153, protocol: TCP, targetPort: 9153 }
`;

/** The labels the scheduler matches a nodeSelector against: the node's own plus the well-known ones the kubelet sets. */
export function nodeLabels(n: Pick<Node, 'name' | 'labels'>): Record<string, string> {
  return { 'kubernetes.io/hostname': n.name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', ...(n.labels ?? {}) };
}

export interface Placement {
  ok: boolean;
  node?: string;
  /** Why no node fits (the scheduler's FailedScheduling message, as kube-scheduler prints it). */
  reason?: Message;
}

/**
 * The default scheduler's choice, deterministically: among nodes that fit (nodeSelector, free pod
 * slots), the one with the fewest pods of the same owner (the default PodTopologySpread constraint
 * on kubernetes.io/hostname spreads replicas), then the fewest pods, then node order.
 * https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/#internal-default-constraints
 */
export class Scheduler {
  private readonly total = new Map<string, number>();
  private readonly perOwner = new Map<string, number>();
  private readonly labels: Map<string, Record<string, string>>;

  constructor(
    private readonly nodes: Pick<Node, 'id' | 'name' | 'labels'>[],
    existing: Pick<Pod, 'node' | 'owner' | 'namespace'>[] = [],
  ) {
    this.labels = new Map(nodes.map((n) => [n.id, nodeLabels(n)]));
    for (const p of existing) this.count(p.node, p.owner ? `${p.namespace}/${p.owner.kind}/${p.owner.name}` : undefined);
  }

  private count(node: string, owner: string | undefined): void {
    this.total.set(node, (this.total.get(node) ?? 0) + 1);
    if (owner) this.perOwner.set(`${owner}@${node}`, (this.perOwner.get(`${owner}@${node}`) ?? 0) + 1);
  }

  /** Place one pod; `nodeName` binds it directly (as the API does, bypassing the scheduler). */
  place(owner: string | undefined, nodeSelector: Record<string, string> | undefined, nodeName?: string): Placement {
    if (nodeName) {
      const n = this.nodes.find((x) => x.name === nodeName);
      if (!n) return { ok: false, reason: msg('manifest.no-such-node', { node: nodeName }) };
      this.count(n.id, owner);
      return { ok: true, node: n.id };
    }
    const selector = Object.entries(nodeSelector ?? {});
    let best: string | undefined;
    let bestKey: [number, number] | undefined;
    let matching = 0;
    for (const n of this.nodes) {
      const labels = this.labels.get(n.id)!;
      if (!selector.every(([k, v]) => labels[k] === v)) continue;
      matching++;
      const total = this.total.get(n.id) ?? 0;
      if (total >= MAX_PODS_PER_NODE) continue;
      const key: [number, number] = [owner ? (this.perOwner.get(`${owner}@${n.id}`) ?? 0) : 0, total];
      if (!bestKey || key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
        best = n.id;
        bestKey = key;
      }
    }
    if (!best) {
      const reason =
        matching === 0
          ? `0/${this.nodes.length} nodes are available: ${this.nodes.length} node(s) didn't match Pod's node affinity/selector`
          : `0/${this.nodes.length} nodes are available: ${matching} Too many pods (at most ${MAX_PODS_PER_NODE} per node)`;
      return { ok: false, reason: msg('manifest.scheduler-event', { event: reason }) };
    }
    this.count(best, owner);
    return { ok: true, node: best };
  }

  /** The nodes a DaemonSet runs a pod on (every node its nodeSelector matches), in node order; its pods are then bound by name. */
  daemonNodes(nodeSelector: Record<string, string> | undefined): string[] {
    const selector = Object.entries(nodeSelector ?? {});
    return this.nodes.filter((n) => selector.every(([k, v]) => this.labels.get(n.id)![k] === v)).map((n) => n.id);
  }
}
