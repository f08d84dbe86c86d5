/**
 * Complete dumps: kube-proxy's jumps in the order it leaves them (it prepends each jump of
 * iptablesJumpChains, kubernetes pkg/proxy/iptables/proxier.go; IPVS: iptablesJumpChain in
 * pkg/proxy/ipvs/proxier.go), kubelet's KUBE-FIREWALL and canaries, flannel's FLANNEL-FWD, and every
 * chain a rule jumps to declared in its table.
 */
import { describe, expect, it } from 'vitest';
import { loadExample, withChanges } from '../testing/examples';
import { topology } from '../model/topology';
import { iptablesSaveAll } from './iptables-save';

function chainRules(dump: string, table: string, chain: string): string[] {
  const body = dump.slice(dump.indexOf(`*${table}\n`));
  return body
    .slice(0, body.indexOf('COMMIT'))
    .split('\n')
    .filter((l) => l.startsWith(`-A ${chain} `));
}

/** Every `-j X` names a built-in target or a chain declared in the same table. */
function undeclaredJumps(dump: string): string[] {
  const bad: string[] = [];
  for (const block of dump.split(/^\*/m).slice(1)) {
    const declared = new Set([...block.matchAll(/^:(\S+) /gm)].map((m) => m[1]!));
    for (const m of block.matchAll(/ -j (\S+)/g)) {
      if (!/^[A-Z]+$/.test(m[1]!) || m[1]!.includes('-')) if (!declared.has(m[1]!)) bad.push(m[1]!);
    }
  }
  return bad;
}

describe('iptables-save (iptables mode)', () => {
  const s = loadExample('nodeport');
  const dump = iptablesSaveAll(topology(s), s.nodes[0]!);

  it('prints mangle, filter and nat with the kubelet and kube-proxy canaries', () => {
    expect(dump.match(/^\*\w+$/gm)).toEqual(['*mangle', '*filter', '*nat']);
    for (const c of [':KUBE-IPTABLES-HINT - [0:0]', ':KUBE-KUBELET-CANARY - [0:0]', ':KUBE-PROXY-CANARY - [0:0]']) expect(dump).toContain(c);
  });

  it("puts kube-proxy's jumps in INPUT, FORWARD and OUTPUT in real order, kubelet's and flannel's after them", () => {
    expect(chainRules(dump, 'filter', 'INPUT')).toEqual([
      '-A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
      '-A INPUT -m comment --comment "kubernetes health check service ports" -j KUBE-NODEPORTS',
      '-A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES',
      '-A INPUT -j KUBE-FIREWALL',
    ]);
    expect(chainRules(dump, 'filter', 'FORWARD')).toEqual([
      '-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
      '-A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD',
      '-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      '-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES',
      '-A FORWARD -m comment --comment "flanneld forward" -j FLANNEL-FWD',
    ]);
    expect(chainRules(dump, 'filter', 'KUBE-FIREWALL')).toEqual([
      '-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
    ]);
    expect(chainRules(dump, 'filter', 'FLANNEL-FWD')).toEqual([
      '-A FLANNEL-FWD -s 10.244.0.0/16 -m comment --comment "flanneld forward" -j ACCEPT',
      '-A FLANNEL-FWD -d 10.244.0.0/16 -m comment --comment "flanneld forward" -j ACCEPT',
    ]);
    expect(undeclaredJumps(dump)).toEqual([]);
  });
});

describe('iptables-save (IPVS mode)', () => {
  const s = withChanges(loadExample('nodeport'), (c) => void (c.cluster.kubeProxyMode = 'ipvs'));
  const dump = iptablesSaveAll(topology(s), s.nodes[0]!);

  it('declares every chain it jumps to, KUBE-NODE-PORT included', () => {
    expect(dump).toContain(':KUBE-NODE-PORT - [0:0]');
    expect(undeclaredJumps(dump)).toEqual([]);
  });

  it("has KUBE-IPVS-FILTER and KUBE-FORWARD's INVALID and ESTABLISHED rules", () => {
    expect(chainRules(dump, 'filter', 'INPUT')[0]).toBe('-A INPUT -m comment --comment "kubernetes ipvs access filter" -j KUBE-IPVS-FILTER');
    expect(chainRules(dump, 'filter', 'KUBE-IPVS-FILTER').at(-1)).toBe(
      '-A KUBE-IPVS-FILTER -m conntrack --ctstate NEW -m set --match-set KUBE-IPVS-IPS dst -j REJECT --reject-with icmp-port-unreachable',
    );
    expect(chainRules(dump, 'filter', 'KUBE-FORWARD')).toEqual([
      '-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP',
      '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT',
      '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
    ]);
  });
});
