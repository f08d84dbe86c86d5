/**
 * NetworkPolicy semantics, point by point, against the Kubernetes docs page
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/ (section named in each test),
 * including that page's examples, which are written here as the page gives them. This file: what a rule's
 * peers select (pod, namespace and label selectors, namespace names, ipBlock); the cluster is in
 * policy.fixtures.ts.
 */
import { describe, expect, it } from 'vitest';
import { matchSelector, namespaceLabels } from './selector';
import { cluster, fromIp, fromPod, kind, testNetworkPolicy, verdict } from './policy.fixtures';

describe('NetworkPolicy semantics (kubernetes.io network-policies page)', () => {
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
