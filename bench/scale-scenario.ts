/**
 * A cluster shaped like Kubernetes' published scalability thresholds, scaled to a browser:
 * 1,000 nodes, 10,000 pods, 1,000 Services with 10 endpoints each, plus one Service selecting
 * 1,000 pods, CoreDNS, an outside client. `scale` shrinks every count (0.1 = the 10x smaller
 * scenario the benchmark compares growth against). Addresses are left out on purpose, so that
 * parsing runs the allocators (node pod CIDRs, pod IPs, ClusterIPs, NodePorts) at full size.
 */
import type { ScenarioInput } from '../src/sim/index';

export interface ScaleShape {
  nodes: number;
  pods: number;
  services: number;
  endpointsPerService: number;
  bigServicePods: number;
}

export function scaleShape(scale: number): ScaleShape {
  return {
    nodes: Math.round(1000 * scale),
    pods: Math.round(10000 * scale),
    services: Math.round(1000 * scale),
    endpointsPerService: 10,
    bigServicePods: Math.round(1000 * scale),
  };
}

const NODES_PER_SUBNET = 200;

export function scaleScenarioDoc(shape: ScaleShape): ScenarioInput {
  const subnets = Math.ceil(shape.nodes / NODES_PER_SUBNET);
  return {
    version: 1,
    name: `scale: ${shape.nodes} nodes, ${shape.pods} pods, ${shape.services + 2} Services`,
    // A /14 of /24s holds 1,024 nodes.
    cluster: { cni: 'flannel', flannelBackend: 'vxlan', podCidr: '10.244.0.0/14', nodePodPrefix: 24 },
    subnets: [
      ...Array.from({ length: subnets }, (_, i) => ({ id: `rack-${i}`, name: `rack-${i}`, cidr: `192.168.${i}.0/24`, gateway: `192.168.${i}.1` })),
      { id: 'internet', name: 'internet', cidr: '203.0.113.0/24', gateway: '203.0.113.1' },
    ],
    routers: [
      {
        id: 'core',
        name: 'core',
        interfaces: [...Array.from({ length: subnets }, (_, i) => ({ subnet: `rack-${i}`, ip: `192.168.${i}.1` })), { subnet: 'internet', ip: '203.0.113.1' }],
      },
    ],
    clients: [{ id: 'laptop', name: 'laptop', subnet: 'internet', ip: '203.0.113.50' }],
    nodes: Array.from({ length: shape.nodes }, (_, i) => ({
      id: `node-${i}`,
      name: `node-${i}`,
      subnet: `rack-${Math.floor(i / NODES_PER_SUBNET)}`,
      ip: `192.168.${Math.floor(i / NODES_PER_SUBNET)}.${10 + (i % NODES_PER_SUBNET)}`,
    })),
    pods: [
      ...Array.from({ length: 2 }, (_, i) => ({
        id: `coredns-${i}`,
        name: `coredns-${i}`,
        namespace: 'kube-system',
        node: `node-${i}`,
        labels: { 'k8s-app': 'kube-dns' },
        containers: [{ name: 'coredns', ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' as const }] }],
      })),
      ...Array.from({ length: shape.pods }, (_, i) => ({
        id: `pod-${i}`,
        name: `app-${i}`,
        node: `node-${i % shape.nodes}`,
        labels: { app: `app-${Math.floor(i / shape.endpointsPerService) % shape.services}`, ...(i < shape.bigServicePods ? { tier: 'big' } : {}) },
        containers: [{ name: 'app', ports: [{ name: 'http', containerPort: 8080 }] }],
      })),
    ],
    services: [
      {
        id: 'kube-dns',
        name: 'kube-dns',
        namespace: 'kube-system',
        selector: { 'k8s-app': 'kube-dns' },
        ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }],
      },
      { id: 'big', name: 'big', type: 'NodePort', selector: { tier: 'big' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
      ...Array.from({ length: shape.services }, (_, i) => ({
        id: `svc-${i}`,
        name: `svc-${i}`,
        type: (i % 10 === 0 ? 'NodePort' : 'ClusterIP') as 'NodePort' | 'ClusterIP',
        selector: { app: `app-${i}` },
        ports: [{ name: 'http', port: 80, targetPort: 'http' }],
      })),
    ],
  };
}
