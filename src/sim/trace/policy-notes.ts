/**
 * flannel implements no NetworkPolicy: with flannel a policy selecting the pods of a trace changes
 * nothing, and the trace says so once, naming the policies that would have applied.
 */
import type { ElementKind } from '../model/schema';
import type { Topology } from '../model/topology';
import { isolatingPolicies, policyRef } from '../policy/evaluate';
import type { PathResult, TraceNote, TraceResult } from './types';
import { msg } from '../messages/index';

function deliveredPod(t: Topology, path: PathResult | undefined): string | undefined {
  const last = path?.hops[path.hops.length - 1];
  return path?.verdict === 'delivered' && last?.kind === 'pod' && t.pods.has(last.at) ? last.at : undefined;
}

export function policyNotes(t: Topology, from: { id: string; kind: ElementKind }, result: TraceResult): TraceNote[] {
  const s = t.scenario;
  if (s.cluster.cni !== 'flannel' || s.networkPolicies.length === 0) return [];
  const names = new Set<string>();
  const add = (podId: string | undefined, direction: 'ingress' | 'egress') => {
    const pod = podId ? t.pods.get(podId) : undefined;
    if (pod) for (const p of isolatingPolicies(s, pod, direction)) names.add(policyRef(p));
  };
  if (from.kind === 'pod') add(from.id, 'egress');
  add(deliveredPod(t, result.dns), 'ingress');
  add(deliveredPod(t, result), 'ingress');
  if (result.upstream) {
    add(result.upstream.from, 'egress');
    add(deliveredPod(t, result.upstream.request), 'ingress');
  }
  if (names.size === 0) return [];
  const policies = [...names];
  return [{ code: 'policy-not-enforced', msg: msg('note.policy-not-enforced', { policies }), policies }];
}
