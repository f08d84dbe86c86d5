/**
 * The iptables side of kube-proxy's IPVS mode (writeIptablesRules in kubernetes pkg/proxy/ipvs/proxier.go):
 * masquerade marks through ipsets in nat, the access filter and forwarding rules in filter. Which rules
 * exist depends only on which sets are non-empty, so a node's tables are small and built once; the
 * sets' members are looked up per packet (ipvs-lazy.ts).
 */
import type { Node } from '../model/schema';
import type { Topology } from '../model/topology';
import { addRule, ensureChain, MASQ_MARK, newTable, type RuleTable } from './iptables';
import { writeKubeletFirewall, KUBE_FIREWALL, KUBE_FORWARD, KUBE_MARK_MASQ, KUBE_POSTROUTING, KUBE_PROXY_FIREWALL, KUBE_SERVICES } from './kubeproxy-base';
import type { NodeRules } from './kubeproxy-iptables';
import { addFlannelChains } from './cni-chains';

export const KUBE_NODE_PORT = 'KUBE-NODE-PORT';
const KUBE_LOAD_BALANCER = 'KUBE-LOAD-BALANCER';
const KUBE_IPVS_FILTER = 'KUBE-IPVS-FILTER';
/** hash:ip of every address bound to kube-ipvs0. */
export const KUBE_IPVS_IPS = 'KUBE-IPVS-IPS';

const SET_COMMENTS: Record<string, string> = {
  'KUBE-LOOP-BACK': 'Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose',
  'KUBE-CLUSTER-IP': 'Kubernetes service cluster ip + port for masquerade purpose',
  'KUBE-LOAD-BALANCER': 'Kubernetes service lb portal',
  'KUBE-LOAD-BALANCER-LOCAL': 'Kubernetes service load balancer ip + port with externalTrafficPolicy=local',
  'KUBE-NODE-PORT-TCP': 'Kubernetes nodeport TCP port for masquerade purpose',
  'KUBE-NODE-PORT-LOCAL-TCP': 'Kubernetes nodeport TCP port with externalTrafficPolicy=local',
  'KUBE-NODE-PORT-UDP': 'Kubernetes nodeport UDP port for masquerade purpose',
  'KUBE-NODE-PORT-LOCAL-UDP': 'Kubernetes nodeport UDP port with externalTrafficPolicy=local',
};

/** The iptables side of IPVS mode (writeIptablesRules): masquerade marks through ipsets. */
export function ipvsIptablesRules(t: Topology, node: Node, nonEmpty: (set: string) => boolean): NodeRules {
  const nat: RuleTable = newTable('nat');
  const filter: RuleTable = newTable('filter');
  const has = nonEmpty;
  const setMatch = (name: string, flags: string) => [
    { m: 'comment' as const, comment: SET_COMMENTS[name]! },
    { m: 'set' as const, name, flags },
  ];
  addRule(nat, { chain: 'PREROUTING', matches: [{ m: 'comment', comment: 'kubernetes service portals' }], target: { j: 'jump', chain: KUBE_SERVICES } });
  addRule(nat, { chain: 'OUTPUT', matches: [{ m: 'comment', comment: 'kubernetes service portals' }], target: { j: 'jump', chain: KUBE_SERVICES } });
  addRule(nat, { chain: 'POSTROUTING', matches: [{ m: 'comment', comment: 'kubernetes postrouting rules' }], target: { j: 'jump', chain: KUBE_POSTROUTING } });
  addRule(nat, { chain: KUBE_SERVICES, src: '127.0.0.0/8', matches: [], target: { j: 'RETURN' } });
  if (has('KUBE-LOOP-BACK'))
    addRule(nat, { chain: KUBE_POSTROUTING, matches: setMatch('KUBE-LOOP-BACK', 'dst,dst,src'), target: { j: 'MASQUERADE', randomFully: false } });
  if (has('KUBE-LOAD-BALANCER'))
    addRule(nat, { chain: KUBE_SERVICES, matches: setMatch('KUBE-LOAD-BALANCER', 'dst,dst'), target: { j: 'jump', chain: KUBE_LOAD_BALANCER } });
  if (has('KUBE-LOAD-BALANCER-LOCAL'))
    addRule(nat, { chain: KUBE_LOAD_BALANCER, matches: setMatch('KUBE-LOAD-BALANCER-LOCAL', 'dst,dst'), target: { j: 'RETURN' } });
  for (const proto of ['TCP', 'UDP'] as const) {
    const p = proto.toLowerCase() as 'tcp' | 'udp';
    if (has(`KUBE-NODE-PORT-LOCAL-${proto}`))
      addRule(nat, { chain: KUBE_NODE_PORT, proto: p, matches: setMatch(`KUBE-NODE-PORT-LOCAL-${proto}`, 'dst'), target: { j: 'RETURN' } });
    if (has(`KUBE-NODE-PORT-${proto}`))
      addRule(nat, { chain: KUBE_NODE_PORT, proto: p, matches: setMatch(`KUBE-NODE-PORT-${proto}`, 'dst'), target: { j: 'jump', chain: KUBE_MARK_MASQ } });
  }
  if (has('KUBE-CLUSTER-IP')) {
    addRule(nat, {
      chain: KUBE_SERVICES,
      src: t.podCidr.text,
      notSrc: true,
      matches: setMatch('KUBE-CLUSTER-IP', 'dst,dst'),
      target: { j: 'jump', chain: KUBE_MARK_MASQ },
    });
  }
  addRule(nat, { chain: KUBE_SERVICES, matches: [{ m: 'addrtype', dir: 'dst' }], target: { j: 'jump', chain: KUBE_NODE_PORT } });
  addRule(nat, { chain: KUBE_LOAD_BALANCER, matches: [], target: { j: 'jump', chain: KUBE_MARK_MASQ } });
  if (has('KUBE-CLUSTER-IP'))
    addRule(nat, { chain: KUBE_SERVICES, matches: [{ m: 'set', name: 'KUBE-CLUSTER-IP', flags: 'dst,dst' }], target: { j: 'ACCEPT' } });
  if (has('KUBE-LOAD-BALANCER'))
    addRule(nat, { chain: KUBE_SERVICES, matches: [{ m: 'set', name: 'KUBE-LOAD-BALANCER', flags: 'dst,dst' }], target: { j: 'ACCEPT' } });
  addRule(nat, { chain: KUBE_POSTROUTING, matches: [{ m: 'mark', value: MASQ_MARK, mask: MASQ_MARK, not: true }], target: { j: 'RETURN' } });
  addRule(nat, { chain: KUBE_POSTROUTING, matches: [], target: { j: 'MARK', value: MASQ_MARK, mask: 0 } });
  addRule(nat, {
    chain: KUBE_POSTROUTING,
    matches: [{ m: 'comment', comment: 'kubernetes service traffic requiring SNAT' }],
    target: { j: 'MASQUERADE', randomFully: true },
  });
  addRule(nat, { chain: KUBE_MARK_MASQ, matches: [], target: { j: 'MARK', value: MASQ_MARK, mask: MASQ_MARK } });
  ensureChain(nat, KUBE_NODE_PORT);
  ensureChain(nat, 'KUBE-KUBELET-CANARY');
  writeIpvsFilter(filter);
  addFlannelChains(t, node, nat, filter);
  return { nat, filter };
}

/**
 * The filter side (createAndLinkKubeChain, writeIptablesRules in pkg/proxy/ipvs/proxier.go): jumps
 * prepended in the reverse of iptablesJumpChain's order, KUBE-FORWARD's conntrack rules, the
 * health-check NodePort ACCEPT, and KUBE-IPVS-FILTER, which rejects new connections to a VIP on any
 * port that is not a virtual server (kubernetes#72236); kubelet's KUBE-FIREWALL below them.
 */
function writeIpvsFilter(filter: RuleTable): void {
  const c = (comment: string) => ({ m: 'comment' as const, comment });
  const jump = (chain: string, to: string, comment: string) => addRule(filter, { chain, matches: [c(comment)], target: { j: 'jump', chain: to } });
  jump('INPUT', KUBE_IPVS_FILTER, 'kubernetes ipvs access filter');
  jump('INPUT', KUBE_PROXY_FIREWALL, 'kube-proxy firewall rules');
  jump('INPUT', KUBE_NODE_PORT, 'kubernetes health check rules');
  addRule(filter, { chain: 'INPUT', matches: [], target: { j: 'jump', chain: KUBE_FIREWALL } });
  jump('FORWARD', KUBE_PROXY_FIREWALL, 'kube-proxy firewall rules');
  jump('FORWARD', KUBE_FORWARD, 'kubernetes forwarding rules');
  jump('OUTPUT', 'KUBE-IPVS-OUT-FILTER', 'kubernetes ipvs access filter');
  addRule(filter, { chain: 'OUTPUT', matches: [], target: { j: 'jump', chain: KUBE_FIREWALL } });
  writeKubeletFirewall(filter);
  addRule(filter, { chain: KUBE_FORWARD, matches: [{ m: 'conntrack', ctstate: 'INVALID' }], target: { j: 'DROP' } });
  addRule(filter, {
    chain: KUBE_FORWARD,
    matches: [c('kubernetes forwarding rules'), { m: 'mark', value: MASQ_MARK, mask: MASQ_MARK }],
    target: { j: 'ACCEPT' },
  });
  addRule(filter, {
    chain: KUBE_FORWARD,
    matches: [c('kubernetes forwarding conntrack rule'), { m: 'conntrack', ctstate: 'RELATED,ESTABLISHED' }],
    target: { j: 'ACCEPT' },
  });
  addRule(filter, {
    chain: KUBE_NODE_PORT,
    matches: [c('Kubernetes health check node port'), { m: 'set', name: 'KUBE-HEALTH-CHECK-NODE-PORT', flags: 'dst' }],
    target: { j: 'ACCEPT' },
  });
  addRule(filter, { chain: 'KUBE-SOURCE-RANGES-FIREWALL', matches: [], target: { j: 'DROP' } });
  for (const set of ['KUBE-LOAD-BALANCER', 'KUBE-CLUSTER-IP', 'KUBE-EXTERNAL-IP', 'KUBE-EXTERNAL-IP-LOCAL']) {
    addRule(filter, { chain: KUBE_IPVS_FILTER, matches: [{ m: 'set', name: set, flags: 'dst,dst' }], target: { j: 'RETURN' } });
  }
  addRule(filter, { chain: KUBE_IPVS_FILTER, matches: [{ m: 'set', name: 'KUBE-HEALTH-CHECK-NODE-PORT', flags: 'dst' }], target: { j: 'RETURN' } });
  addRule(filter, {
    chain: KUBE_IPVS_FILTER,
    matches: [
      { m: 'conntrack', ctstate: 'NEW' },
      { m: 'set', name: KUBE_IPVS_IPS, flags: 'dst' },
    ],
    target: { j: 'REJECT' },
  });
  for (const chain of [KUBE_PROXY_FIREWALL, 'KUBE-IPVS-OUT-FILTER', 'KUBE-KUBELET-CANARY']) ensureChain(filter, chain);
}
