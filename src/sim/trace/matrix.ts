/**
 * The reachability matrix: every pod traced to every pod (and to every Service) for one port, each
 * cell saying allowed / denied by policy / dropped for another reason, and which policy decided.
 * It runs the real tracer (request only), so the dataplane, kube-proxy and the CNI's policy
 * enforcement all take part: with flannel every cell is allowed whatever the policies say.
 */
import type { Protocol, Scenario } from '../model/schema';
import type { DropCode } from './reasons';
import type { TraceResult } from './types';
import { trace } from './trace';

export interface MatrixOptions {
  /** One port for every target; left out, each target's own first port (a pod's first containerPort, a Service's first port). */
  port?: number;
  proto?: Exclude<Protocol, 'icmp'>;
  /** Only pods (and Services) of this namespace, as sources and targets. */
  namespace?: string;
  /** Add the Services as targets (default true). */
  services?: boolean;
  seed?: number;
}

export interface MatrixTarget {
  id: string;
  kind: 'pod' | 'service';
  /** `namespace/name`. */
  name: string;
  port: number;
}

export interface MatrixCell {
  verdict: 'allowed' | 'denied' | 'dropped';
  /** For denied and dropped: the drop code. */
  code?: DropCode;
  /** For denied: the direction and the policies that isolate the pod there. */
  direction?: 'ingress' | 'egress';
  policies?: string[];
  /** For allowed under isolation: the rules that allowed it (egress, then ingress). */
  rules?: string[];
}

export interface Matrix {
  proto: Exclude<Protocol, 'icmp'>;
  sources: { id: string; name: string }[];
  targets: MatrixTarget[];
  /** cells[source][target]. */
  cells: MatrixCell[][];
  /** flannel: policies exist but nothing enforces them. */
  enforced: boolean;
}

export function cellOf(r: TraceResult): MatrixCell {
  const rules = r.hops.flatMap((h) => (h.action === 'policy' ? (h.match ?? []).filter((m) => m.kind === 'policy').map((m) => m.rule) : []));
  if (r.verdict === 'delivered') return rules.length ? { verdict: 'allowed', rules } : { verdict: 'allowed' };
  const reason = r.reason!;
  if (reason.code === 'policy-denied') {
    return {
      verdict: 'denied',
      code: reason.code,
      ...(reason.direction ? { direction: reason.direction } : {}),
      ...(reason.policies ? { policies: reason.policies } : {}),
    };
  }
  return { verdict: 'dropped', code: reason.code };
}

function podPort(s: Scenario, podId: string): number {
  const pod = s.pods.find((p) => p.id === podId)!;
  for (const c of pod.containers) if (c.ports[0]) return c.ports[0].containerPort;
  return 80;
}

export function matrixTargets(s: Scenario, opts: MatrixOptions = {}): { sources: Matrix['sources']; targets: MatrixTarget[] } {
  const inNs = (ns: string) => opts.namespace === undefined || ns === opts.namespace;
  const pods = s.pods.filter((p) => inNs(p.namespace));
  const sources = pods.map((p) => ({ id: p.id, name: `${p.namespace}/${p.name}` }));
  const targets: MatrixTarget[] = pods.map((p) => ({ id: p.id, kind: 'pod', name: `${p.namespace}/${p.name}`, port: opts.port ?? podPort(s, p.id) }));
  if (opts.services !== false) {
    for (const svc of s.services) {
      if (!inNs(svc.namespace) || !svc.clusterIP || svc.clusterIP === 'None' || svc.type === 'ExternalName') continue;
      const port = opts.port ?? svc.ports[0]?.port;
      if (port === undefined) continue;
      targets.push({ id: svc.id, kind: 'service', name: `${svc.namespace}/${svc.name}`, port });
    }
  }
  return { sources, targets };
}

/** One row: a source to every target (the unit a Web Worker reports progress in). */
export function matrixRow(s: Scenario, sourceId: string, targets: MatrixTarget[], opts: MatrixOptions = {}): MatrixCell[] {
  const proto = opts.proto ?? 'tcp';
  return targets.map((t) => {
    const to = t.kind === 'service' ? s.services.find((x) => x.id === t.id)!.clusterIP! : t.id;
    return cellOf(trace(s, { from: sourceId, to, port: t.port, proto }, { seed: opts.seed ?? 1, reply: false }));
  });
}

export function reachabilityMatrix(s: Scenario, opts: MatrixOptions = {}): Matrix {
  const { sources, targets } = matrixTargets(s, opts);
  return {
    proto: opts.proto ?? 'tcp',
    sources,
    targets,
    cells: sources.map((src) => matrixRow(s, src.id, targets, opts)),
    enforced: s.cluster.cni === 'calico',
  };
}
