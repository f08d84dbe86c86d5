/**
 * The chains every node has in kube-proxy's iptables mode, whatever its Services: the jumps from the
 * built-in chains to KUBE-SERVICES, KUBE-POSTROUTING, KUBE-FORWARD and the firewalls, the masquerade
 * plumbing (KUBE-MARK-MASQ sets 0x4000; KUBE-POSTROUTING MASQUERADEs marked packets), kubelet's
 * KUBE-FIREWALL and the canaries (syncProxyRules in kubernetes pkg/proxy/iptables/proxier.go).
 * The IPVS mode's iptables side (ipvs-iptables.ts) shares the names and kubelet's chains.
 */
import { addRule, ensureChain, MASQ_MARK, type RuleTable } from './iptables';

export const KUBE_SERVICES = 'KUBE-SERVICES';
export const KUBE_NODEPORTS = 'KUBE-NODEPORTS';
export const KUBE_POSTROUTING = 'KUBE-POSTROUTING';
export const KUBE_MARK_MASQ = 'KUBE-MARK-MASQ';
export const KUBE_EXTERNAL_SERVICES = 'KUBE-EXTERNAL-SERVICES';
export const KUBE_FORWARD = 'KUBE-FORWARD';
export const KUBE_PROXY_FIREWALL = 'KUBE-PROXY-FIREWALL';
/** kubelet's firewall chain (pkg/kubelet/kubelet_network_linux.go), which kube-proxy also ensures. */
export const KUBE_FIREWALL = 'KUBE-FIREWALL';

/** kubelet's KUBE-FIREWALL: only the rule against martian localnet packets is left (v1.28+). */
export function writeKubeletFirewall(filter: RuleTable): void {
  addRule(filter, {
    chain: KUBE_FIREWALL,
    src: '127.0.0.0/8',
    notSrc: true,
    dst: '127.0.0.0/8',
    matches: [
      { m: 'comment', comment: 'block incoming localnet connections' },
      { m: 'conntrack', ctstate: 'RELATED,ESTABLISHED,DNAT', not: true },
    ],
    target: { j: 'DROP' },
  });
}

/** The empty canary chains kube-proxy (KUBE-PROXY-CANARY) and kubelet (KUBE-KUBELET-CANARY) watch to notice a flush. */
export function writeCanaries(nat: RuleTable, filter: RuleTable): void {
  for (const t of [nat, filter]) {
    ensureChain(t, 'KUBE-KUBELET-CANARY');
    ensureChain(t, 'KUBE-PROXY-CANARY');
  }
}

const MARK = { j: 'MARK' as const, value: MASQ_MARK, mask: MASQ_MARK };
const comment = (c: string) => ({ m: 'comment' as const, comment: c });

/** The base chains every kube-proxy node has (jumps from the built-in chains, masquerade plumbing). */
export function writeBase(nat: RuleTable, filter: RuleTable): void {
  addRule(nat, { chain: 'PREROUTING', matches: [comment('kubernetes service portals')], target: { j: 'jump', chain: KUBE_SERVICES } });
  addRule(nat, { chain: 'OUTPUT', matches: [comment('kubernetes service portals')], target: { j: 'jump', chain: KUBE_SERVICES } });
  addRule(nat, { chain: 'POSTROUTING', matches: [comment('kubernetes postrouting rules')], target: { j: 'jump', chain: KUBE_POSTROUTING } });
  addRule(nat, { chain: KUBE_POSTROUTING, matches: [{ m: 'mark', value: MASQ_MARK, mask: MASQ_MARK, not: true }], target: { j: 'RETURN' } });
  addRule(nat, { chain: KUBE_POSTROUTING, matches: [], target: { j: 'MARK', value: MASQ_MARK, mask: 0 } });
  addRule(nat, { chain: KUBE_POSTROUTING, matches: [comment('kubernetes service traffic requiring SNAT')], target: { j: 'MASQUERADE', randomFully: true } });
  addRule(nat, { chain: KUBE_MARK_MASQ, matches: [], target: MARK });
  ensureChain(nat, KUBE_SERVICES);
  ensureChain(nat, KUBE_NODEPORTS);

  // kube-proxy prepends its jumps (EnsureRule(Prepend) over iptablesJumpChains, pkg/proxy/iptables/proxier.go),
  // so each built-in chain holds them in the reverse of that list; kubelet's KUBE-FIREWALL jump sits below.
  const isNew = { m: 'conntrack' as const, ctstate: 'NEW' };
  const firewall = { matches: [isNew, comment('kubernetes load balancer firewall')], target: { j: 'jump' as const, chain: KUBE_PROXY_FIREWALL } };
  addRule(filter, { chain: 'INPUT', ...firewall });
  addRule(filter, { chain: 'INPUT', matches: [comment('kubernetes health check service ports')], target: { j: 'jump', chain: KUBE_NODEPORTS } });
  addRule(filter, {
    chain: 'INPUT',
    matches: [isNew, comment('kubernetes externally-visible service portals')],
    target: { j: 'jump', chain: KUBE_EXTERNAL_SERVICES },
  });
  addRule(filter, { chain: 'INPUT', matches: [], target: { j: 'jump', chain: KUBE_FIREWALL } });
  addRule(filter, { chain: 'FORWARD', ...firewall });
  addRule(filter, { chain: 'FORWARD', matches: [comment('kubernetes forwarding rules')], target: { j: 'jump', chain: KUBE_FORWARD } });
  addRule(filter, { chain: 'FORWARD', matches: [isNew, comment('kubernetes service portals')], target: { j: 'jump', chain: KUBE_SERVICES } });
  addRule(filter, {
    chain: 'FORWARD',
    matches: [isNew, comment('kubernetes externally-visible service portals')],
    target: { j: 'jump', chain: KUBE_EXTERNAL_SERVICES },
  });
  addRule(filter, { chain: 'OUTPUT', ...firewall });
  addRule(filter, { chain: 'OUTPUT', matches: [isNew, comment('kubernetes service portals')], target: { j: 'jump', chain: KUBE_SERVICES } });
  addRule(filter, { chain: 'OUTPUT', matches: [], target: { j: 'jump', chain: KUBE_FIREWALL } });
  writeKubeletFirewall(filter);
  addRule(filter, { chain: KUBE_FORWARD, matches: [{ m: 'conntrack', ctstate: 'INVALID' }], target: { j: 'DROP' } });
  addRule(filter, {
    chain: KUBE_FORWARD,
    matches: [comment('kubernetes forwarding rules'), { m: 'mark', value: MASQ_MARK, mask: MASQ_MARK }],
    target: { j: 'ACCEPT' },
  });
  addRule(filter, {
    chain: KUBE_FORWARD,
    matches: [comment('kubernetes forwarding conntrack rule'), { m: 'conntrack', ctstate: 'RELATED,ESTABLISHED' }],
    target: { j: 'ACCEPT' },
  });
  ensureChain(filter, KUBE_PROXY_FIREWALL);
  writeCanaries(nat, filter);
  ensureChain(filter, KUBE_SERVICES);
  ensureChain(filter, KUBE_EXTERNAL_SERVICES);
  ensureChain(filter, KUBE_NODEPORTS);
}

/** KUBE-SERVICES ends with the jump to KUBE-NODEPORTS for local destinations. */
export function writeLast(nat: RuleTable): void {
  addRule(nat, {
    chain: KUBE_SERVICES,
    matches: [comment('kubernetes service nodeports; NOTE: this must be the last rule in this chain'), { m: 'addrtype', dir: 'dst' }],
    target: { j: 'jump', chain: KUBE_NODEPORTS },
  });
}
