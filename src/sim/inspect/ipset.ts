/**
 * `ipset list` on a node in IPVS mode: the sets kube-proxy creates (pkg/proxy/ipvs/ipset.go: all of
 * them, empty or not) with the entries the tracer matches, printed as ipset 7 prints them.
 */
import type { Node } from '../model/schema';
import type { Topology } from '../model/topology';
import { ipvsTables } from '../dataplane/kubeproxy-ipvs';
import { ipvsNode } from '../dataplane/ipvs-lazy';
import { stableHash } from '../trace/rng';

/** Every set kube-proxy's IPVS proxier ensures, with its ipset type, in its creation order. */
export const KUBE_IPSETS: [name: string, type: string][] = [
  ['KUBE-LOOP-BACK', 'hash:ip,port,ip'],
  ['KUBE-CLUSTER-IP', 'hash:ip,port'],
  ['KUBE-EXTERNAL-IP', 'hash:ip,port'],
  ['KUBE-EXTERNAL-IP-LOCAL', 'hash:ip,port'],
  ['KUBE-LOAD-BALANCER', 'hash:ip,port'],
  ['KUBE-LOAD-BALANCER-LOCAL', 'hash:ip,port'],
  ['KUBE-LOAD-BALANCER-FW', 'hash:ip,port'],
  ['KUBE-LOAD-BALANCER-SOURCE-IP', 'hash:ip,port,ip'],
  ['KUBE-LOAD-BALANCER-SOURCE-CIDR', 'hash:ip,port,net'],
  ['KUBE-NODE-PORT-TCP', 'bitmap:port'],
  ['KUBE-NODE-PORT-LOCAL-TCP', 'bitmap:port'],
  ['KUBE-NODE-PORT-UDP', 'bitmap:port'],
  ['KUBE-NODE-PORT-LOCAL-UDP', 'bitmap:port'],
  ['KUBE-NODE-PORT-SCTP-HASH', 'hash:ip,port'],
  ['KUBE-NODE-PORT-LOCAL-SCTP-HASH', 'hash:ip,port'],
  ['KUBE-HEALTH-CHECK-NODE-PORT', 'bitmap:port'],
  ['KUBE-IPVS-IPS', 'hash:ip'],
];

/** What ipset 7.17 on Linux 6.x reports (checked with `ipset create` / `ipset list` in a network namespace). */
const REVISION: Record<string, number> = { 'hash:ip': 6, 'hash:ip,port': 7, 'hash:ip,port,ip': 6, 'hash:ip,port,net': 8, 'bitmap:port': 3 };

/** How many iptables rules on the node refer to the set (ipset's "References"). */
function references(t: Topology, node: Node, name: string): number {
  const { nat, filter } = ipvsNode(t, node).rules;
  let n = 0;
  for (const table of [nat, filter])
    for (const rules of table.chains.values()) for (const r of rules) if (r.matches.some((m) => m.m === 'set' && m.name === name)) n++;
  return n;
}

export function ipsetList(t: Topology, node: Node): string {
  if (t.scenario.cluster.kubeProxyMode !== 'ipvs') return '';
  const sets = ipvsTables(t, node).sets;
  const blocks = KUBE_IPSETS.map(([name, type]) => {
    const members = [...(sets.get(name) ?? [])];
    if (type === 'bitmap:port') members.sort((a, b) => Number(a) - Number(b));
    const header =
      type === 'bitmap:port'
        ? 'range 0-65535'
        : `family inet hashsize 1024 maxelem 65536 bucketsize 12 initval 0x${stableHash(`${node.id}:${name}`).toString(16).padStart(8, '0')}`;
    const size =
      type === 'bitmap:port' ? 8264 : type === 'hash:ip,port,net' ? 464 + members.length * 56 : 216 + members.length * (type === 'hash:ip' ? 40 : 48);
    return [
      `Name: ${name}`,
      `Type: ${type}`,
      `Revision: ${REVISION[type]}`,
      `Header: ${header}`,
      `Size in memory: ${size}`,
      `References: ${references(t, node, name)}`,
      `Number of entries: ${members.length}`,
      'Members:',
      ...members,
    ].join('\n');
  });
  return blocks.join('\n\n') + '\n';
}
