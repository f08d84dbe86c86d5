/** Generated clusters for benchmarks and property tests: N nodes over a few subnets, pods spread evenly. */
import { type Scenario, type ScenarioInput } from '../src/sim/index';
import { parseScenario } from '../src/sim/editing';

export interface ClusterShape {
  nodes: number;
  podsPerNode: number;
  /** Nodes per subnet; subnets are joined by one router. */
  nodesPerSubnet?: number;
  cni?: 'host-gw' | 'vxlan';
}

export function generateCluster(shape: ClusterShape): Scenario {
  const perSubnet = shape.nodesPerSubnet ?? 50;
  const subnetCount = Math.ceil(shape.nodes / perSubnet);
  const doc: ScenarioInput = {
    version: 1,
    name: `generated ${shape.nodes} nodes`,
    cluster: { flannelBackend: shape.cni ?? 'vxlan', podCidr: '10.244.0.0/16' },
    subnets: Array.from({ length: subnetCount }, (_, i) => ({
      id: `subnet-${i}`,
      name: `rack-${i}`,
      cidr: `192.168.${i}.0/24`,
      gateway: `192.168.${i}.1`,
    })),
    routers: [
      {
        id: 'router',
        name: 'core',
        interfaces: Array.from({ length: subnetCount }, (_, i) => ({ subnet: `subnet-${i}`, ip: `192.168.${i}.1` })),
      },
    ],
    nodes: Array.from({ length: shape.nodes }, (_, i) => ({
      id: `node-${i}`,
      name: `node-${i}`,
      subnet: `subnet-${Math.floor(i / perSubnet)}`,
      ip: `192.168.${Math.floor(i / perSubnet)}.${10 + (i % perSubnet)}`,
    })),
    pods: Array.from({ length: shape.nodes * shape.podsPerNode }, (_, i) => ({
      id: `pod-${i}`,
      name: `app-${i}`,
      node: `node-${i % shape.nodes}`,
      labels: { app: `app-${i % 50}` },
      containers: [{ name: 'app', ports: [{ containerPort: 8080 }] }],
    })),
  };
  const r = parseScenario(doc);
  if (!r.ok) throw new Error(`generated cluster is invalid: ${JSON.stringify(r.errors.slice(0, 3))}`);
  return r.scenario;
}
