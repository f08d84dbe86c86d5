/**
 * A big cluster for measuring the canvas (`?stress=1`): 100 nodes on 4 subnets, 10 pods each
 * (1,000 pods), a router joining the subnets, a few Services selecting some of the pods, and CoreDNS.
 */
import type { Scenario, ScenarioInput } from '../sim/index';
import { parseScenario, withClusterDns } from '../sim/editing';

export const STRESS_NODES = 100;
export const STRESS_PODS_PER_NODE = 10;
const SUBNETS = 4;
const APPS = 40;
const SERVICES = 4;

export function stressScenario(nodes = STRESS_NODES, podsPerNode = STRESS_PODS_PER_NODE): Scenario {
  const subnets = Array.from({ length: SUBNETS }, (_, i) => ({
    id: `rack-${i + 1}`,
    name: `rack-${i + 1}`,
    cidr: `10.${i + 1}.0.0/22`,
    gateway: `10.${i + 1}.0.1`,
  }));
  const input: ScenarioInput = {
    version: 1,
    name: `Stress: ${nodes} nodes, ${nodes * podsPerNode} pods`,
    // A /16 of /24s holds 256 nodes; the stress page may ask for up to 1,000 (`?stress=1&nodes=1000`).
    cluster: { cni: 'flannel', flannelBackend: 'vxlan', podCidr: nodes > 256 ? '10.244.0.0/14' : '10.244.0.0/16', nodePodPrefix: 24 },
    subnets,
    routers: [{ id: 'core-router', name: 'core-router', interfaces: subnets.map((s) => ({ subnet: s.id, ip: s.gateway })) }],
    nodes: Array.from({ length: nodes }, (_, i) => {
      const rack = i % SUBNETS;
      const k = Math.floor(i / SUBNETS);
      return {
        id: `node-${i + 1}`,
        name: `node-${i + 1}`,
        subnet: subnets[rack]!.id,
        ip: `10.${rack + 1}.${Math.floor((k + 10) / 250)}.${((k + 10) % 250) + 2}`,
      };
    }),
    pods: Array.from({ length: nodes * podsPerNode }, (_, j) => {
      const node = Math.floor(j / podsPerNode);
      const app = `app-${j % APPS}`;
      return {
        id: `pod-${j + 1}`,
        name: `${app}-${j + 1}`,
        node: `node-${node + 1}`,
        labels: { app },
        containers: [{ name: 'app', ports: [{ containerPort: 8080 }] }],
      };
    }),
    services: Array.from({ length: SERVICES }, (_, i) => ({
      id: `svc-app-${i}`,
      name: `app-${i}`,
      selector: { app: `app-${i}` },
      ports: [{ port: 80, targetPort: 8080 }],
    })),
  };
  const r = parseScenario(withClusterDns(input));
  if (!r.ok) throw new Error(`the stress scenario is invalid: ${JSON.stringify(r.errors)}`);
  return r.scenario;
}
