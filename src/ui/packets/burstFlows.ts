/**
 * Bursts as flows: where Send N's requests went, as counts on the canvas's Service → endpoint lines
 * (the `ep:<service>:<pod>` edges, or `epg:<service>:<node>` for a Service drawn with one line per
 * node), each line as heavy as its share. The Service a request went through is the one whose
 * address (ClusterIP or NodePort) the packet carried and that selects the pod that answered.
 */
import type { Hop, Scenario, Service, TraceResult } from '../../sim/index';
import { endpointPods } from '../../layout/endpoints';
import { ENDPOINT_LINES_MAX } from '../canvas/flowTypes';

export interface EdgeFlow {
  count: number;
  total: number;
  /** count / total */
  share: number;
}

function hopsOf(r: TraceResult): Hop[] {
  return [...r.hops, ...(r.upstream?.request.hops ?? [])];
}

/** Did the packet carry this Service's address on its way (before kube-proxy rewrote it)? */
function addressed(svc: Service, hops: Hop[]): boolean {
  const ports = new Set(svc.ports.map((p) => p.nodePort).filter((p): p is number => p !== undefined));
  return hops.some((h) => (svc.clusterIP !== undefined && h.packet.dst === svc.clusterIP) || (h.packet.dport !== undefined && ports.has(h.packet.dport)));
}

/** Requests per endpoint line of the canvas, for the results of one burst. */
export function burstFlows(s: Scenario, results: readonly TraceResult[]): Map<string, EdgeFlow> {
  const pods = new Map(s.pods.map((p) => [p.id, p]));
  const selecting = new Map<string, { svc: Service; grouped: boolean }[]>();
  for (const svc of s.services) {
    const eps = endpointPods(s, svc);
    for (const p of eps) {
      const list = selecting.get(p.id) ?? [];
      list.push({ svc, grouped: eps.length > ENDPOINT_LINES_MAX });
      selecting.set(p.id, list);
    }
  }
  const counts = new Map<string, number>();
  for (const r of results) {
    const pod = r.endpoint ? pods.get(r.endpoint) : undefined;
    const candidates = pod ? (selecting.get(pod.id) ?? []) : [];
    if (!pod || candidates.length === 0) continue;
    const hops = hopsOf(r);
    const via = candidates.length === 1 ? candidates[0]! : candidates.find((c) => addressed(c.svc, hops));
    if (!via) continue;
    const edge = via.grouped ? `epg:${via.svc.id}:${pod.node}` : `ep:${via.svc.id}:${pod.id}`;
    counts.set(edge, (counts.get(edge) ?? 0) + 1);
  }
  const total = results.length;
  return new Map([...counts].map(([edge, count]) => [edge, { count, total, share: total ? count / total : 0 }]));
}
