/**
 * The system-pods toggle: the kube-system pods (CoreDNS, add-ons) and Services are always in the
 * scenario, but the canvas may draw them collapsed, as one compact "kube-system" chip on each node,
 * to leave room for the learner's own workloads. `auto` shows them in lessons where DNS matters
 * (`Lesson.systemPods === 'shown'`) and collapses them elsewhere; a packet that visits a system pod
 * brings them back into view, since its marker must be seen reaching them.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { type Scenario, isSystemPod, SYSTEM_NAMESPACE } from '../../sim/index';
import { autoLayout, placeMissing } from './layout';

export type SystemPodsMode = 'auto' | 'shown' | 'hidden';

/** `mode` is the user's choice; `collapsed` what the canvas currently draws (set by the canvas). */
export const systemPodsStore = createStore<{ mode: SystemPodsMode; collapsed: boolean }>(() => ({ mode: 'auto', collapsed: false }));

export function useSystemPodsMode(): SystemPodsMode {
  return useStore(systemPodsStore, (s) => s.mode);
}

export function setSystemPodsMode(mode: SystemPodsMode): void {
  systemPodsStore.setState({ mode });
}

/** Whether system pods are drawn, given the mode, the lesson's wish and what packets visit. */
export function systemPodsShown(mode: SystemPodsMode, lessonWantsThem: boolean, visitsSystemPod: boolean): boolean {
  if (visitsSystemPod) return true;
  if (mode === 'auto') return lessonWantsThem;
  return mode === 'shown';
}

const collapsedCache = new WeakMap<Scenario, Scenario>();

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
  return out;
}

const byNodeCache = new WeakMap<Scenario, Map<string, string[]>>();

/** The kube-system pods of each node (names), for the compact chip a collapsed node shows. */
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
 * A fresh layout for the canvas as it will be drawn: with system pods collapsed, the nodes are laid
 * out at their collapsed size (the Services row sits closer), and the kube-system Services get a
 * place beside the others for when they are shown.
 */
export function layoutAsDrawn(s: Scenario, collapsed: boolean): Scenario['layout'] {
  if (!collapsed) return autoLayout(s);
  const layout = autoLayout(withoutSystemPods(s));
  return { ...layout, ...placeMissing({ ...s, layout }) };
}
