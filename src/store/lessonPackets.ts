/**
 * Suggested packets of a lesson, as the lesson panel sends them: the change a packet makes first,
 * the spec the packet store sends, and whether the outcome is the one the lesson expects.
 */
import type { Scenario, TraceResult, PacketSpec } from '../sim/index';
import type { LessonChange, SuggestedPacket } from '../lessons/index';
import type { Locale, Translator } from '../i18n/index';
import { editing } from './editing';
import type { PacketOutcome } from './lessonOutcome';

export type { PacketOutcome } from './lessonOutcome';

/** A lesson's policy change (lessons are fetched with the editing code: src/store/sessionLessons.ts). */
const parseNetworkPolicy = (p: unknown) => editing().networkPolicySchema.parse(p);

/** The spec for the packet store: the tracer takes element ids, IPs, names and URLs in `to`. */
export function packetSpec(packet: SuggestedPacket): PacketSpec {
  return {
    from: packet.from,
    to: packet.to,
    ...(packet.port !== undefined ? { port: packet.port } : {}),
    ...(packet.proto ? { proto: packet.proto } : {}),
  };
}

/** Whether the scenario still has to be changed for this packet (false when the change is already in effect). */
export function changeNeeded(scenario: Scenario, change: LessonChange | undefined): boolean {
  if (!change) return false;
  if (change.kind === 'policies') {
    const has = (id: string) => scenario.networkPolicies.some((p) => p.id === id);
    return (
      (change.remove ?? []).some(has) ||
      change.put.some((p) => JSON.stringify(scenario.networkPolicies.find((x) => x.id === p.id)) !== JSON.stringify(parseNetworkPolicy(p)))
    );
  }
  const entries = Object.entries(change.set) as [string, unknown][];
  if (change.kind === 'cluster') return entries.some(([k, v]) => (scenario.cluster as unknown as Record<string, unknown>)[k] !== v);
  const service = scenario.services.find((s) => s.id === change.service);
  if (!service) return true;
  return entries.some(([k, v]) => (service as unknown as Record<string, unknown>)[k] !== v);
}

/** The change in words: `cni → vxlan`, `Service web: externalTrafficPolicy → Local`. */
export function describeChange(change: LessonChange, scenario: Scenario, t: Translator, locale: Locale = 'en'): string {
  if (change.kind === 'policies') return t('lessons.changePolicies', { changes: change.label[locale] });
  const sets = Object.entries(change.set).map(([field, value]) => t('lessons.changeSet', { field, value: String(value) }));
  if (change.kind === 'cluster') return t('lessons.changeCluster', { changes: sets.join(', ') });
  const name = scenario.services.find((s) => s.id === change.service)?.name ?? change.service;
  return t('lessons.changeService', { name, changes: sets.join(', ') });
}

/** What happened to a sent suggested packet, against what the lesson says should happen. */
export function packetOutcome(packet: SuggestedPacket, result: TraceResult): PacketOutcome {
  if (result.verdict === 'dropped') {
    const code = result.reason?.code;
    return { verdict: 'dropped', ...(code ? { code } : {}), asExpected: packet.expect === 'dropped' && code === packet.expectCode };
  }
  // The controller answered itself (404/503): delivered, with that status, at the controller.
  if (result.http) {
    const at = result.hops.at(-1)?.at;
    const reached = packet.expectAt === undefined || (at !== undefined && packet.expectAt.includes(at));
    return {
      verdict: 'delivered',
      http: result.http.status,
      ...(at ? { at } : {}),
      asExpected: packet.expect === 'delivered' && packet.expectHttp === result.http.status && reached,
    };
  }
  // Behind an ingress controller the request ends at the controller; its own connection goes on to a pod.
  const final = result.upstream ? result.upstream.request : result;
  const at = final.hops.at(-1)?.at;
  if (final.verdict === 'dropped') {
    const code = final.reason?.code;
    return { verdict: 'dropped', ...(code ? { code } : {}), ...(at ? { at } : {}), asExpected: packet.expect === 'dropped' && code === packet.expectCode };
  }
  const reached = packet.expectAt === undefined || (at !== undefined && packet.expectAt.includes(at));
  return { verdict: 'delivered', ...(at ? { at } : {}), asExpected: packet.expect === 'delivered' && packet.expectHttp === undefined && reached };
}
