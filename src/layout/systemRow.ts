/**
 * The canvas's collapsed view of system pods: the scenario as drawn without the kube-system pods and
 * Services, and, for each node, the names of the kube-system pods that run there, which that node
 * draws as one compact "kube-system" row at the foot of its pod column (sized in geometry.ts).
 */
import { type Scenario, isSystemPod, SYSTEM_NAMESPACE } from '../sim/index';

const collapsedCache = new WeakMap<Scenario, Scenario>();
/** For a collapsed scenario (an output of withoutSystemPods): its nodes' kube-system pods. */
const rowsOf = new WeakMap<Scenario, ReadonlyMap<string, string[]>>();
const NONE: ReadonlyMap<string, string[]> = new Map();

/**
 * The scenario as the canvas draws it with system pods collapsed: without the kube-system pods and
 * Services (the store keeps them; edits and traces see them). The same object for the same scenario,
 * so the canvas's caches keep working.
 */
export function withoutSystemPods(s: Scenario): Scenario {
  const hit = collapsedCache.get(s);
  if (hit) return hit;
  const hasAny = s.pods.some(isSystemPod) || s.services.some((x) => x.namespace === SYSTEM_NAMESPACE);
  const out = hasAny ? { ...s, pods: s.pods.filter((p) => !isSystemPod(p)), services: s.services.filter((x) => x.namespace !== SYSTEM_NAMESPACE) } : s;
  collapsedCache.set(s, out);
  if (out !== s) rowsOf.set(out, systemPodsByNode(s));
  return out;
}

const byNodeCache = new WeakMap<Scenario, Map<string, string[]>>();

/** The kube-system pods of each node (names). */
export function systemPodsByNode(s: Scenario): Map<string, string[]> {
  const hit = byNodeCache.get(s);
  if (hit) return hit;
  const m = new Map<string, string[]>();
  byNodeCache.set(s, m);
  for (const p of s.pods) {
    if (!isSystemPod(p)) continue;
    const list = m.get(p.node);
    if (list) list.push(p.name);
    else m.set(p.node, [p.name]);
  }
  return m;
}

/**
 * The kube-system pods each node of a drawn scenario shows as its collapsed row: none when the
 * scenario is drawn in full (system pods shown, or none to hide).
 */
export function collapsedRows(drawn: Scenario): ReadonlyMap<string, string[]> {
  return rowsOf.get(drawn) ?? NONE;
}
