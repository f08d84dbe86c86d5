/** The CNI plugin's own chains in the tables kube-proxy writes: flannel's, or Calico felix's (nat). */
import type { Node } from '../model/schema';
import type { Topology } from '../model/topology';
import type { RuleTable } from './iptables';
import { flannelMasqRules, FLANNEL_POSTROUTING } from './masquerade';
import { calicoNatChains } from './calico-iptables';

/**
 * flannel's own rules share the tables: nat POSTROUTING -> FLANNEL-POSTRTG (walked by masquerade.ts)
 * and filter FORWARD -> FLANNEL-FWD (ACCEPT to and from the pod network, like the default policy);
 * flannel appends its jumps, so they come after kube-proxy's. Calico's felix writes its own chains and
 * inserts its jumps at the top (calico-iptables.ts; the nat table).
 */
export function addFlannelChains(t: Topology, node: Node, nat: RuleTable, filter?: RuleTable): void {
  if (t.scenario.cluster.cni === 'calico') {
    const felix = calicoNatChains(t, node);
    nat.foreignFirst = felix.first;
    nat.foreign = felix.chains;
    return;
  }
  if (t.scenario.cluster.cni !== 'flannel') return;
  nat.foreign = new Map([
    ['POSTROUTING', [`-A POSTROUTING -m comment --comment "flanneld masq" -j ${FLANNEL_POSTROUTING}`]],
    [FLANNEL_POSTROUTING, flannelMasqRules(t, node)],
  ]);
  if (filter) {
    const net = t.podCidr.text;
    filter.foreign = new Map([
      ['FORWARD', ['-A FORWARD -m comment --comment "flanneld forward" -j FLANNEL-FWD']],
      [
        'FLANNEL-FWD',
        [
          `-A FLANNEL-FWD -s ${net} -m comment --comment "flanneld forward" -j ACCEPT`,
          `-A FLANNEL-FWD -d ${net} -m comment --comment "flanneld forward" -j ACCEPT`,
        ],
      ],
    ]);
  }
}
