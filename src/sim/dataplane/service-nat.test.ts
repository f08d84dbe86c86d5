/**
 * Services in the tracer, iptables mode. Behaviour follows kubernetes.io/docs/concepts/services-networking/service/
 * (ClusterIP, NodePort, externalTrafficPolicy), .../service-traffic-policy/ (internalTrafficPolicy Local),
 * kubernetes.io/docs/reference/networking/virtual-ips/ (session affinity, random endpoint choice) and
 * kube-proxy's rules in pkg/proxy/iptables/proxier.go (KUBE-MARK-MASQ for off-cluster sources, hairpin
 * masquerade in KUBE-SEP, REJECT without endpoints, DROP without local endpoints).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadExample, withChanges } from '../testing/examples';
import { trace } from '../trace/trace';
import { createSessionState } from './session';
import type { Hop } from '../trace/types';
import { formatMessage } from '../../i18n/sim/index';

const find = (hops: Hop[], action: string) => hops.find((h) => h.action === action);

describe('ClusterIP from a pod', () => {
  const s = loadExample('clusterip');

  it("DNATs the ClusterIP to an endpoint on the client's node and walks KUBE-SERVICES -> KUBE-SVC -> KUBE-SEP", () => {
    const r = trace(s, { from: 'client', to: '10.96.0.2', port: 80 }, { seed: 5 });
    expect(r.verdict).toBe('delivered');
    const dnat = find(r.hops, 'dnat')!;
    expect(dnat.at).toBe('node-1');
    expect(dnat.iface).toBe('cni0');
    expect(dnat.changed).toEqual(expect.arrayContaining(['dst', 'dport']));
    expect(dnat.match!.map((m) => m.chain?.replace(/-[A-Z2-7]{16}$/, ''))).toEqual(['PREROUTING', 'KUBE-SERVICES', 'KUBE-SVC', 'KUBE-SEP']);
    expect(dnat.match![3]!.rule).toContain(`-j DNAT --to-destination ${dnat.packet.dst}:8080`);
    expect(r.hops[r.hops.length - 1]!.at).toBe(r.endpoint);
    expect(dnat.packet.dport).toBe(8080);
  });

  it('reverses the DNAT on the reply, so the client sees the ClusterIP answer', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const r = trace(s, { from: 'client', to: '10.96.0.2', port: 80 }, { seed });
      const last = r.reply!.hops[r.reply!.hops.length - 1]!;
      expect(r.reply!.verdict).toBe('delivered');
      expect(last.at).toBe('client');
      expect(last.packet).toMatchObject({ src: '10.96.0.2', sport: 80, dst: r.hops[0]!.packet.src, dport: r.hops[0]!.packet.sport });
    }
  });

  it('is reproducible from its seed and spreads over the endpoints across seeds', () => {
    const a = trace(s, { from: 'client', to: '10.96.0.2', port: 80 }, { seed: 42 });
    expect(trace(s, { from: 'client', to: '10.96.0.2', port: 80 }, { seed: 42 })).toEqual(a);
    const seen = new Set(Array.from({ length: 60 }, (_, i) => trace(s, { from: 'client', to: '10.96.0.2', port: 80 }, { seed: i, reply: false }).endpoint));
    expect(seen).toEqual(new Set(['web-1', 'web-2', 'web-3']));
  });

  it('masquerades hairpin traffic: a pod reaching itself through its Service', () => {
    const seed = Array.from({ length: 50 }, (_, i) => i).find(
      (i) => trace(s, { from: 'web-1', to: '10.96.0.2', port: 80 }, { seed: i, reply: false }).endpoint === 'web-1',
    )!;
    const r = trace(s, { from: 'web-1', to: '10.96.0.2', port: 80 }, { seed });
    const snat = find(r.hops, 'snat')!;
    expect(snat.packet.src).toBe('10.244.0.1'); // cni0's address on node-1
    expect(snat.match!.some((m) => m.chain === 'KUBE-POSTROUTING' && m.rule.includes('MASQUERADE'))).toBe(true);
    expect(find(r.hops, 'dnat')!.match!.some((m) => /^-A KUBE-SEP-\w+ -s 10\.244\.0\.4\/32 .* -j KUBE-MARK-MASQ$/.test(m.rule))).toBe(true);
    expect(r.reply!.verdict).toBe('delivered');
    expect(r.reply!.hops[r.reply!.hops.length - 1]!.packet).toMatchObject({ src: '10.96.0.2', sport: 80, dst: '10.244.0.4' });
  });

  it('marks traffic to a ClusterIP from outside the pod CIDR (the node itself) and masquerades it', () => {
    const r = trace(s, { from: 'node-1', to: '10.96.0.2', port: 80 }, { seed: 3 });
    expect(r.verdict).toBe('delivered');
    const dnat = find(r.hops, 'dnat')!;
    expect(dnat.match!.some((m) => m.rule.includes('! -s 10.244.0.0/16') && m.rule.endsWith('-j KUBE-MARK-MASQ'))).toBe(true);
    expect(formatMessage('en', dnat.msg)).toContain('outside the cluster pod CIDR');
    const snat = find(r.hops, 'snat')!;
    expect(['10.244.0.1', '10.244.0.0']).toContain(snat.packet.src);
    expect(r.reply!.verdict).toBe('delivered');
    // The node's socket sees the answer from the ClusterIP it connected to.
    expect(r.reply!.hops[r.reply!.hops.length - 1]!.packet).toMatchObject({ src: '10.96.0.2', sport: 80, dst: '192.168.1.10' });
  });

  it('leaves ICMP to a ClusterIP alone in iptables mode: no rule matches and the router has no route', () => {
    const r = trace(s, { from: 'client', to: '10.96.0.2' }, { seed: 1 });
    expect(r.verdict).toBe('dropped');
    expect(r.reason!.code).toBe('no-route');
    expect(find(r.hops, 'dnat')).toBeUndefined();
  });
});

describe('a Service without endpoints', () => {
  it("is REJECTed by kube-proxy's filter rule with reason no-endpoints", () => {
    const s = loadExample('no-endpoints');
    const r = trace(s, { from: 'client', to: '10.96.0.2', port: 80 }, { seed: 1 });
    expect(r.verdict).toBe('dropped');
    expect(r.reason).toMatchObject({ code: 'no-endpoints', at: 'node-1' });
    const last = r.hops[r.hops.length - 1]!;
    expect(last.match!.some((m) => m.table === 'filter' && m.rule.endsWith('-j REJECT --reject-with icmp-port-unreachable'))).toBe(true);
  });
});

describe('NodePort', () => {
  const s = loadExample('nodeport');

  it('Cluster: any node forwards, possibly to another node, and SNATs the client to the node', () => {
    const r = trace(s, { from: 'laptop', to: '192.168.1.12', port: 30080 }, { seed: 3 });
    expect(r.verdict).toBe('delivered');
    const dnat = find(r.hops, 'dnat')!;
    expect(dnat.at).toBe('node-3');
    expect(dnat.match!.some((m) => m.chain === 'KUBE-NODEPORTS')).toBe(true);
    expect(formatMessage('en', dnat.msg)).toContain('NodePort 30080 of default/web-cluster:http');
    expect(dnat.match!.some((m) => m.chain?.startsWith('KUBE-EXT-') && m.rule.endsWith('-j KUBE-MARK-MASQ'))).toBe(true);
    const delivered = r.hops[r.hops.length - 1]!;
    expect(delivered.packet.src).not.toBe('203.0.113.7');
    expect(delivered.packet.src.startsWith('10.244.2.')).toBe(true); // node-3's flannel.1 address
    const back = r.reply!.hops[r.reply!.hops.length - 1]!;
    expect(back.packet).toMatchObject({ src: '192.168.1.12', sport: 30080, dst: '203.0.113.7' });
  });

  it("Local: only the node's own endpoint, the client IP is preserved", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const r = trace(s, { from: 'laptop', to: '192.168.1.11', port: 30081 }, { seed });
      expect(r.endpoint).toBe('web-2');
      expect(find(r.hops, 'snat')).toBeUndefined();
      expect(r.hops[r.hops.length - 1]!.packet.src).toBe('203.0.113.7');
    }
  });

  it('Local: a node without a local endpoint drops with no-local-endpoints', () => {
    const r = trace(s, { from: 'laptop', to: '192.168.1.12', port: 30081 }, { seed: 1 });
    expect(r.reason).toMatchObject({ code: 'no-local-endpoints', at: 'node-3' });
  });
});

describe('internalTrafficPolicy Local', () => {
  const s = withChanges(loadExample('clusterip'), (c) => {
    c.services.find((x) => x.id === 'svc-web')!.internalTrafficPolicy = 'Local';
  });

  it('keeps in-cluster callers on endpoints of their own node', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7]) expect(trace(s, { from: 'client', to: '10.96.0.2', port: 80 }, { seed }).endpoint).toBe('web-1');
  });

  it("drops when the caller's node has no endpoint", () => {
    const s2 = withChanges(s, (c) => {
      c.pods = c.pods.filter((p) => p.id !== 'web-1');
    });
    const r = trace(s2, { from: 'client', to: '10.96.0.2', port: 80 }, { seed: 1 });
    expect(r.reason!.code).toBe('no-local-endpoints');
  });
});

describe('endpoint choice over many requests', () => {
  const s = loadExample('clusterip');
  const affine = withChanges(s, (c) => {
    c.services.find((x) => x.id === 'svc-web')!.sessionAffinity = 'ClientIP';
  });

  it('with sessionAffinity ClientIP, every request of a session reaches one endpoint', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 2, max: 30 }), (seed, n) => {
        const session = createSessionState();
        const eps = new Set(
          Array.from({ length: n }, (_, i) => trace(affine, { from: 'client', to: '10.96.0.2', port: 80 }, { seed: seed + i, reply: false, session }).endpoint),
        );
        expect(eps.size).toBe(1);
      }),
      { numRuns: 40, seed: 4 },
    );
  });

  it('affinity comes from the recent list, and ends after the timeout', () => {
    const session = createSessionState();
    trace(affine, { from: 'client', to: '10.96.0.2', port: 80 }, { seed: 1, reply: false, session });
    const again = trace(affine, { from: 'client', to: '10.96.0.2', port: 80 }, { seed: 2, reply: false, session });
    expect(find(again.hops, 'dnat')!.match!.some((m) => m.rule.includes('--rcheck --seconds 10800'))).toBe(true);
    session.now += 10801;
    const later = trace(affine, { from: 'client', to: '10.96.0.2', port: 80 }, { seed: 3, reply: false, session });
    expect(find(later.hops, 'dnat')!.match!.some((m) => m.rule.includes('--rcheck'))).toBe(false);
  });

  it('without affinity, the tally of 3000 requests is within 5 standard deviations of uniform', () => {
    const n = 3000;
    const session = createSessionState();
    const tally: Record<string, number> = {};
    for (let i = 0; i < n; i++) {
      const ep = trace(s, { from: 'client', to: '10.96.0.2', port: 80 }, { seed: 1000 + i, reply: false, session }).endpoint!;
      tally[ep] = (tally[ep] ?? 0) + 1;
    }
    const sd = Math.sqrt(n * (1 / 3) * (2 / 3));
    expect(Object.keys(tally).sort()).toEqual(['web-1', 'web-2', 'web-3']);
    for (const count of Object.values(tally)) expect(Math.abs(count - n / 3)).toBeLessThan(5 * sd);
  });
});
