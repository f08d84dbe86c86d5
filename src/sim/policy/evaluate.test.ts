/**
 * NetworkPolicy semantics, point by point, against the Kubernetes docs page
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/ (section named in each test),
 * including that page's examples, which are written here as the page gives them.
 */
import { describe, expect, it } from 'vitest';
import type { Pod, Scenario, ScenarioInput } from '../index';
import { parseScenario } from '../editing';
import { effectivePolicyTypes, evaluatePolicy, type PolicyDirection, type PolicyPeerEnd } from './evaluate';
import { matchSelector, namespaceLabels } from './selector';

type PolicyInput = NonNullable<ScenarioInput['networkPolicies']>[number];

function cluster(policies: PolicyInput[], extra: Partial<ScenarioInput> = {}): Scenario {
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

const podOf = (s: Scenario, id: string): Pod => s.pods.find((p) => p.id === id)!;
const fromPod = (s: Scenario, id: string): PolicyPeerEnd => ({ ip: podOf(s, id).ip, pod: podOf(s, id) });
const fromIp = (ip: string): PolicyPeerEnd => ({ ip });

function verdict(s: Scenario, podId: string, direction: PolicyDirection, peer: PolicyPeerEnd, port?: number, proto: 'tcp' | 'udp' | 'icmp' = 'tcp') {
  return evaluatePolicy(s, { pod: podOf(s, podId), direction, peer, proto, ...(port !== undefined ? { port } : {}) });
}
const kind = (...a: Parameters<typeof verdict>) => verdict(...a).kind;

/** The page's first example, "The NetworkPolicy resource". */
const testNetworkPolicy: PolicyInput = {
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

describe('NetworkPolicy semantics (kubernetes.io network-policies page)', () => {
  it('"The two sorts of pod isolation": no policy selects a pod, so it is not isolated either way', () => {
    const s = cluster([]);
    expect(kind(s, 'default-db', 'ingress', fromIp('8.8.8.8'), 80)).toBe('not-isolated');
    expect(kind(s, 'default-db', 'egress', fromIp('8.8.8.8'), 80)).toBe('not-isolated');
  });

  it('"The two sorts of pod isolation": isolation is per direction, by the policy types of the policies selecting the pod', () => {
    const s = cluster([
      { id: 'p', name: 'ingress-only', namespace: 'default', spec: { podSelector: { matchLabels: { role: 'db' } }, policyTypes: ['Ingress'] } },
    ]);
    expect(verdict(s, 'default-db', 'ingress', fromIp('8.8.8.8'), 80)).toEqual({ kind: 'denied', policies: ['default/ingress-only'] });
    expect(kind(s, 'default-db', 'egress', fromIp('8.8.8.8'), 80)).toBe('not-isolated');
    // Pods the policy does not select stay non-isolated.
    expect(kind(s, 'default-frontend', 'ingress', fromIp('8.8.8.8'), 80)).toBe('not-isolated');
  });

  it('"The NetworkPolicy resource": policyTypes left out defaults to Ingress, plus Egress when the policy has egress rules', () => {
    const s = cluster([
      { id: 'a', name: 'no-types', namespace: 'default', spec: { podSelector: {}, ingress: [] } },
      { id: 'b', name: 'with-egress', namespace: 'other', spec: { podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] } },
    ]);
    expect(effectivePolicyTypes(s.networkPolicies[0]!)).toEqual(['Ingress']);
    expect(effectivePolicyTypes(s.networkPolicies[1]!)).toEqual(['Ingress', 'Egress']);
    expect(kind(s, 'default-db', 'egress', fromIp('8.8.8.8'), 80)).toBe('not-isolated');
    expect(kind(s, 'other-frontend', 'egress', fromIp('8.8.8.8'), 80)).toBe('denied');
    expect(kind(s, 'other-frontend', 'ingress', fromIp('8.8.8.8'), 80)).toBe('denied');
  });

  it('"The NetworkPolicy resource": the test-network-policy example allows exactly what the page lists', () => {
    const s = cluster([testNetworkPolicy]);
    // Ingress to role=db on TCP 6379 from role=frontend pods of "default" ...
    const fe = verdict(s, 'default-db', 'ingress', fromPod(s, 'default-frontend'), 6379);
    expect(fe).toMatchObject({ kind: 'allowed', policies: ['default/test-network-policy'], by: { policy: 'default/test-network-policy', rule: 0 } });
    expect(fe.kind === 'allowed' && fe.by.text).toBe('default/test-network-policy ingress[0]: from podSelector role=frontend, port TCP 6379');
    // ... not from role=frontend pods of another namespace (podSelector alone means the policy's namespace) ...
    expect(kind(s, 'default-db', 'ingress', fromPod(s, 'other-frontend'), 6379)).toBe('denied');
    // ... from any pod of a namespace labelled project=myproject ...
    expect(kind(s, 'default-db', 'ingress', fromPod(s, 'mine-anything'), 6379)).toBe('allowed');
    // ... from 172.17.0.0-172.17.0.255 and 172.17.2.0-172.17.255.255, not 172.17.1.0/24 ...
    expect(kind(s, 'default-db', 'ingress', fromIp('172.17.0.9'), 6379)).toBe('allowed');
    expect(kind(s, 'default-db', 'ingress', fromIp('172.17.1.9'), 6379)).toBe('denied');
    expect(kind(s, 'default-db', 'ingress', fromIp('172.17.200.1'), 6379)).toBe('allowed');
    // ... and only on TCP 6379.
    expect(kind(s, 'default-db', 'ingress', fromPod(s, 'default-frontend'), 6380)).toBe('denied');
    expect(kind(s, 'default-db', 'ingress', fromPod(s, 'default-frontend'), 6379, 'udp')).toBe('denied');
    // Egress from role=db to 10.0.0.0/24 on TCP 5978, nothing else.
    expect(kind(s, 'default-db', 'egress', fromIp('10.0.0.7'), 5978)).toBe('allowed');
    expect(kind(s, 'default-db', 'egress', fromIp('10.0.0.7'), 80)).toBe('denied');
    expect(kind(s, 'default-db', 'egress', fromIp('10.0.1.7'), 5978)).toBe('denied');
    expect(kind(s, 'default-db', 'egress', fromPod(s, 'default-frontend'), 5978)).toBe('denied');
  });

  it('"Behavior of to and from selectors": namespaceSelector and podSelector in one element AND, in two elements OR', () => {
    const and = cluster([
      {
        id: 'p',
        name: 'and',
        namespace: 'default',
        spec: {
          podSelector: { matchLabels: { role: 'db' } },
          ingress: [{ from: [{ namespaceSelector: { matchLabels: { user: 'alice' } }, podSelector: { matchLabels: { role: 'client' } } }] }],
        },
      },
    ]);
    const or = cluster([
      {
        id: 'p',
        name: 'or',
        namespace: 'default',
        spec: {
          podSelector: { matchLabels: { role: 'db' } },
          ingress: [{ from: [{ namespaceSelector: { matchLabels: { user: 'alice' } } }, { podSelector: { matchLabels: { role: 'client' } } }] }],
        },
      },
    ]);
    // role=client in a user=alice namespace: both allow.
    expect(kind(and, 'default-db', 'ingress', fromPod(and, 'mine-client'), 6379)).toBe('allowed');
    expect(kind(or, 'default-db', 'ingress', fromPod(or, 'mine-client'), 6379)).toBe('allowed');
    // Any other pod of the user=alice namespace: only OR allows.
    expect(kind(and, 'default-db', 'ingress', fromPod(and, 'mine-anything'), 6379)).toBe('denied');
    expect(kind(or, 'default-db', 'ingress', fromPod(or, 'mine-anything'), 6379)).toBe('allowed');
    // role=client in the policy's own namespace: only OR allows (its podSelector is the local namespace).
    expect(kind(and, 'default-db', 'ingress', fromPod(and, 'default-client'), 6379)).toBe('denied');
    expect(kind(or, 'default-db', 'ingress', fromPod(or, 'default-client'), 6379)).toBe('allowed');
  });

  it('"Network policies do not conflict; they are additive": the union of the selecting policies\' rules', () => {
    const s = cluster([
      {
        id: 'a',
        name: 'allow-frontend',
        namespace: 'default',
        spec: { podSelector: { matchLabels: { role: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'frontend' } } }] }] },
      },
      {
        id: 'b',
        name: 'allow-client',
        namespace: 'default',
        spec: { podSelector: { matchLabels: { role: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'client' } } }] }] },
      },
    ]);
    expect(verdict(s, 'default-db', 'ingress', fromPod(s, 'default-client'), 80)).toMatchObject({
      kind: 'allowed',
      policies: ['default/allow-frontend', 'default/allow-client'],
      by: { policy: 'default/allow-client' },
    });
    expect(kind(s, 'default-db', 'ingress', fromPod(s, 'default-frontend'), 80)).toBe('allowed');
    expect(verdict(s, 'default-db', 'ingress', fromPod(s, 'mine-anything'), 80)).toEqual({
      kind: 'denied',
      policies: ['default/allow-frontend', 'default/allow-client'],
    });
  });

  it('"Default policies": default deny all ingress, allow all ingress, default deny all egress, allow all egress, default deny all', () => {
    const denyIngress = cluster([{ id: 'p', name: 'default-deny-ingress', namespace: 'default', spec: { podSelector: {}, policyTypes: ['Ingress'] } }]);
    expect(kind(denyIngress, 'default-db', 'ingress', fromPod(denyIngress, 'default-frontend'), 80)).toBe('denied');
    expect(kind(denyIngress, 'default-frontend', 'ingress', fromIp('8.8.8.8'), 80)).toBe('denied');
    expect(kind(denyIngress, 'default-db', 'egress', fromIp('8.8.8.8'), 80)).toBe('not-isolated'); // "does not change the default egress isolation behavior"
    expect(kind(denyIngress, 'other-frontend', 'ingress', fromIp('8.8.8.8'), 80)).toBe('not-isolated'); // only its namespace

    const allowIngress = cluster([
      { id: 'd', name: 'default-deny-ingress', namespace: 'default', spec: { podSelector: {}, policyTypes: ['Ingress'] } },
      { id: 'p', name: 'allow-all-ingress', namespace: 'default', spec: { podSelector: {}, ingress: [{}], policyTypes: ['Ingress'] } },
    ]);
    expect(verdict(allowIngress, 'default-db', 'ingress', fromIp('8.8.8.8'), 12345)).toMatchObject({
      kind: 'allowed',
      by: { policy: 'default/allow-all-ingress', text: 'default/allow-all-ingress ingress[0]: from <any>, port <any>' },
    });
    expect(kind(allowIngress, 'default-db', 'ingress', fromIp('8.8.8.8'), undefined, 'icmp')).toBe('allowed');

    const denyEgress = cluster([{ id: 'p', name: 'default-deny-egress', namespace: 'default', spec: { podSelector: {}, policyTypes: ['Egress'] } }]);
    expect(kind(denyEgress, 'default-db', 'egress', fromIp('8.8.8.8'), 53, 'udp')).toBe('denied');
    expect(kind(denyEgress, 'default-db', 'ingress', fromIp('8.8.8.8'), 80)).toBe('not-isolated');

    const allowEgress = cluster([
      { id: 'd', name: 'default-deny-egress', namespace: 'default', spec: { podSelector: {}, policyTypes: ['Egress'] } },
      { id: 'p', name: 'allow-all-egress', namespace: 'default', spec: { podSelector: {}, egress: [{}], policyTypes: ['Egress'] } },
    ]);
    expect(kind(allowEgress, 'default-db', 'egress', fromIp('8.8.8.8'), 443)).toBe('allowed');

    const denyAll = cluster([{ id: 'p', name: 'default-deny-all', namespace: 'default', spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } }]);
    expect(kind(denyAll, 'default-db', 'ingress', fromPod(denyAll, 'default-frontend'), 80)).toBe('denied');
    expect(kind(denyAll, 'default-frontend', 'egress', fromPod(denyAll, 'default-db'), 80)).toBe('denied');
  });

  it('"Targeting a range of ports": port with endPort allows the whole range, ends included', () => {
    const s = cluster([
      {
        id: 'p',
        name: 'multi-port-egress',
        namespace: 'default',
        spec: {
          podSelector: { matchLabels: { role: 'db' } },
          policyTypes: ['Egress'],
          egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ protocol: 'TCP', port: 32000, endPort: 32768 }] }],
        },
      },
    ]);
    expect(kind(s, 'default-db', 'egress', fromIp('10.0.0.1'), 32000)).toBe('allowed');
    expect(kind(s, 'default-db', 'egress', fromIp('10.0.0.1'), 32768)).toBe('allowed');
    expect(kind(s, 'default-db', 'egress', fromIp('10.0.0.1'), 31999)).toBe('denied');
    expect(kind(s, 'default-db', 'egress', fromIp('10.0.0.1'), 32769)).toBe('denied');
  });

  it('"Targeting a Namespace by its name": every namespace carries kubernetes.io/metadata.name, set to its name', () => {
    const s = cluster([
      {
        id: 'p',
        name: 'from-mine',
        namespace: 'default',
        spec: {
          podSelector: { matchLabels: { role: 'db' } },
          ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'mine' } } }] }],
        },
      },
    ]);
    expect(namespaceLabels(s, 'mine')).toEqual({ project: 'myproject', user: 'alice', 'kubernetes.io/metadata.name': 'mine' });
    expect(namespaceLabels(s, 'never-listed')).toEqual({ 'kubernetes.io/metadata.name': 'never-listed' });
    expect(kind(s, 'default-db', 'ingress', fromPod(s, 'mine-anything'), 80)).toBe('allowed');
    expect(kind(s, 'default-db', 'ingress', fromPod(s, 'other-frontend'), 80)).toBe('denied');
  });

  it('a user cannot override kubernetes.io/metadata.name on a namespace (the API server sets it)', () => {
    const s = cluster([], { namespaces: [{ name: 'mine', labels: { 'kubernetes.io/metadata.name': 'spoofed' } }] });
    expect(namespaceLabels(s, 'mine')['kubernetes.io/metadata.name']).toBe('mine');
  });

  it('"The NetworkPolicy resource" (ports): a named port is the receiving pod\'s container port of that name and protocol', () => {
    const s = cluster([
      { id: 'i', name: 'named-in', namespace: 'default', spec: { podSelector: { matchLabels: { role: 'db' } }, ingress: [{ ports: [{ port: 'redis' }] }] } },
      {
        id: 'e',
        name: 'named-out',
        namespace: 'default',
        spec: { podSelector: { matchLabels: { role: 'frontend' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'dns', protocol: 'UDP' }] }] },
      },
    ]);
    expect(kind(s, 'default-db', 'ingress', fromPod(s, 'default-frontend'), 6379)).toBe('allowed');
    expect(kind(s, 'default-db', 'ingress', fromPod(s, 'default-frontend'), 80)).toBe('denied');
    // Egress: the name is looked up on the destination pod; an outside address has no named ports.
    expect(kind(s, 'default-frontend', 'egress', fromPod(s, 'default-db'), 53, 'udp')).toBe('allowed');
    expect(kind(s, 'default-frontend', 'egress', fromIp('8.8.8.8'), 53, 'udp')).toBe('denied');
  });

  it('"Network traffic filtering": port rules are for TCP, UDP and SCTP; a rule without ports matches every protocol', () => {
    const s = cluster([
      { id: 'a', name: 'tcp-80', namespace: 'default', spec: { podSelector: { matchLabels: { role: 'db' } }, ingress: [{ ports: [{ port: 80 }] }] } },
      {
        id: 'b',
        name: 'udp-all',
        namespace: 'default',
        spec: { podSelector: { matchLabels: { role: 'frontend' } }, ingress: [{ ports: [{ protocol: 'UDP' }] }] },
      },
    ]);
    expect(kind(s, 'default-db', 'ingress', fromIp('1.1.1.1'), 80)).toBe('allowed'); // protocol defaults to TCP
    expect(kind(s, 'default-db', 'ingress', fromIp('1.1.1.1'), 80, 'udp')).toBe('denied');
    expect(kind(s, 'default-db', 'ingress', fromIp('1.1.1.1'), undefined, 'icmp')).toBe('denied');
    expect(kind(s, 'default-frontend', 'ingress', fromIp('1.1.1.1'), 9999, 'udp')).toBe('allowed');
    expect(kind(s, 'default-frontend', 'ingress', fromIp('1.1.1.1'), 9999, 'tcp')).toBe('denied');
  });

  it('IP blocks: "traffic to and from the node where a Pod is running is always allowed"', () => {
    const s = cluster([{ id: 'p', name: 'default-deny-all', namespace: 'default', spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } }]);
    const db = podOf(s, 'default-db'); // on node-2
    expect(kind(s, 'default-db', 'ingress', { ip: '192.168.1.11', nodeId: db.node }, 8080)).toBe('node-local');
    expect(kind(s, 'default-db', 'egress', { ip: '192.168.1.11', nodeId: db.node }, 10250)).toBe('node-local');
    // Another node is not exempt.
    expect(kind(s, 'default-db', 'ingress', { ip: '192.168.1.10', nodeId: 'n1' }, 8080)).toBe('denied');
  });

  it('label selectors: matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist) all must hold', () => {
    const labels = { app: 'web', tier: 'frontend' };
    expect(matchSelector({}, labels)).toBe(true);
    expect(matchSelector({ matchLabels: { app: 'web' } }, labels)).toBe(true);
    expect(matchSelector({ matchLabels: { app: 'web', tier: 'db' } }, labels)).toBe(false);
    expect(matchSelector({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend', 'backend'] }] }, labels)).toBe(true);
    expect(matchSelector({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['backend'] }] }, labels)).toBe(false);
    expect(matchSelector({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['backend'] }] }, labels)).toBe(true);
    // NotIn also matches an object without the key.
    expect(matchSelector({ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, labels)).toBe(true);
    expect(matchSelector({ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, labels)).toBe(true);
    expect(matchSelector({ matchExpressions: [{ key: 'env', operator: 'Exists' }] }, labels)).toBe(false);
    expect(matchSelector({ matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] }, labels)).toBe(true);
    expect(matchSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, labels)).toBe(false);
    // A label named like an Object.prototype key is not "present" unless the pod has it.
    expect(matchSelector({ matchExpressions: [{ key: 'constructor', operator: 'Exists' }] }, labels)).toBe(false);
  });

  it('"Behavior of to and from selectors": pod and namespace selectors select pods, never a node or an outside address', () => {
    const s = cluster([
      {
        id: 'p',
        name: 'all-pods',
        namespace: 'default',
        spec: { podSelector: { matchLabels: { role: 'db' } }, ingress: [{ from: [{ namespaceSelector: {} }] }] },
      },
    ]);
    expect(kind(s, 'default-db', 'ingress', fromPod(s, 'other-frontend'), 80)).toBe('allowed');
    expect(kind(s, 'default-db', 'ingress', fromIp('8.8.8.8'), 80)).toBe('denied');
    expect(kind(s, 'default-db', 'ingress', { ip: '192.168.1.10', nodeId: 'n1' }, 80)).toBe('denied');
  });
});
