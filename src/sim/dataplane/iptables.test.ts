/**
 * The rule printer and walker. Sources: iptables extensions/libxt_statistic.c (the probability is
 * stored as lround(p * 2^31) and saved with %.11f, which is why 1/3 shows as 0.33333333349),
 * xtables_save_string() quoting, libxt_MARK (--or-mark prints as --set-xmark v/v, --xor-mark as
 * --set-xmark v/0x0), and netfilter chain traversal (first match, RETURN to the caller).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addRule, kubeProxyProbability, newTable, probabilityThreshold, savedProbability, saveString, saveTable } from './iptables';
import { walk, type Probe } from './iptables-walk';

const saved = (n: number) => savedProbability(probabilityThreshold(Number(kubeProxyProbability(n))));

function probe(over: Partial<Probe> = {}): Probe {
  return { src: '10.244.0.2', dst: '10.96.0.20', proto: 'tcp', dport: 80, mark: false, isLocal: () => false, random31: () => 0, ...over };
}

describe('iptables-save formatting', () => {
  it('prints 1/n as real iptables-save does', () => {
    // Real dumps: 0.20000000019, 0.25000000000, 0.33333333349, 0.50000000000 (5 endpoints).
    expect([5, 4, 3, 2].map(saved)).toEqual(['0.20000000019', '0.25000000000', '0.33333333349', '0.50000000000']);
    expect(kubeProxyProbability(3)).toBe('0.3333333333');
  });

  it('quotes strings the way xtables_save_string() does', () => {
    expect(saveString('KUBE-SVC')).toBe('KUBE-SVC');
    expect(saveString('default/web:http cluster IP')).toBe('"default/web:http cluster IP"');
    expect(saveString('say "hi"')).toBe('"say \\"hi\\""');
  });

  it('orders header matches, modules and target like iptables-save', () => {
    const t = newTable('nat');
    const r = addRule(t, {
      chain: 'KUBE-SVC-X',
      src: '10.244.0.0/16',
      notSrc: true,
      dst: '10.96.0.20',
      proto: 'tcp',
      matches: [
        { m: 'comment', comment: 'shop/web:http cluster IP' },
        { m: 'l4', proto: 'tcp', dport: 80 },
      ],
      target: { j: 'jump', chain: 'KUBE-MARK-MASQ' },
    });
    expect(r.text).toBe(
      '-A KUBE-SVC-X ! -s 10.244.0.0/16 -d 10.96.0.20/32 -p tcp -m comment --comment "shop/web:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ',
    );
    const m = addRule(t, { chain: 'KUBE-MARK-MASQ', matches: [], target: { j: 'MARK', value: 0x4000, mask: 0x4000 } });
    expect(m.text).toBe('-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000');
  });

  it('saves built-in chains first, then user chains sorted, each with its rules', () => {
    const t = newTable('nat');
    addRule(t, { chain: 'KUBE-SERVICES', matches: [], target: { j: 'RETURN' } });
    addRule(t, { chain: 'PREROUTING', matches: [], target: { j: 'jump', chain: 'KUBE-SERVICES' } });
    addRule(t, { chain: 'KUBE-MARK-MASQ', matches: [], target: { j: 'MARK', value: 0x4000, mask: 0x4000 } });
    expect(saveTable(t).split('\n')).toEqual([
      '*nat',
      ':PREROUTING ACCEPT [0:0]',
      ':INPUT ACCEPT [0:0]',
      ':OUTPUT ACCEPT [0:0]',
      ':POSTROUTING ACCEPT [0:0]',
      ':KUBE-MARK-MASQ - [0:0]',
      ':KUBE-SERVICES - [0:0]',
      '-A PREROUTING -j KUBE-SERVICES',
      '-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000',
      '-A KUBE-SERVICES -j RETURN',
      'COMMIT',
      '',
    ]);
  });
});

describe('walking chains', () => {
  const t = newTable('nat');
  addRule(t, { chain: 'PREROUTING', matches: [], target: { j: 'jump', chain: 'A' } });
  addRule(t, { chain: 'A', dst: '10.96.0.20', proto: 'tcp', matches: [{ m: 'l4', proto: 'tcp', dport: 80 }], target: { j: 'jump', chain: 'B' } });
  addRule(t, { chain: 'A', matches: [], target: { j: 'jump', chain: 'MARKER' } });
  addRule(t, { chain: 'B', src: '10.244.0.0/16', notSrc: true, matches: [], target: { j: 'jump', chain: 'MARKER' } });
  addRule(t, { chain: 'B', matches: [{ m: 'statistic', threshold: probabilityThreshold(0.5) }], target: { j: 'DNAT', to: '10.244.1.2:8080' } });
  addRule(t, { chain: 'B', matches: [], target: { j: 'DNAT', to: '10.244.2.2:8080' } });
  addRule(t, { chain: 'MARKER', matches: [], target: { j: 'MARK', value: 0x4000, mask: 0x4000 } });

  it('follows jumps to the first terminating rule', () => {
    const low = walk(t, 'PREROUTING', probe({ random31: () => 0 }));
    expect(low).toMatchObject({ verdict: 'DNAT', dnat: '10.244.1.2:8080', mark: false });
    const high = walk(t, 'PREROUTING', probe({ random31: () => 0x7fffffff }));
    expect(high.dnat).toBe('10.244.2.2:8080');
    expect(high.trail.map((r) => r.chain)).toEqual(['PREROUTING', 'A', 'B']);
  });

  it('marks, returns from a user chain at its end, and continues in the caller', () => {
    const outside = walk(t, 'PREROUTING', probe({ src: '192.168.1.50', random31: () => 0 }));
    expect(outside.mark).toBe(true);
    const other = walk(t, 'PREROUTING', probe({ dport: 443 }));
    expect(other.verdict).toBeUndefined();
    expect(other.trail.map((r) => r.chain)).toEqual(['PREROUTING', 'A', 'MARKER']);
    expect(other.mark).toBe(true);
  });

  it('matches a statistic rule with the probability it was written with', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (r) => {
        const res = walk(t, 'PREROUTING', probe({ random31: () => r }));
        expect(res.dnat).toBe(r < probabilityThreshold(0.5) ? '10.244.1.2:8080' : '10.244.2.2:8080');
      }),
    );
  });

  it('keeps first-match order when it skips rules for other destinations', () => {
    const u = newTable('nat');
    addRule(u, { chain: 'C', dst: '10.96.0.1', matches: [], target: { j: 'DNAT', to: '10.244.0.1:1' } });
    addRule(u, { chain: 'C', dst: '10.96.0.0/16', matches: [], target: { j: 'DNAT', to: '10.244.0.2:2' } });
    addRule(u, { chain: 'C', dst: '10.96.0.2', notDst: true, matches: [], target: { j: 'DNAT', to: '10.244.0.3:3' } });
    addRule(u, { chain: 'C', dst: '10.96.0.2', matches: [], target: { j: 'DNAT', to: '10.244.0.4:4' } });
    expect(walk(u, 'C', probe({ dst: '10.96.0.1' })).dnat).toBe('10.244.0.1:1');
    expect(walk(u, 'C', probe({ dst: '10.96.0.2' })).dnat).toBe('10.244.0.2:2');
    expect(walk(u, 'C', probe({ dst: '10.97.0.2' })).dnat).toBe('10.244.0.3:3');
    addRule(u, { chain: 'D', dst: '10.96.0.2', matches: [], target: { j: 'DNAT', to: '10.244.0.4:4' } });
    expect(walk(u, 'D', probe({ dst: '10.96.0.2' })).dnat).toBe('10.244.0.4:4');
    // A rule added after a walk is seen by the next walk.
    addRule(u, { chain: 'D', matches: [], target: { j: 'DNAT', to: '10.244.0.5:5' } });
    expect(walk(u, 'D', probe({ dst: '10.96.0.9' })).dnat).toBe('10.244.0.5:5');
  });
});
