/**
 * What-if: for a packet a NetworkPolicy denied, the smallest rule that would allow it: one peer (the
 * other end exactly: its pod labels, in its namespace when that differs, or its address as a /32
 * ipBlock) and one port (the packet's protocol and port). It goes into a policy that already selects
 * the pod by its labels (not a namespace-wide default deny: a rule there would open every pod), or
 * into a new policy selecting just that pod.
 */
import type { NetworkPolicy, Pod, PolicyPeer, PolicyPort, Protocol, Scenario } from '../model/schema';
import { isEmptySelector, NAMESPACE_NAME_LABEL } from './selector';
import { isolatingPolicies, peerText, policyRef, portText, type PolicyDirection } from './evaluate';
import type { PathResult, TraceResult } from '../trace/types';

export interface DeniedFlow {
  /** The pod whose policies denied the packet (reason.pod). */
  pod: string;
  direction: PolicyDirection;
  /** The packet as it was dropped (after DNAT). */
  src: string;
  dst: string;
  proto: Protocol;
  dport?: number;
}

export interface PolicyFix {
  /** Add a rule to this existing policy, or create `policy` as a new one. */
  kind: 'add-rule' | 'new-policy';
  direction: PolicyDirection;
  /** The policy after the change (the existing one with the rule appended, or the new one). */
  policy: NetworkPolicy;
  /** The rule in API notation (language-neutral; `kind` says whether the policy is new). */
  text: string;
}

function labelsOf(pod: Pod): Record<string, string> | undefined {
  return Object.keys(pod.labels).length > 0 ? { ...pod.labels } : undefined;
}

function peerFor(s: Scenario, pod: Pod, ip: string): PolicyPeer {
  const other = s.pods.find((p) => p.ip === ip);
  const labels = other ? labelsOf(other) : undefined;
  if (!other || !labels) return { ipBlock: { cidr: `${ip}/32` } };
  if (other.namespace === pod.namespace) return { podSelector: { matchLabels: labels } };
  return { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: other.namespace } }, podSelector: { matchLabels: labels } };
}

function portsFor(flow: DeniedFlow): PolicyPort[] | undefined {
  if (flow.proto === 'icmp' || flow.dport === undefined) return undefined; // a rule without ports is the only way to allow ICMP
  return [{ protocol: flow.proto.toUpperCase() as PolicyPort['protocol'], port: flow.dport }];
}

function uniqueId(s: Scenario, base: string): string {
  const taken = new Set<string>([...s.networkPolicies.map((p) => p.id), ...s.pods.map((p) => p.id), ...s.services.map((p) => p.id)]);
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}

function uniqueName(s: Scenario, ns: string, base: string): string {
  const clean =
    base
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 55) || 'allow';
  const taken = new Set(s.networkPolicies.filter((p) => p.namespace === ns).map((p) => p.name));
  let name = clean;
  for (let i = 2; taken.has(name); i++) name = `${clean}-${i}`;
  return name;
}

export function smallestAllowingRule(s: Scenario, flow: DeniedFlow): PolicyFix | undefined {
  const pod = s.pods.find((p) => p.id === flow.pod);
  if (!pod) return undefined;
  const peerIp = flow.direction === 'ingress' ? flow.src : flow.dst;
  const peer = peerFor(s, pod, peerIp);
  const ports = portsFor(flow);
  const word = flow.direction === 'ingress' ? 'from' : 'to';
  const text = `${flow.direction}: ${word} ${peerText(peer)}, ${ports ? `port ${portText(ports[0]!)}` : 'port <any>'}`;
  const rule = flow.direction === 'ingress' ? { from: [peer], ...(ports ? { ports } : {}) } : { to: [peer], ...(ports ? { ports } : {}) };

  const host = isolatingPolicies(s, pod, flow.direction).find((p) => !isEmptySelector(p.spec.podSelector));
  if (host) {
    const spec =
      flow.direction === 'ingress'
        ? { ...host.spec, ingress: [...(host.spec.ingress ?? []), rule] }
        : { ...host.spec, egress: [...(host.spec.egress ?? []), rule] };
    return { kind: 'add-rule', direction: flow.direction, policy: { ...host, spec }, text: `${policyRef(host)} ${text}` };
  }
  const other = s.pods.find((p) => p.ip === peerIp);
  const base = flow.direction === 'ingress' ? `allow-${other?.name ?? 'peer'}-to-${pod.name}` : `allow-${pod.name}-to-${other?.name ?? 'peer'}`;
  const name = uniqueName(s, pod.namespace, `${base}${flow.dport !== undefined ? `-${flow.dport}` : ''}`);
  const labels = labelsOf(pod);
  const policy: NetworkPolicy = {
    id: uniqueId(s, `np-${name}`),
    name,
    namespace: pod.namespace,
    spec: {
      podSelector: labels ? { matchLabels: labels } : {},
      policyTypes: [flow.direction === 'ingress' ? 'Ingress' : 'Egress'],
      ...(flow.direction === 'ingress' ? { ingress: [rule] } : { egress: [rule] }),
    },
  };
  return { kind: 'new-policy', direction: flow.direction, policy, text: `${pod.namespace}/${name} ${text}` };
}

/** The scenario with the fix applied: the policy replaced in place, or appended. */
export function applyPolicyFix(s: Scenario, fix: PolicyFix): Scenario {
  const exists = s.networkPolicies.some((p) => p.id === fix.policy.id);
  return { ...s, networkPolicies: exists ? s.networkPolicies.map((p) => (p.id === fix.policy.id ? fix.policy : p)) : [...s.networkPolicies, fix.policy] };
}

/** The path of a trace that a NetworkPolicy dropped: the request itself, its DNS query, or a proxy's upstream request. */
export function deniedPath(r: TraceResult): PathResult | undefined {
  return [r as PathResult, r.dns, r.upstream?.request].find(
    (p): p is PathResult => p !== undefined && p.verdict === 'dropped' && p.reason?.code === 'policy-denied',
  );
}

/** The what-if for a trace: the smallest rule allowing the packet a policy dropped (undefined when none did). */
export function whatIfForResult(s: Scenario, r: TraceResult): PolicyFix | undefined {
  const path = deniedPath(r);
  const reason = path?.reason;
  const last = path?.hops[path.hops.length - 1];
  if (!reason?.pod || !reason.direction || !last) return undefined;
  const { src, dst, proto, dport } = last.packet;
  return smallestAllowingRule(s, { pod: reason.pod, direction: reason.direction, src, dst, proto, ...(dport !== undefined ? { dport } : {}) });
}
