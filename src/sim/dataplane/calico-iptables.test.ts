/**
 * Calico's nat chains as felix renders them, with felix's rule hashes (felix/generictables/rules.go
 * RuleHashes: SHA-224 over the chain name, then each rule chained in, URL-safe base64, 16 characters;
 * the rule rendered as `-A <chain> HASH <match> <action>`, felix/iptables/renderer.go). The expected
 * hashes are the ones real nodes print, e.g. `-A INPUT -m comment --comment "cali:Cz_u1IQiXIMmKD4c"
 * -j cali-INPUT` and `-A cali-nat-outgoing -m comment --comment "cali:flqWnvo8yq4ULQLa" -m set
 * --match-set cali40masq-ipam-pools src -m set ! --match-set cali40all-ipam-pools dst -j MASQUERADE
 * --random-fully` in published `iptables-save` dumps of Calico clusters; without --random-fully the
 * tunl0 rule is `cali:JHlpT-eSqR1TvyYm`.
 */
import { describe, expect, it } from 'vitest';
import { loadExample, withChanges } from '../testing/examples';
import { topology } from '../model/topology';
import { iptablesSaveAll } from '../inspect/iptables-save';
import { trace } from '../trace/trace';
import { locateMatch } from '../inspect/locate';
import { CALICO_NAT_OUTGOING_RULE, felixRuleHashes } from './calico-iptables';

describe('felix rule hashes', () => {
  it('reproduce the hashes real Calico nodes print', () => {
    expect(felixRuleHashes('INPUT', ['-A INPUT HASH --jump cali-INPUT'])).toEqual(['Cz_u1IQiXIMmKD4c']);
    expect(felixRuleHashes('FORWARD', ['-A FORWARD HASH --jump cali-FORWARD'])).toEqual(['wUHhoiAYhphO9Mso']);
    expect(felixRuleHashes('PREROUTING', ['-A PREROUTING HASH --jump cali-PREROUTING'])).toEqual(['6gwbT8clXdHdC1b1']);
    const post = ['-A cali-POSTROUTING HASH --jump cali-fip-snat', '-A cali-POSTROUTING HASH --jump cali-nat-outgoing'];
    const tunl0 =
      '-A cali-POSTROUTING HASH --out-interface tunl0 -m addrtype ! --src-type LOCAL --limit-iface-out -m addrtype --src-type LOCAL --jump MASQUERADE';
    // Each hash chains in the ones before it: the third rule's hash depends on the first two.
    expect(felixRuleHashes('cali-POSTROUTING', [...post, tunl0])[2]).toBe('JHlpT-eSqR1TvyYm');
    expect(felixRuleHashes('cali-POSTROUTING', [tunl0])[0]).not.toBe('JHlpT-eSqR1TvyYm');
    expect(CALICO_NAT_OUTGOING_RULE).toBe(
      '-A cali-nat-outgoing -m comment --comment "cali:flqWnvo8yq4ULQLa" -m set --match-set cali40masq-ipam-pools src -m set ! --match-set cali40all-ipam-pools dst -j MASQUERADE --random-fully',
    );
  });
});

describe("a Calico node's nat table", () => {
  const s = loadExample('calico-policy');

  it("has felix's jumps at the top of the built-in chains, before kube-proxy's, and its chains", () => {
    const nat = iptablesSaveAll(topology(s), s.nodes[0]!, 'nat').split('\n');
    const pre = nat.filter((l) => l.startsWith('-A PREROUTING '));
    expect(pre[0]).toBe('-A PREROUTING -m comment --comment "cali:6gwbT8clXdHdC1b1" -j cali-PREROUTING');
    expect(pre[1]).toBe('-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES');
    expect(nat).toEqual(expect.arrayContaining([':cali-nat-outgoing - [0:0]', ':cali-fip-snat - [0:0]', CALICO_NAT_OUTGOING_RULE]));
    expect(nat).toContain(
      '-A cali-POSTROUTING -o tunl0 -m comment --comment "cali:SXWvdsbh4Mw7wOln" -m addrtype ! --src-type LOCAL --limit-iface-out -m addrtype --src-type LOCAL -j MASQUERADE --random-fully',
    );
  });

  it('in VXLAN mode masquerades UDP into the tunnel away from port 4789 first (felix masqPortRangeExcluding)', () => {
    const v = withChanges(s, (c) => void (c.cluster.calicoMode = 'vxlan'));
    const nat = iptablesSaveAll(topology(v), v.nodes[0]!, 'nat')
      .split('\n')
      .filter((l) => l.startsWith('-A cali-POSTROUTING -o vxlan.calico'));
    expect(nat).toHaveLength(2);
    expect(nat[0]).toMatch(
      /^-A cali-POSTROUTING -o vxlan\.calico -p udp -m comment --comment "cali:[A-Za-z0-9_-]{16}" -m addrtype ! --src-type LOCAL --limit-iface-out -m addrtype --src-type LOCAL -j MASQUERADE --to-ports 4790-65535 --random-fully$/,
    );
  });

  it("the natOutgoing MASQUERADE a pod's packet to the internet matches is that line of the node's iptables-save", () => {
    const t = topology(s);
    const pod = s.pods.find((p) => !p.namespace.startsWith('kube-'))!;
    // A node on another subnet is outside every IP pool: natOutgoing masquerades the pod's packet to it.
    const far = s.nodes.find((n) => n.subnet !== t.nodes.get(pod.node)!.subnet)!;
    const r = trace(s, { from: pod.id, to: far.ip }, { seed: 1 });
    const i = r.hops.findIndex((h) => h.action === 'snat');
    expect(i).toBeGreaterThan(0);
    const m = r.hops[i]!.match!.find((x) => x.chain === 'cali-nat-outgoing')!;
    expect(m.rule).toBe(CALICO_NAT_OUTGOING_RULE);
    expect(locateMatch(s, r.hops[i]!, r.hops[i - 1], m)).toMatchObject({ element: pod.node, tool: 'iptables-save' });
    expect(t.nodes.has(pod.node)).toBe(true);
  });
});
