/**
 * NetworkPolicy semantics, point by point, against the Kubernetes docs page
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/ (section named in each test),
 * including that page's examples, which are written here as the page gives them. This file: which pods are
 * isolated, in which direction, by which policies; selector.test.ts and ports.test.ts hold the others,
 * policy.fixtures.ts the cluster they all run against.
 */
import { describe, expect, it } from 'vitest';
import { effectivePolicyTypes } from './evaluate';
import { cluster, fromIp, fromPod, kind, podOf, verdict } from './policy.fixtures';

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

  it('IP blocks: "traffic to and from the node where a Pod is running is always allowed"', () => {
    const s = cluster([{ id: 'p', name: 'default-deny-all', namespace: 'default', spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } }]);
    const db = podOf(s, 'default-db'); // on node-2
    expect(kind(s, 'default-db', 'ingress', { ip: '192.168.1.11', nodeId: db.node }, 8080)).toBe('node-local');
    expect(kind(s, 'default-db', 'egress', { ip: '192.168.1.11', nodeId: db.node }, 10250)).toBe('node-local');
    // Another node is not exempt.
    expect(kind(s, 'default-db', 'ingress', { ip: '192.168.1.10', nodeId: 'n1' }, 8080)).toBe('denied');
  });
});
