/**
 * The matrix benchmark's cluster (also opened by e2e/policy.spec.ts to scroll a large matrix): 10
 * Calico IPIP nodes on two racks, CoreDNS, app pods in 4 namespaces x 4 tiers, 20 NetworkPolicies.
 */
import { type Scenario, type ScenarioInput } from '../src/sim/index';
import { parseScenario } from '../src/sim/editing';

const TIERS = ['web', 'api', 'db', 'batch'] as const;
const NAMESPACES = ['shop', 'billing', 'search', 'ops'] as const;

/** 10 Calico (IPIP) nodes on two racks, CoreDNS, and `pods - 2` app pods over 4 namespaces and 4 tiers, each namespace default-deny with allow-DNS and tier-to-tier rules. */
export function policyCluster(pods = 100): Scenario {
  const app = pods - 2;
  const doc: ScenarioInput = {
    version: 1,
    name: `matrix bench: ${pods} pods`,
    cluster: { cni: 'calico', calicoMode: 'ipip' },
    subnets: [
      { id: 'rack-a', name: 'rack-a', cidr: '192.168.1.0/24', gateway: '192.168.1.1' },
      { id: 'rack-b', name: 'rack-b', cidr: '192.168.2.0/24', gateway: '192.168.2.1' },
    ],
    routers: [
      {
        id: 'core',
        name: 'core',
        interfaces: [
          { subnet: 'rack-a', ip: '192.168.1.1' },
          { subnet: 'rack-b', ip: '192.168.2.1' },
        ],
      },
    ],
    nodes: Array.from({ length: 10 }, (_, i) => ({
      id: `node-${i}`,
      name: `node-${i}`,
      subnet: i < 5 ? 'rack-a' : 'rack-b',
      ip: `192.168.${i < 5 ? 1 : 2}.${10 + i}`,
    })),
    namespaces: NAMESPACES.map((n, i) => ({ name: n, labels: { team: i % 2 ? 'back' : 'front' } })),
    pods: [
      ...[0, 1].map((i) => ({
        id: `coredns-${i}`,
        name: `coredns-${i}`,
        namespace: 'kube-system',
        node: `node-${i * 5}`,
        labels: { 'k8s-app': 'kube-dns' },
        containers: [
          {
            name: 'coredns',
            ports: [
              { containerPort: 53, protocol: 'UDP' as const },
              { containerPort: 53, protocol: 'TCP' as const },
            ],
          },
        ],
      })),
      ...Array.from({ length: app }, (_, i) => ({
        id: `p${i}`,
        name: `${TIERS[i % 4]}-${i}`,
        namespace: NAMESPACES[Math.floor(i / 4) % 4]!,
        node: `node-${i % 10}`,
        labels: { tier: TIERS[i % 4]! },
        containers: [{ name: 'app', ports: [{ name: 'http', containerPort: 80 }] }],
      })),
    ],
    services: [
      {
        id: 'kube-dns',
        name: 'kube-dns',
        namespace: 'kube-system',
        clusterIP: '10.96.0.10',
        selector: { 'k8s-app': 'kube-dns' },
        ports: [{ name: 'dns', port: 53, protocol: 'UDP' }],
      },
    ],
    networkPolicies: NAMESPACES.flatMap((ns) => [
      { id: `${ns}-deny`, name: 'default-deny-all', namespace: ns, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] as ('Ingress' | 'Egress')[] } },
      {
        id: `${ns}-dns`,
        name: 'allow-dns',
        namespace: ns,
        spec: {
          podSelector: {},
          policyTypes: ['Egress'] as ('Ingress' | 'Egress')[],
          egress: [
            {
              to: [
                {
                  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
                  podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
                },
              ],
              ports: [{ protocol: 'UDP' as const, port: 53 }],
            },
          ],
        },
      },
      {
        id: `${ns}-web-in`,
        name: 'web-from-front',
        namespace: ns,
        spec: {
          podSelector: { matchLabels: { tier: 'web' } },
          ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'front' } } }], ports: [{ port: 80 }] }],
        },
      },
      {
        id: `${ns}-web-out`,
        name: 'web-to-api',
        namespace: ns,
        spec: {
          podSelector: { matchLabels: { tier: 'web' } },
          policyTypes: ['Egress'] as ('Ingress' | 'Egress')[],
          egress: [{ to: [{ podSelector: { matchLabels: { tier: 'api' } } }] }],
        },
      },
      {
        id: `${ns}-api-in`,
        name: 'api-from-web',
        namespace: ns,
        spec: { podSelector: { matchLabels: { tier: 'api' } }, ingress: [{ from: [{ podSelector: { matchLabels: { tier: 'web' } } }] }] },
      },
    ]),
  };
  const r = parseScenario(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return r.scenario;
}
