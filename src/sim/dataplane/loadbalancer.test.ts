/**
 * A cloud load balancer in front of NodePorts (kubernetes.io/docs/concepts/services-networking/service/#loadbalancer
 * and #external-traffic-policy; .../create-external-load-balancer/#preserving-the-client-source-ip):
 * with externalTrafficPolicy Local the balancer health-checks healthCheckNodePort and only nodes with a
 * local endpoint pass, so the client IP is kept and no second hop happens.
 */
import { describe, expect, it } from 'vitest';
import { loadExample, withChanges } from '../testing/examples';
import { topology } from '../model/topology';
import { trace } from '../trace/trace';
import { nodeHealth } from './loadbalancer';

describe('LoadBalancer with externalTrafficPolicy Local', () => {
  const s = loadExample('loadbalancer-local');

  it('health-checks healthCheckNodePort: 200 where a local endpoint runs, 503 on the empty node', () => {
    const t = topology(s);
    const svc = t.services.get('svc-web')!;
    const h = nodeHealth(t, svc, svc.ports[0]!);
    expect(h.map((x) => [x.node.id, x.healthy])).toEqual([
      ['node-1', true],
      ['node-2', true],
      ['node-3', false],
    ]);
    expect(h[2]!.check).toBe('GET http://10.0.1.12:32000/healthz -> 503 {"localEndpoints": 0}');
  });

  it("shows the LB hop, sends only to healthy nodes' NodePort and keeps the client IP", () => {
    const nodes = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const r = trace(s, { from: 'laptop', to: '203.0.113.100', port: 80 }, { seed, reply: false });
      expect(r.verdict).toBe('delivered');
      const lb = r.hops.find((h) => h.action === 'lb')!;
      expect(lb).toMatchObject({ at: 'lb-web', kind: 'loadBalancer' });
      expect(lb.packet.dport).toBe(31080);
      nodes.add(lb.packet.dst);
      const pod = r.hops[r.hops.length - 1]!;
      expect(pod.packet.src).toBe('203.0.113.7');
      expect(r.hops.some((h) => h.action === 'snat')).toBe(false);
    }
    expect(nodes).toEqual(new Set(['10.0.1.10', '10.0.1.11']));
  });

  it('returns the reply through the balancer, which restores its own address', () => {
    const r = trace(s, { from: 'laptop', to: '203.0.113.100', port: 80 }, { seed: 9 });
    const un = r.reply!.hops.filter((h) => h.action === 'unnat');
    expect(un[un.length - 1]).toMatchObject({ at: 'lb-web' });
    expect(r.reply!.hops[r.reply!.hops.length - 1]!.packet).toMatchObject({ src: '203.0.113.100', sport: 80, dst: '203.0.113.7' });
  });

  // AWS NLB: "If all targets fail health checks at the same time in all enabled Availability Zones,
  // the load balancer fails open" (docs.aws.amazon.com/elasticloadbalancing/latest/network/
  // target-group-health-checks.html); GCP passthrough load balancers likewise send to all backends
  // when none is healthy. The node it picks then answers as kube-proxy would: no endpoints, REJECT.
  it('fails open when no node passes the health check; the node it picks rejects (no endpoints)', () => {
    const empty = withChanges(s, (c) => {
      c.pods = [];
    });
    const r = trace(empty, { from: 'laptop', to: '203.0.113.100', port: 80 }, { seed: 1 });
    const lb = r.hops.find((h) => h.action === 'lb')!;
    expect(lb.msg.code).toBe('hop.lb-fail-open');
    expect(s.nodes.map((n) => n.ip)).toContain(lb.packet.dst);
    expect(r.reason?.code).toBe('no-endpoints');
    expect(s.nodes.map((n) => n.id)).toContain(r.reason?.at);
  });

  it('returns the reply through the balancer without a hop of its own on the node (the node keeps no state for it)', () => {
    const r = trace(s, { from: 'laptop', to: '203.0.113.100', port: 80 }, { seed: 2 });
    expect(r.reply?.verdict).toBe('delivered');
    expect(r.reply!.hops.findIndex((h) => h.action === 'unnat' && h.at === 'lb-web')).toBeGreaterThan(0);
    expect(r.reply!.hops.some((h) => h.match?.some((m) => m.kind === 'lb' && m.rule.includes('tracked by')))).toBe(false);
  });

  it('under Cluster every node is healthy and the node masquerades the client', () => {
    const cluster = withChanges(s, (c) => {
      c.services[0]!.externalTrafficPolicy = 'Cluster';
    });
    const picked = new Set(
      Array.from(
        { length: 40 },
        (_, seed) => trace(cluster, { from: 'laptop', to: '203.0.113.100', port: 80 }, { seed, reply: false }).hops.find((h) => h.action === 'lb')!.packet.dst,
      ),
    );
    expect(picked.has('10.0.1.12')).toBe(true);
    const viaEmpty = Array.from({ length: 40 }, (_, seed) => trace(cluster, { from: 'laptop', to: '203.0.113.100', port: 80 }, { seed })).find(
      (r) => r.hops.find((h) => h.action === 'lb')!.packet.dst === '10.0.1.12',
    )!;
    expect(viaEmpty.verdict).toBe('delivered');
    expect(viaEmpty.hops[viaEmpty.hops.length - 1]!.packet.src).not.toBe('203.0.113.7');
    expect(viaEmpty.reply!.verdict).toBe('delivered');
  });

  it('has no listener for a port the Service does not expose', () => {
    const r = trace(s, { from: 'laptop', to: '203.0.113.100', port: 8080 }, { seed: 1 });
    expect(r.reason).toMatchObject({ code: 'port-closed', at: 'lb-web' });
  });

  it('is short-circuited by kube-proxy when a pod inside the cluster connects to the load balancer IP', () => {
    // proxier.go: "-d <LB IP> --dport <port> -j KUBE-EXT-*" and, under Local, "pod traffic for ... external
    // destinations" jumps to KUBE-SVC-*: the packet never leaves for the balancer.
    const r = trace(s, { from: 'web-1', to: '203.0.113.100', port: 80 }, { seed: 2 });
    expect(r.verdict).toBe('delivered');
    expect(r.hops.some((h) => h.kind === 'loadBalancer')).toBe(false);
    const dnat = r.hops.find((h) => h.action === 'dnat')!;
    expect(dnat.match!.some((m) => m.rule.includes('"default/web:http loadbalancer IP"'))).toBe(true);
    expect(dnat.match!.some((m) => m.rule.includes('pod traffic for default/web:http external destinations'))).toBe(true);
  });
});
