/**
 * The scenario the app opens with: a small flannel VXLAN cluster spread over two racks joined by a
 * router, three replicas of a web app behind a ClusterIP Service, a curl pod to call it from, and a
 * laptop on the internet side of the router. Addresses the cluster would allocate (node pod CIDRs,
 * pod IPs, the ClusterIP) are left to the simulation's allocators.
 */
import { parseScenario } from '../sim/model/parse';
import type { Scenario, ScenarioInput } from '../sim/model/schema';

const web = (id: string, node: string) => ({
  id,
  name: id,
  node,
  labels: { app: 'web', tier: 'frontend' },
  containers: [{ name: 'web', image: 'nginxinc/nginx-unprivileged:1.27', ports: [{ name: 'http', containerPort: 8080 }] }],
});

export const defaultScenarioInput: ScenarioInput = {
  version: 1,
  name: 'Two racks, one router',
  description:
    'Three nodes on two subnets. flannel VXLAN carries pod traffic between the racks; the web Service balances over three pods.',
  cluster: { cni: 'flannel', flannelBackend: 'vxlan', kubeProxyMode: 'iptables' },
  subnets: [
    { id: 'rack-a', name: 'rack-a', cidr: '192.168.1.0/24', gateway: '192.168.1.1' },
    { id: 'rack-b', name: 'rack-b', cidr: '192.168.2.0/24', gateway: '192.168.2.1' },
    { id: 'internet', name: 'internet', cidr: '203.0.113.0/24', gateway: '203.0.113.1' },
  ],
  routers: [
    {
      id: 'core-router',
      name: 'core-router',
      interfaces: [
        { subnet: 'rack-a', ip: '192.168.1.1' },
        { subnet: 'rack-b', ip: '192.168.2.1' },
        { subnet: 'internet', ip: '203.0.113.1' },
      ],
    },
  ],
  nodes: [
    { id: 'node-1', name: 'node-1', subnet: 'rack-a', ip: '192.168.1.10' },
    { id: 'node-2', name: 'node-2', subnet: 'rack-a', ip: '192.168.1.11' },
    { id: 'node-3', name: 'node-3', subnet: 'rack-b', ip: '192.168.2.10' },
  ],
  pods: [
    {
      id: 'curl',
      name: 'curl',
      node: 'node-1',
      labels: { app: 'curl' },
      containers: [{ name: 'curl', image: 'curlimages/curl:8.10.1' }],
    },
    web('web-1', 'node-1'),
    web('web-2', 'node-2'),
    web('web-3', 'node-3'),
  ],
  services: [
    {
      id: 'web',
      name: 'web',
      type: 'ClusterIP',
      selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
    },
  ],
  clients: [{ id: 'laptop', name: 'laptop', subnet: 'internet', ip: '203.0.113.50' }],
};

export function defaultScenario(): Scenario {
  const r = parseScenario(defaultScenarioInput);
  if (!r.ok) throw new Error(`the default scenario is invalid: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return r.scenario;
}
