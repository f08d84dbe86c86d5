/**
 * Trace time on generated clusters of 10, 100 and 200 nodes (25 pods per node: up to 5,000 pods).
 * Target: median under 1 ms per trace at 200 nodes, and cost not growing with cluster size beyond
 * the route lookup (the first trace of a scenario builds indexes and route tables; later ones reuse them).
 */
import { trace } from '../src/sim/tracer';
import { generateCluster } from './generate';
import { fmt, timeIt } from './timing';

export function runTraceBench(): void {
  console.log('\n## Pod-to-pod traces (request + reply), median / p95 microseconds per trace');
  console.log('nodes   pods  cni       same-node  cross-node(median)  cross-node(p95)');
  for (const nodes of [10, 100, 200]) {
    for (const cni of ['vxlan', 'host-gw'] as const) {
      const scenario = generateCluster({ nodes, podsPerNode: 25, cni, nodesPerSubnet: cni === 'host-gw' ? 250 : 50 });
      const pods = scenario.pods;
      const same = timeIt((i) => {
        const a = pods[(i * 7) % pods.length]!;
        const b = pods[(((i * 7) % pods.length) + nodes) % pods.length]!; // same node: index + nodes
        trace(scenario, { from: a.id, to: b.ip, port: 8080 }, { seed: i });
      }, 2000);
      const cross = timeIt((i) => {
        const a = pods[(i * 13) % pods.length]!;
        const b = pods[(i * 13 + 1) % pods.length]!; // next pod: the next node
        trace(scenario, { from: a.id, to: b.ip, port: 8080 }, { seed: i });
      }, 2000);
      console.log(
        `${String(nodes).padStart(5)} ${String(pods.length).padStart(6)}  ${cni.padEnd(8)}${fmt(same.medianUs)}  ${fmt(cross.medianUs)}          ${fmt(cross.p95Us)}`,
      );
    }
  }
}
