/**
 * The system-pods toggle: the kube-system pods (CoreDNS, add-ons) and Services are always in the
 * scenario, but the canvas may draw them collapsed, as one compact "kube-system" row on each node,
 * to leave room for the learner's own workloads. `auto` shows them in lessons where DNS matters
 * (`Lesson.systemPods === 'shown'`) and collapses them elsewhere; a packet that visits a system pod
 * brings them back into view, since its marker must be seen reaching them.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

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
