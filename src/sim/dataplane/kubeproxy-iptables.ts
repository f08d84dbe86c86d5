/**
 * kube-proxy in iptables mode, as data: the nat and filter rules it writes on one node, following
 * syncProxyRules() in kubernetes pkg/proxy/iptables/proxier.go (v1.28+ layout with KUBE-SVC, KUBE-SVL,
 * KUBE-EXT and KUBE-SEP chains):
 *   PREROUTING/OUTPUT -> KUBE-SERVICES -> (ClusterIP) KUBE-SVC-* | KUBE-SVL-*
 *                                      -> (last rule, local destination) KUBE-NODEPORTS -> KUBE-EXT-*
 *   KUBE-SVC-*: ClientIP affinity `recent --rcheck` rules, then one rule per endpoint with
 *   `statistic --mode random --probability 1/(n-i)`, the last one unconditional -> KUBE-SEP-*
 *   KUBE-SEP-*: `-s podIP/32 -j KUBE-MARK-MASQ` (hairpin), then DNAT to podIP:port.
 *   KUBE-MARK-MASQ sets 0x4000; POSTROUTING -> KUBE-POSTROUTING MASQUERADEs marked packets.
 * A service with no endpoints gets no nat rules, only a filter REJECT; a Local policy without a local
 * endpoint gets a filter DROP. The cluster's pod CIDR is the "local traffic detector" (--cluster-cidr).
 * Rules are built once per node and topology. The pieces: the chains every node has
 * (kubeproxy-base.ts), the Service ports programmed (kubeproxy-ports.ts), one port's rules
 * (kubeproxy-service-rules.ts).
 */
import type { Node } from '../model/schema';
import type { Topology } from '../model/topology';
import { newTable, type RuleTable } from './iptables';
import { addFlannelChains } from './cni-chains';
import { writeBase, writeLast } from './kubeproxy-base';
import { proxiedPorts } from './kubeproxy-ports';
import { writeServicePort } from './kubeproxy-service-rules';

export interface NodeRules {
  nat: RuleTable;
  filter: RuleTable;
}

const ruleCache = new WeakMap<Topology, Map<string, NodeRules>>();

/** Every nat and filter rule kube-proxy (iptables mode) keeps on `node`. */
export function iptablesProxyRules(t: Topology, node: Node): NodeRules {
  let m = ruleCache.get(t);
  if (!m) ruleCache.set(t, (m = new Map()));
  const hit = m.get(node.id);
  if (hit) return hit;
  const nat = newTable('nat');
  const filter = newTable('filter');
  writeBase(nat, filter);
  for (const p of proxiedPorts(t)) writeServicePort(nat, filter, p, node, t.podCidr.text);
  writeLast(nat);
  addFlannelChains(t, node, nat, filter);
  const rules = { nat, filter };
  m.set(node.id, rules);
  return rules;
}

/** A node's rules without any Service port's (kubeproxy-lazy.ts adds those one port at a time). */
export function writeNodeBase(t: Topology, node: Node, rules: NodeRules): void {
  writeBase(rules.nat, rules.filter);
  writeLast(rules.nat);
  addFlannelChains(t, node, rules.nat, rules.filter);
}
