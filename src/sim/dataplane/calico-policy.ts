/**
 * Felix's policy enforcement on a cali interface, for one packet: the pod's isolating policies for
 * the direction (evaluated by sim/policy on the pod addresses after DNAT), the rule that allowed it
 * (shown as the hop's match) or the drop naming the policies. Replies of an allowed connection pass
 * on conntrack state (`-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT` comes first in Calico's
 * filter chains), and traffic between a pod and its own node is allowed, as Calico does by default
 * and as the Kubernetes docs require.
 */
import type { Node, Pod } from '../model/schema';
import { drop, pushHop, type TraceCtx } from '../trace/context';
import type { PacketHeaders } from '../trace/types';
import { evaluatePolicy, isolatingPolicies, policyRef, type PolicyDirection, type PolicyPeerEnd } from '../policy/evaluate';
import { tunnelAddress } from './calico-net';
import { msg } from '../messages/index';

export const CALICO_END_OF_TIER = '-m comment --comment "End of tier default. Drop if no policies passed packet" -m mark --mark 0x0/0x10000 -j DROP';
const ESTABLISHED = '-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT';

export function policyChain(direction: PolicyDirection, iface: string): string {
  return `${direction === 'ingress' ? 'cali-tw-' : 'cali-fw-'}${iface}`;
}

/** Who owns an address, as policy peers are told apart: a pod, a node (host network), or anything else. */
export function peerEnd(ctx: TraceCtx, ip: string): PolicyPeerEnd {
  const pod = ctx.topo.podByIp.get(ip);
  if (pod) return { ip, pod };
  const node = ctx.topo.nodeByIp.get(ip) ?? ctx.topo.scenario.nodes.find((n) => tunnelAddress(ctx.topo, n) === ip);
  return node ? { ip, nodeId: node.id } : { ip };
}

function flowText(pkt: PacketHeaders): string {
  return `${pkt.proto.toUpperCase()} ${pkt.src}${pkt.sport !== undefined ? `:${pkt.sport}` : ''} -> ${pkt.dst}${pkt.dport !== undefined ? `:${pkt.dport}` : ''}`;
}

export function checkPolicy(ctx: TraceCtx, node: Node, pod: Pod, direction: PolicyDirection, pkt: PacketHeaders, iface: string): void {
  const s = ctx.topo.scenario;
  const chain = policyChain(direction, iface);
  if (ctx.isReply) {
    const isolating = isolatingPolicies(s, pod, direction);
    if (isolating.length === 0) return;
    pushHop(ctx, {
      at: node.id,
      kind: 'node',
      iface,
      action: 'policy',
      packet: pkt,
      match: [{ kind: 'policy', table: 'filter', chain, rule: `-A ${chain} ${ESTABLISHED}` }],
      msg: msg('hop.policy-established', { pod: pod.name, direction, policies: isolating.map(policyRef), chain }),
    });
    return;
  }
  const peer = peerEnd(ctx, direction === 'ingress' ? pkt.src : pkt.dst);
  const v = evaluatePolicy(s, { pod, direction, peer, proto: pkt.proto, ...(pkt.dport !== undefined ? { port: pkt.dport } : {}) });
  if (v.kind === 'not-isolated') return;
  if (v.kind === 'node-local') {
    if (isolatingPolicies(s, pod, direction).length === 0) return;
    pushHop(ctx, {
      at: node.id,
      kind: 'node',
      iface,
      action: 'policy',
      packet: pkt,
      match: [{ kind: 'policy', table: 'filter', chain, rule: `(${node.name} itself) traffic between a pod and its own node is always allowed` }],
      msg: msg('hop.policy-node-local', { pod: pod.name, direction, node: node.name }),
    });
    return;
  }
  if (v.kind === 'allowed') {
    pushHop(ctx, {
      at: node.id,
      kind: 'node',
      iface,
      action: 'policy',
      packet: pkt,
      match: [{ kind: 'policy', table: 'filter', chain, rule: v.by.text }],
      msg: msg('hop.policy-allowed', { pod: pod.name, direction, chain, policies: v.policies, by: v.by.policy, flow: flowText(pkt), rule: v.by.text }),
    });
    return;
  }
  const message = msg('drop.policy-denied', { flow: flowText(pkt), chain, pod: pod.name, direction, policies: v.policies });
  drop(ctx, 'policy-denied', node.id, 'node', pkt, message, iface, [{ kind: 'policy', table: 'filter', chain, rule: `-A ${chain} ${CALICO_END_OF_TIER}` }], {
    direction,
    policies: v.policies,
    pod: pod.id,
  });
}
