/**
 * NetworkPolicy semantics, point by point, against the Kubernetes docs page
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/ (section named in each test),
 * including that page's examples, which are written here as the page gives them. This file: which ports
 * and protocols a rule allows (port ranges, named ports, protocols); the cluster is in policy.fixtures.ts.
 */
import { describe, expect, it } from 'vitest';
import { cluster, fromIp, fromPod, kind } from './policy.fixtures';

describe('NetworkPolicy semantics (kubernetes.io network-policies page)', () => {
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
});
