/**
 * The scenario the app opens with, showing all four layers of the network model: a flannel VXLAN
 * cluster of three nodes spread over two racks joined by a router (node and pod networks), three
 * replicas of a web app behind the `web` Service, found by name through CoreDNS (service network),
 * and reachable from a laptop on the internet side through a NodePort, a cloud load balancer and an
 * Ingress served by ingress-nginx (external access). Addresses the cluster would allocate (node pod
 * CIDRs, pod IPs, ClusterIPs) are left to the simulation's allocators; CoreDNS is added as kubeadm
 * adds it (`withClusterDns`).
 *
 * The app opens with it already parsed (src/store/defaultScenario.ts), so the first paint does not wait
 * for the schema and the allocators.
 */
import type { Scenario, ScenarioInput } from '../sim/index';
import { parseScenario, withClusterDns } from '../sim/editing';
import { DEFAULT_SCENARIO_TEXT } from './defaultScenarioText';

const web = (id: string, node: string) => ({
  id,
  name: id,
  node,
  labels: { app: 'web', tier: 'frontend' },
  containers: [{ name: 'web', image: 'nginxinc/nginx-unprivileged:1.27', ports: [{ name: 'http', containerPort: 8080 }] }],
});

/** ingress-nginx's controller as its deploy manifest labels it (kubernetes/ingress-nginx deploy/static/provider/cloud). */
const INGRESS_NGINX_LABELS = {
  'app.kubernetes.io/name': 'ingress-nginx',
  'app.kubernetes.io/instance': 'ingress-nginx',
  'app.kubernetes.io/component': 'controller',
};

export const defaultScenarioInput: ScenarioInput = withClusterDns({
  version: 1,
  name: DEFAULT_SCENARIO_TEXT.name.en,
  description: DEFAULT_SCENARIO_TEXT.description.en,
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
    {
      id: 'ingress-nginx-controller',
      name: 'ingress-nginx-controller',
      namespace: 'ingress-nginx',
      node: 'node-3',
      labels: INGRESS_NGINX_LABELS,
      containers: [
        {
          name: 'controller',
          image: 'registry.k8s.io/ingress-nginx/controller:v1.11.2',
          ports: [
            { name: 'http', containerPort: 80 },
            { name: 'https', containerPort: 443 },
          ],
        },
      ],
    },
  ],
  services: [
    {
      id: 'web',
      name: 'web',
      type: 'LoadBalancer',
      selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', nodePort: 30080 }],
    },
    {
      id: 'ingress-nginx',
      name: 'ingress-nginx-controller',
      namespace: 'ingress-nginx',
      type: 'LoadBalancer',
      selector: INGRESS_NGINX_LABELS,
      ports: [
        { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
        { name: 'https', port: 443, targetPort: 'https', protocol: 'TCP' },
      ],
    },
  ],
  loadBalancers: [
    { id: 'web-lb', name: 'web-lb', service: 'web', ip: '203.0.113.100', subnet: 'internet' },
    { id: 'ingress-lb', name: 'ingress-lb', service: 'ingress-nginx', ip: '203.0.113.101', subnet: 'internet' },
  ],
  ingresses: [
    {
      id: 'shop',
      name: 'shop',
      ingressClassName: 'nginx',
      controllerService: 'ingress-nginx',
      rules: [{ host: 'shop.example.com', paths: [{ path: '/', pathType: 'Prefix', backend: { service: 'web', port: 80 } }] }],
    },
  ],
  clients: [{ id: 'laptop', name: 'laptop', subnet: 'internet', ip: '203.0.113.50' }],
  // Drawn to fit a laptop screen: the racks' nodes stacked as servers in a rack, the internet side
  // on the right, the Services and the Ingress under them (hosts are placed relative to their subnet).
  layout: {
    'core-router': { x: 467, y: 30 },
    'rack-a': { x: 0, y: 170 },
    'node-1': { x: 20, y: 80 },
    'node-2': { x: 20, y: 402 },
    'rack-b': { x: 390, y: 170 },
    'node-3': { x: 20, y: 80 },
    internet: { x: 780, y: 170 },
    'web-lb': { x: 20, y: 80 },
    'ingress-lb': { x: 20, y: 176 },
    laptop: { x: 20, y: 272 },
    web: { x: 400, y: 600 },
    'ingress-nginx': { x: 690, y: 600 },
    'kube-dns': { x: 690, y: 760 },
    shop: { x: 394, y: 770 },
  },
});

/**
 * The default scenario as `parseScenario` gives it: what src/store/defaultScenario.generated.ts holds
 * (`npm run default-scenario` writes it; defaultScenario.test.ts checks it is up to date).
 */
export function parseDefaultScenario(): Scenario {
  const r = parseScenario(defaultScenarioInput);
  if (!r.ok) throw new Error(`the default scenario is invalid: ${JSON.stringify(r.errors)}`);
  return r.scenario;
}
