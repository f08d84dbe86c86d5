/**
 * The cluster the NetworkPolicy tests run against (evaluate.test.ts, selector.test.ts, ports.test.ts):
 * two nodes, pods in the namespaces default, mine (labelled project=myproject, user=alice) and other,
 * each with named container ports; and the first example of the Kubernetes docs page
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/ as the page gives it.
 */
import type { Pod, Scenario, ScenarioInput } from '../index';
import { parseScenario } from '../editing';
import { evaluatePolicy, type PolicyDirection, type PolicyPeerEnd } from './evaluate';

export type PolicyInput = NonNullable<ScenarioInput['networkPolicies']>[number];

export function cluster(policies: PolicyInput[], extra: Partial<ScenarioInput> = {}): Scenario {
  const pod = (name: string, namespace: string, labels: Record<string, string>, node = 'n1') => ({
    id: `${namespace}-${name}`,
    name,
    namespace,
    labels,
    node,
    containers: [
      {
        name: 'c',
        ports: [
          { name: 'redis', containerPort: 6379 },
          { name: 'http', containerPort: 80 },
          { name: 'dns', containerPort: 53, protocol: 'UDP' as const },
        ],
      },
    ],
  });
  const r = parseScenario({
    version: 1,
    cluster: { cni: 'calico' },
    subnets: [{ id: 's', name: 's', cidr: '192.168.1.0/24' }],
    nodes: [
      { id: 'n1', name: 'node-1', subnet: 's', ip: '192.168.1.10' },
      { id: 'n2', name: 'node-2', subnet: 's', ip: '192.168.1.11' },
    ],
    namespaces: [{ name: 'default' }, { name: 'mine', labels: { project: 'myproject', user: 'alice' } }, { name: 'other' }],
    pods: [
      pod('db', 'default', { role: 'db' }, 'n2'),
      pod('frontend', 'default', { role: 'frontend' }),
      pod('client', 'default', { role: 'client' }),
      pod('frontend', 'other', { role: 'frontend' }),
      pod('anything', 'mine', { app: 'x' }),
      pod('client', 'mine', { role: 'client' }),
    ],
    networkPolicies: policies,
    ...extra,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

export const podOf = (s: Scenario, id: string): Pod => s.pods.find((p) => p.id === id)!;
export const fromPod = (s: Scenario, id: string): PolicyPeerEnd => ({ ip: podOf(s, id).ip, pod: podOf(s, id) });
export const fromIp = (ip: string): PolicyPeerEnd => ({ ip });

export function verdict(s: Scenario, podId: string, direction: PolicyDirection, peer: PolicyPeerEnd, port?: number, proto: 'tcp' | 'udp' | 'icmp' = 'tcp') {
  return evaluatePolicy(s, { pod: podOf(s, podId), direction, peer, proto, ...(port !== undefined ? { port } : {}) });
}
export const kind = (...a: Parameters<typeof verdict>) => verdict(...a).kind;

/** The page's first example, "The NetworkPolicy resource". */
export const testNetworkPolicy: PolicyInput = {
  id: 'np',
  name: 'test-network-policy',
  namespace: 'default',
  spec: {
    podSelector: { matchLabels: { role: 'db' } },
    policyTypes: ['Ingress', 'Egress'],
    ingress: [
      {
        from: [
          { ipBlock: { cidr: '172.17.0.0/16', except: ['172.17.1.0/24'] } },
          { namespaceSelector: { matchLabels: { project: 'myproject' } } },
          { podSelector: { matchLabels: { role: 'frontend' } } },
        ],
        ports: [{ protocol: 'TCP', port: 6379 }],
      },
    ],
    egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ protocol: 'TCP', port: 5978 }] }],
  },
};
