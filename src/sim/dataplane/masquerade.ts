/**
 * flannel's masquerade rules (ipMasq: true in kube-flannel.yml; flannel pkg/iptables MasqRules), in
 * nat POSTROUTING -> FLANNEL-POSTRTG. Pod traffic to the pod network keeps its pod IP; pod traffic
 * leaving the pod network (e.g. to the internet) is MASQUERADEd to the outgoing interface's address.
 */
import type { Node } from '../model/schema';
import type { Topology } from '../model/topology';
import { cidrContainsInt, ipToInt, parseCidr } from '../net/cidr';
import { CALICO_NAT_OUTGOING_RULE } from './calico-iptables';

export const FLANNEL_POSTROUTING = 'FLANNEL-POSTRTG';

export interface MasqDecision {
  masquerade: boolean;
  /** The rule that decided, in iptables-save form. */
  rule: string;
}

const COMMENT = '-m comment --comment "flanneld masq"';

/**
 * The FLANNEL-POSTRTG chain of one node, as iptables-save prints it: flannel's MasqRules
 * (flannel-io/flannel pkg/trafficmngr/iptables/iptables.go, masqRules) in today's order, with
 * --random-fully where iptables supports it:
 *   kube-proxy's mark -> RETURN (no double NAT);
 *   this node's pods to the cluster network, and the cluster network to this node's pods -> RETURN;
 *   anything from outside the cluster network to this node's pods -> RETURN;
 *   the cluster network to anything but multicast -> MASQUERADE;
 *   outside the cluster network to the cluster network -> MASQUERADE.
 */
export function flannelMasqRules(t: Topology, node: Node): string[] {
  const net = t.podCidr.text;
  const local = parseCidr(node.podCidr).text;
  return [
    `-A ${FLANNEL_POSTROUTING} -m mark --mark 0x4000/0x4000 ${COMMENT} -j RETURN`,
    `-A ${FLANNEL_POSTROUTING} -s ${local} -d ${net} ${COMMENT} -j RETURN`,
    `-A ${FLANNEL_POSTROUTING} -s ${net} -d ${local} ${COMMENT} -j RETURN`,
    `-A ${FLANNEL_POSTROUTING} ! -s ${net} -d ${local} ${COMMENT} -j RETURN`,
    `-A ${FLANNEL_POSTROUTING} -s ${net} ! -d 224.0.0.0/4 ${COMMENT} -j MASQUERADE --random-fully`,
    `-A ${FLANNEL_POSTROUTING} ! -s ${net} -d ${net} ${COMMENT} -j MASQUERADE --random-fully`,
  ];
}

const MULTICAST = parseCidr('224.0.0.0/4');

/** Walk FLANNEL-POSTRTG for a packet leaving `node`; the first matching rule decides. */
export function flannelMasquerade(t: Topology, node: Node, src: string, dst: string, marked: boolean): MasqDecision | undefined {
  const rules = flannelMasqRules(t, node);
  const net = t.podCidr;
  const local = t.nodeCidrs.get(node.id)!;
  const s = ipToInt(src);
  const d = ipToInt(dst);
  const sNet = cidrContainsInt(net, s);
  const dNet = cidrContainsInt(net, d);
  const sLocal = cidrContainsInt(local, s);
  const dLocal = cidrContainsInt(local, d);
  if (marked) return { masquerade: false, rule: rules[0]! };
  if (sLocal && dNet) return { masquerade: false, rule: rules[1]! };
  if (sNet && dLocal) return { masquerade: false, rule: rules[2]! };
  if (!sNet && dLocal) return { masquerade: false, rule: rules[3]! };
  if (sNet && !cidrContainsInt(MULTICAST, d)) return { masquerade: true, rule: rules[4]! };
  if (!sNet && dNet) return { masquerade: true, rule: rules[5]! };
  return undefined;
}

export const CALICO_NAT_OUTGOING = 'cali-nat-outgoing';

/**
 * Calico's IP pool natOutgoing (on by default): traffic from the pool to anywhere outside every
 * pool is MASQUERADEd (felix/rules/nat.go, ipsets cali40masq-ipam-pools / cali40all-ipam-pools).
 */
export function calicoNatOutgoing(t: Topology, src: string, dst: string, marked: boolean): MasqDecision | undefined {
  if (marked) return undefined;
  const net = t.podCidr;
  if (!cidrContainsInt(net, ipToInt(src)) || cidrContainsInt(net, ipToInt(dst))) return undefined;
  return {
    masquerade: true,
    rule: CALICO_NAT_OUTGOING_RULE,
  };
}
