/**
 * Calico's nat table chains on a node, as felix renders them (projectcalico/calico felix/rules/static.go
 * StaticNATTableChains, felix/rules/nat.go NATOutgoingChain) and iptables-save prints them.
 *
 * Every felix rule carries a `-m comment --comment "cali:<hash>"`: felix/generictables/rules.go
 * RuleHashes hashes the chain name with SHA-224, then chains each rule into the hash (SHA-224 of the
 * previous hash and the rule as felix renders it, `-A <chain> HASH <matches> <action>`), and keeps the
 * first 16 characters of the URL-safe base64 (felix/iptables/renderer.go). Felix's jumps from the
 * built-in chains are inserted at their top (ChainInsertMode insert), before kube-proxy's.
 * felix renders long options (`--out-interface`, `--jump`, `-p 17`); iptables-save prints short ones,
 * the interface and protocol first, then each `-m` module in order, then the target.
 */
import { sha224 } from '@noble/hashes/sha2.js';
import { base64urlnopad } from '@scure/base';
import type { Node } from '../model/schema';
import type { Topology } from '../model/topology';
import { CALICO_VXLAN_DEV, CALICO_VXLAN_PORT, IPIP_DEV } from './calico-net';

const HASH_LENGTH = 16;
const enc = new TextEncoder();

/** felix's rule hashes for one chain: each rule's hash depends on the chain name and every rule before it. */
export function felixRuleHashes(chain: string, rendered: readonly string[]): string[] {
  let hash = sha224(enc.encode(chain));
  return rendered.map((rule) => {
    const next = new Uint8Array(hash.length + enc.encode(rule).length);
    next.set(hash);
    next.set(enc.encode(rule), hash.length);
    hash = sha224(next);
    return base64urlnopad.encode(hash).slice(0, HASH_LENGTH);
  });
}

/** One felix rule: how felix renders its match and action (hashed), and how iptables-save prints them around the hash comment. */
interface FelixRule {
  /** felix's rendering after the hash placeholder: `--out-interface tunl0 -m addrtype ... --jump MASQUERADE`. */
  felix: string;
  /** iptables-save's: what comes before the comment (`-o tunl0 -p udp`), and after it. */
  before?: string;
  after: string;
}

function chainLines(chain: string, rules: readonly FelixRule[]): string[] {
  const hashes = felixRuleHashes(
    chain,
    rules.map((r) => `-A ${chain} HASH ${r.felix}`),
  );
  return rules.map((r, i) => `-A ${chain}${r.before ? ` ${r.before}` : ''} -m comment --comment "cali:${hashes[i]}" ${r.after}`);
}

const jump = (chain: string): FelixRule => ({ felix: `--jump ${chain}`, after: `-j ${chain}` });

/** Features felix detects on any current kernel and iptables: MASQUERADE --random-fully (iptables >= 1.6.2). */
const MASQ = { felix: '--jump MASQUERADE --random-fully', save: '-j MASQUERADE --random-fully' };

/** `-A cali-nat-outgoing`: an IP pool with natOutgoing (the default) masquerades traffic leaving every pool. */
const NAT_OUTGOING: FelixRule = {
  felix: `-m set --match-set cali40masq-ipam-pools src -m set ! --match-set cali40all-ipam-pools dst ${MASQ.felix}`,
  after: `-m set --match-set cali40masq-ipam-pools src -m set ! --match-set cali40all-ipam-pools dst ${MASQ.save}`,
};

export const CALICO_NAT_OUTGOING_CHAIN = 'cali-nat-outgoing';

/** The line iptables-save prints for the natOutgoing MASQUERADE rule (the one a Calico SNAT hop names). */
export const CALICO_NAT_OUTGOING_RULE = chainLines(CALICO_NAT_OUTGOING_CHAIN, [NAT_OUTGOING])[0]!;

/**
 * The tunnel device's source fix-up: a packet leaving through the tunnel with a local source that is not
 * the tunnel's own address is masqueraded to it. In VXLAN mode UDP first gets a source port range that
 * avoids the VXLAN port (felix masqPortRangeExcluding: the wider side of 4789 within 1024-65535).
 */
function tunnelMasq(dev: string, vxlan: boolean): FelixRule[] {
  const addr = {
    felix: '-m addrtype ! --src-type LOCAL --limit-iface-out -m addrtype --src-type LOCAL',
    save: '-m addrtype ! --src-type LOCAL --limit-iface-out -m addrtype --src-type LOCAL',
  };
  const rules: FelixRule[] = [];
  if (vxlan) {
    const lo = 1024;
    const hi = 65535;
    const ports = CALICO_VXLAN_PORT - lo >= hi - CALICO_VXLAN_PORT ? `${lo}-${CALICO_VXLAN_PORT - 1}` : `${CALICO_VXLAN_PORT + 1}-${hi}`;
    rules.push({
      felix: `-p 17 --out-interface ${dev} ${addr.felix} --jump MASQUERADE --to-ports ${ports} --random-fully`,
      before: `-o ${dev} -p udp`,
      after: `${addr.save} -j MASQUERADE --to-ports ${ports} --random-fully`,
    });
  }
  rules.push({ felix: `--out-interface ${dev} ${addr.felix} ${MASQ.felix}`, before: `-o ${dev}`, after: `${addr.save} ${MASQ.save}` });
  return rules;
}

export interface CalicoNat {
  /** Felix's jumps, inserted at the top of the built-in chains. */
  first: Map<string, string[]>;
  /** Felix's own chains. */
  chains: Map<string, string[]>;
}

/** The nat table chains felix programs on a node of this cluster (iptables dataplane, IPv4). */
export function calicoNatChains(t: Topology, _node: Node): CalicoNat {
  const mode = t.scenario.cluster.calicoMode;
  const tunnel = mode === 'ipip' ? tunnelMasq(IPIP_DEV, false) : mode === 'vxlan' ? tunnelMasq(CALICO_VXLAN_DEV, true) : [];
  const first = new Map<string, string[]>([
    ['PREROUTING', chainLines('PREROUTING', [jump('cali-PREROUTING')])],
    ['OUTPUT', chainLines('OUTPUT', [jump('cali-OUTPUT')])],
    ['POSTROUTING', chainLines('POSTROUTING', [jump('cali-POSTROUTING')])],
  ]);
  const chains = new Map<string, string[]>([
    ['cali-OUTPUT', chainLines('cali-OUTPUT', [jump('cali-fip-dnat')])],
    ['cali-POSTROUTING', chainLines('cali-POSTROUTING', [jump('cali-fip-snat'), jump(CALICO_NAT_OUTGOING_CHAIN), ...tunnel])],
    ['cali-PREROUTING', chainLines('cali-PREROUTING', [jump('cali-fip-dnat')])],
    ['cali-fip-dnat', []],
    ['cali-fip-snat', []],
    [CALICO_NAT_OUTGOING_CHAIN, [CALICO_NAT_OUTGOING_RULE]],
  ]);
  return { first, chains };
}
