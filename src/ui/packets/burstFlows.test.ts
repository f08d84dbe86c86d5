import { describe, expect, it } from 'vitest';
import { type PacketSpec, type Scenario } from '../../sim/index';
import { trace } from '../../sim/tracer';
import { loadExample } from '../../sim/testing/examples';
import { createFlowBuilder } from '../canvas/flow';
import { burstFlows } from './burstFlows';

const burst = (s: Scenario, spec: PacketSpec, n: number) => Array.from({ length: n }, (_, i) => trace(s, spec, { seed: 100 + i }));

describe('a burst as flows on the canvas', () => {
  it("counts each request on its Service's line to the pod that answered, on lines the canvas draws", () => {
    const s = loadExample('clusterip');
    const results = burst(s, { from: 'client', to: 'web', port: 80 }, 20);
    const flows = burstFlows(s, results);
    const edges = new Set(
      createFlowBuilder()
        .edges(s)
        .map((e) => e.id),
    );
    expect([...flows.keys()].every((id) => edges.has(id) && id.startsWith('ep:svc-web:'))).toBe(true);
    expect([...flows.values()].reduce((n, f) => n + f.count, 0)).toBe(20);
    // The same spread as the tally: each endpoint's count.
    for (const [id, f] of flows) {
      const pod = id.split(':')[2];
      expect(f.count).toBe(results.filter((r) => r.endpoint === pod).length);
      expect(f.share).toBeCloseTo(f.count / 20);
    }
    expect(flows.size).toBeGreaterThan(1); // kube-proxy spread them (random per connection)
  });

  it('a pod two Services select: the line of the Service whose NodePort the packet was sent to', () => {
    const s = loadExample('nodeport');
    const flows = burstFlows(s, burst(s, { from: 'laptop', to: '192.168.1.11', port: 30081 }, 6));
    expect([...flows.keys()].every((id) => id.startsWith('ep:svc-web-local:'))).toBe(true);
    const cluster = burstFlows(s, burst(s, { from: 'laptop', to: '192.168.1.11', port: 30080 }, 6));
    expect([...cluster.keys()].every((id) => id.startsWith('ep:svc-web-cluster:'))).toBe(true);
  });
});
