/**
 * The built-in lessons, one per layer of the Kubernetes network model, in teaching order:
 * the bridge, host-gw routes, VXLAN across subnets, ClusterIP and DNS, NodePort, LoadBalancer, Ingress.
 */
import { type Scenario, type EditResult } from '../sim/index';
import { putNetworkPolicy, withClusterDns } from '../sim/editing';
import { parseScenario, editCluster, editElement } from '../sim/editing';
import type { Lesson, LessonChange } from './types';
import { podsOnOneNode } from './01-pods-on-one-node';
import { hostGw } from './02-host-gw';
import { hostGwVsVxlan } from './03-host-gw-vs-vxlan';
import { clusterIpDns } from './04-clusterip-dns';
import { nodePort } from './05-nodeport';
import { loadBalancer } from './06-loadbalancer';
import { ingress } from './07-ingress';
import { networkPolicy } from './08-network-policy';
import { catalogZhCN } from './catalog.zh-CN';
import type { LessonCatalogId } from './catalog';

export type { Lesson, LessonChange, SuggestedPacket } from './types';

/**
 * Every lesson's cluster has CoreDNS, as a kubeadm cluster does (lessons 4 and 8 lay their own out to talk about it).
 * A whole lesson is in every language, its catalog text too (the catalog alone reads English until the Chinese pack is here).
 */
const whole = (l: Lesson): Lesson => {
  const zh = catalogZhCN[l.id as LessonCatalogId];
  return {
    ...l,
    title: { en: l.title.en, 'zh-CN': zh.title },
    scenarioName: { en: l.scenarioName.en, 'zh-CN': zh.scenarioName },
    summary: { en: l.summary.en, 'zh-CN': zh.summary },
    scenario: withClusterDns(l.scenario),
  };
};

export const LESSONS: readonly Lesson[] = [podsOnOneNode, hostGw, hostGwVsVxlan, clusterIpDns, nodePort, loadBalancer, ingress, networkPolicy].map(whole);

export function getLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

export { isLessonId, lessonInfo, LESSON_CATALOG } from './catalog';

/** The lesson's scenario as the store holds it (validated, addresses allocated): what "Reset to lesson" opens. */
export function lessonScenario(lesson: Lesson): Scenario {
  const parsed = parseScenario(lesson.scenario);
  // A built-in lesson that does not parse is a bug in this folder; lessons.test.ts parses every one.
  if (!parsed.ok) throw new Error(`lesson ${lesson.id} has an invalid scenario: ${JSON.stringify(parsed.errors)}`);
  return parsed.scenario;
}

/** Make a suggested packet's change (an ordinary, validated edit; the UI records it for undo). */
export function applyLessonChange(scenario: Scenario, change: LessonChange): EditResult {
  if (change.kind === 'policies') {
    const remove = new Set(change.remove ?? []);
    let s: Scenario = { ...scenario, networkPolicies: scenario.networkPolicies.filter((p) => !remove.has(p.id)) };
    for (const p of change.put) {
      const r = putNetworkPolicy(s, p);
      if (!r.ok) return r;
      s = r.scenario;
    }
    return { ok: true, scenario: s };
  }
  return change.kind === 'cluster' ? editCluster(scenario, change.set) : editElement(scenario, change.service, change.set);
}

export { packetTargetText } from './targetText';
