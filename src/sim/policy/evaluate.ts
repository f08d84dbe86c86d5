/**
 * NetworkPolicy semantics (networking.k8s.io/v1), as kubernetes.io/docs/concepts/services-networking/network-policies/
 * states them. Pure: given a scenario and one direction of one flow, says whether the pod is
 * isolated for that direction, and which rule allowed the flow or which policies denied it.
 *
 * - A pod is isolated for a direction when any policy selecting it has that policy type.
 * - Policies are additive: an isolated pod accepts what any of its policies' rules allow.
 * - A rule allows a flow that matches one of its peers (or has none) and one of its ports (or has none).
 * - Peers: podSelector (the policy's namespace), namespaceSelector (all pods in matching namespaces),
 *   both in one peer (AND), ipBlock (cidr minus except).
 * - Traffic between a pod and its own node is always allowed.
 * Replies and the order of checks (egress at the sender, ingress at the receiver) are the dataplane's part.
 */
import type { NetworkPolicy, PolicyPeer, PolicyPort, Pod, Protocol, Scenario } from '../model/schema';
import { cidrContains } from '../net/cidr';
import { matchSelector, namespaceLabels, selectorText } from './selector';

export type PolicyDirection = 'ingress' | 'egress';

/** The other end of the flow, seen from the pod whose policies are evaluated. */
export interface PolicyPeerEnd {
  ip: string;
  /** Set when `ip` is a pod's address. */
  pod?: Pod;
  /** Set when `ip` belongs to a node itself (host network). */
  nodeId?: string;
}

export interface PolicyQuery {
  /** The pod whose policies apply: the sender for egress, the receiver for ingress. */
  pod: Pod;
  direction: PolicyDirection;
  peer: PolicyPeerEnd;
  proto: Protocol;
  /** Destination port (after DNAT), for TCP/UDP. */
  port?: number;
}

/** The rule that allowed a flow. */
export interface AllowingRule {
  /** `namespace/name`. */
  policy: string;
  policyId: string;
  direction: PolicyDirection;
  /** Index of the rule in the policy's ingress/egress list. */
  rule: number;
  /** The rule in words, as kubectl describe would summarise it. */
  text: string;
}

export type PolicyVerdict =
  { kind: 'not-isolated' } | { kind: 'node-local' } | { kind: 'allowed'; policies: string[]; by: AllowingRule } | { kind: 'denied'; policies: string[] };

export function policyRef(p: NetworkPolicy): string {
  return `${p.namespace}/${p.name}`;
}

/** policyTypes as the API server defaults it: Ingress always, Egress when the policy has egress rules. */
export function effectivePolicyTypes(p: NetworkPolicy): ('Ingress' | 'Egress')[] {
  if (p.spec.policyTypes && p.spec.policyTypes.length > 0) return p.spec.policyTypes;
  return p.spec.egress && p.spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

export function policySelectsPod(p: NetworkPolicy, pod: Pod): boolean {
  return p.namespace === pod.namespace && matchSelector(p.spec.podSelector, pod.labels);
}

const TYPE: Record<PolicyDirection, 'Ingress' | 'Egress'> = { ingress: 'Ingress', egress: 'Egress' };
const isolationCache = new WeakMap<Scenario, Map<string, NetworkPolicy[]>>();

/** The policies that select `pod` and carry the direction's policy type (cached per scenario). */
export function isolatingPolicies(s: Scenario, pod: Pod, direction: PolicyDirection): NetworkPolicy[] {
  let m = isolationCache.get(s);
  if (!m) isolationCache.set(s, (m = new Map()));
  const key = `${direction}|${pod.id}`;
  let list = m.get(key);
  if (!list) {
    list = s.networkPolicies.filter((p) => policySelectsPod(p, pod) && effectivePolicyTypes(p).includes(TYPE[direction]));
    m.set(key, list);
  }
  return list;
}

export function peerMatches(s: Scenario, policy: NetworkPolicy, peer: PolicyPeer, end: PolicyPeerEnd): boolean {
  if (peer.ipBlock) {
    if (!cidrContains(peer.ipBlock.cidr, end.ip)) return false;
    return !(peer.ipBlock.except ?? []).some((c) => cidrContains(c, end.ip));
  }
  // Pod and namespace selectors select pods only: a node or an outside address never matches them.
  const pod = end.pod;
  if (!pod) return false;
  if (peer.namespaceSelector) {
    if (!matchSelector(peer.namespaceSelector, namespaceLabels(s, pod.namespace))) return false;
  } else if (pod.namespace !== policy.namespace) {
    return false;
  }
  return peer.podSelector ? matchSelector(peer.podSelector, pod.labels) : true;
}

/** The port a named port stands for on the pod that receives the traffic, for that protocol. */
function resolveNamedPort(target: Pod | undefined, name: string, protocol: string): number | undefined {
  if (!target) return undefined;
  for (const c of target.containers) for (const p of c.ports) if (p.name === name && p.protocol === protocol) return p.containerPort;
  return undefined;
}

export function portMatches(entry: PolicyPort, proto: Protocol, port: number | undefined, target: Pod | undefined): boolean {
  // Port rules are about TCP, UDP and SCTP; an ICMP packet carries no port and matches none of them.
  if (proto === 'icmp' || port === undefined) return false;
  const protocol = entry.protocol ?? 'TCP';
  if (protocol !== proto.toUpperCase()) return false;
  if (entry.port === undefined) return true;
  if (typeof entry.port === 'string') return resolveNamedPort(target, entry.port, protocol) === port;
  if (entry.endPort !== undefined) return port >= entry.port && port <= entry.endPort;
  return entry.port === port;
}

export function peerText(p: PolicyPeer): string {
  if (p.ipBlock) return `ipBlock ${p.ipBlock.cidr}${p.ipBlock.except?.length ? ` except ${p.ipBlock.except.join(', ')}` : ''}`;
  const parts: string[] = [];
  if (p.namespaceSelector) parts.push(`namespaceSelector ${selectorText(p.namespaceSelector)}`);
  if (p.podSelector) parts.push(`podSelector ${selectorText(p.podSelector)}`);
  return parts.join(' AND ');
}

// Rule text is language-neutral: API field names (from, to, port, podSelector, ipBlock, except),
// kubectl's `<any>` / `<none>`, and AND between the selectors of one peer; sentences around it are
// message codes (hop.policy-allowed, ...), so it reads the same inside English and Chinese text.
export function portText(p: PolicyPort): string {
  const proto = p.protocol ?? 'TCP';
  if (p.port === undefined) return `${proto} <any>`;
  return p.endPort !== undefined ? `${proto} ${p.port}-${p.endPort}` : `${proto} ${p.port}`;
}

function ruleText(policy: NetworkPolicy, direction: PolicyDirection, index: number, peer: PolicyPeer | undefined, port: PolicyPort | undefined): string {
  const word = direction === 'ingress' ? 'from' : 'to';
  const peerPart = peer ? `${word} ${peerText(peer)}` : `${word} <any>`;
  const portPart = port ? `port ${portText(port)}` : 'port <any>';
  return `${policyRef(policy)} ${direction}[${index}]: ${peerPart}, ${portPart}`;
}

/** Does one rule allow the flow? Returns the rule in words when it does. */
function ruleAllows(
  s: Scenario,
  policy: NetworkPolicy,
  q: PolicyQuery,
  index: number,
  peers: PolicyPeer[] | undefined,
  ports: PolicyPort[] | undefined,
): string | undefined {
  let peer: PolicyPeer | undefined;
  if (peers && peers.length > 0) {
    peer = peers.find((p) => peerMatches(s, policy, p, q.peer));
    if (!peer) return undefined;
  }
  let port: PolicyPort | undefined;
  if (ports && ports.length > 0) {
    // A named port names a port of the pod receiving the traffic: the selected pod for ingress, the peer for egress.
    const target = q.direction === 'ingress' ? q.pod : q.peer.pod;
    port = ports.find((p) => portMatches(p, q.proto, q.port, target));
    if (!port) return undefined;
  }
  return ruleText(policy, q.direction, index, peer, port);
}

export function evaluatePolicy(s: Scenario, q: PolicyQuery): PolicyVerdict {
  if (q.peer.nodeId !== undefined && q.peer.nodeId === q.pod.node) return { kind: 'node-local' };
  const isolating = isolatingPolicies(s, q.pod, q.direction);
  if (isolating.length === 0) return { kind: 'not-isolated' };
  const policies = isolating.map(policyRef);
  for (const p of isolating) {
    const rules =
      q.direction === 'ingress'
        ? (p.spec.ingress ?? []).map((r) => ({ peers: r.from, ports: r.ports }))
        : (p.spec.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports }));
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i]!;
      const text = ruleAllows(s, p, q, i, r.peers, r.ports);
      if (text) return { kind: 'allowed', policies, by: { policy: policyRef(p), policyId: p.id, direction: q.direction, rule: i, text } };
    }
  }
  return { kind: 'denied', policies };
}
