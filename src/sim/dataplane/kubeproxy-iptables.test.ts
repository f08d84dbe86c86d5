/**
 * The rules kube-proxy writes in iptables mode, checked against syncProxyRules() in kubernetes
 * pkg/proxy/iptables/proxier.go (v1.28+) and the rules a real node shows in `iptables-save -t nat`.
 */
import { describe, expect, it } from 'vitest';
import { loadExample, withChanges } from '../testing/examples';
import { iptablesSave } from './kubeproxy-save';

const lines = (text: string) => text.split('\n');

describe('iptables mode: ClusterIP rules', () => {
  const s = loadExample('clusterip');
  const nat = lines(iptablesSave(s, 'node-1', 'nat'));
  const svc = nat.find((l) => l.startsWith('-A KUBE-SERVICES -d 10.96.0.2/32'))!;
  const svcChain = svc.split(' -j ')[1]!;

  it('jumps from PREROUTING and OUTPUT to KUBE-SERVICES, and POSTROUTING to KUBE-POSTROUTING', () => {
    expect(nat).toContain('-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES');
    expect(nat).toContain('-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES');
    expect(nat).toContain('-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING');
  });

  it('matches the ClusterIP and port in KUBE-SERVICES and masquerades off-cluster sources', () => {
    expect(svc).toBe(`-A KUBE-SERVICES -d 10.96.0.2/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j ${svcChain}`);
    expect(nat).toContain(
      `-A ${svcChain} ! -s 10.244.0.0/16 -d 10.96.0.2/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ`,
    );
  });

  it('spreads over n endpoints with probability 1/(n-i), the last rule unconditional', () => {
    const lb = nat.filter((l) => l.startsWith(`-A ${svcChain} -m comment`));
    expect(lb).toHaveLength(3);
    expect(lb[0]).toMatch(/-m statistic --mode random --probability 0\.33333333349 -j KUBE-SEP-/);
    expect(lb[1]).toMatch(/-m statistic --mode random --probability 0\.50000000000 -j KUBE-SEP-/);
    expect(lb[2]).not.toContain('statistic');
    // Endpoints sorted by "ip:port": web-1 (10.244.0.x) before web-2, web-3 (10.244.1.x).
    expect(lb.map((l) => /-> ([\d.:]+)/.exec(l)![1])).toEqual(['10.244.0.4:8080', '10.244.1.2:8080', '10.244.1.3:8080']);
  });

  it('writes each KUBE-SEP chain as hairpin masquerade, then DNAT to podIP:targetPort', () => {
    const sep = /-j (KUBE-SEP-\w+)$/.exec(nat.find((l) => l.includes('-> 10.244.0.4:8080'))!)![1]!;
    expect(nat.filter((l) => l.startsWith(`-A ${sep} `))).toEqual([
      `-A ${sep} -s 10.244.0.4/32 -m comment --comment "default/web:http" -j KUBE-MARK-MASQ`,
      `-A ${sep} -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination 10.244.0.4:8080`,
    ]);
  });

  it('puts KUBE-NODEPORTS last in KUBE-SERVICES, for local destinations', () => {
    const services = nat.filter((l) => l.startsWith('-A KUBE-SERVICES '));
    expect(services[services.length - 1]).toBe(
      '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
    );
  });

  it('marks with 0x4000 and masquerades marked packets in KUBE-POSTROUTING', () => {
    expect(nat).toContain('-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000');
    expect(nat.filter((l) => l.startsWith('-A KUBE-POSTROUTING'))).toEqual([
      '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
      '-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0',
      '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
    ]);
  });

  it("prints flannel's chain in the same table", () => {
    expect(nat).toContain(':FLANNEL-POSTRTG - [0:0]');
    expect(nat.some((l) => l.startsWith('-A FLANNEL-POSTRTG -m mark --mark 0x4000/0x4000'))).toBe(true);
  });

  it('uses recent lists for sessionAffinity ClientIP', () => {
    const s2 = withChanges(s, (c) => {
      c.services.find((x) => x.id === 'svc-web')!.sessionAffinity = 'ClientIP';
    });
    const n = lines(iptablesSave(s2, 'node-1'));
    const rcheck = n.filter((l) => l.startsWith(`-A ${svcChain}`) && l.includes('--rcheck'));
    expect(rcheck).toHaveLength(3);
    expect(rcheck[0]).toMatch(/-m recent --rcheck --seconds 10800 --reap --name (KUBE-SEP-\w+) --mask 255\.255\.255\.255 --rsource -j \1$/);
    const dnats = n.filter((l) => l.includes('-j DNAT') && l.includes('"default/web:http"'));
    expect(dnats).toHaveLength(3);
    expect(dnats.every((l) => /-m recent --set --name KUBE-SEP-\w+ --mask 255\.255\.255\.255 --rsource -m tcp -j DNAT/.test(l))).toBe(true);
  });
});

describe('iptables mode: no endpoints and Local policies', () => {
  it('REJECTs a Service without endpoints in the filter table and writes no nat rule for it', () => {
    const s = loadExample('no-endpoints');
    const nat = iptablesSave(s, 'node-1', 'nat');
    const filter = lines(iptablesSave(s, 'node-1', 'filter'));
    expect(nat).not.toContain('default/web:http');
    expect(filter).toContain(
      '-A KUBE-SERVICES -d 10.96.0.2/32 -p tcp -m comment --comment "default/web:http has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
    );
  });

  it('sends NodePort traffic through KUBE-EXT; Cluster masquerades, Local keeps the source and uses KUBE-SVL', () => {
    const s = loadExample('nodeport');
    const n1 = lines(iptablesSave(s, 'node-1'));
    const cluster = n1.find((l) => l.includes('--comment "default/web-cluster:http" -m tcp --dport 30080'))!;
    const ext = cluster.split(' -j ')[1]!;
    expect(cluster.startsWith('-A KUBE-NODEPORTS -p tcp')).toBe(true);
    expect(n1).toContain(`-A ${ext} -m comment --comment "masquerade traffic for default/web-cluster:http external destinations" -j KUBE-MARK-MASQ`);
    const local = n1.find((l) => l.includes('--dport 30081'))!.split(' -j ')[1]!;
    const localRules = n1.filter((l) => l.startsWith(`-A ${local} `));
    expect(localRules[0]).toContain('-s 10.244.0.0/16 -m comment --comment "pod traffic for default/web-local:http external destinations"');
    expect(localRules[localRules.length - 1]).toBe(`-A ${local} -j ${local.replace('KUBE-EXT-', 'KUBE-SVL-')}`);
    // The SVL chain of node-1 holds only node-1's endpoint.
    expect(n1.filter((l) => l.startsWith(`-A ${local.replace('KUBE-EXT-', 'KUBE-SVL-')} `))).toHaveLength(1);
  });

  it('DROPs external traffic on a node without a local endpoint under externalTrafficPolicy Local', () => {
    const s = loadExample('nodeport');
    const filter = lines(iptablesSave(s, 'node-3', 'filter'));
    expect(filter).toContain(
      '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/web-local:http has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30081 -j DROP',
    );
    expect(iptablesSave(s, 'node-3', 'nat')).not.toContain('KUBE-SVL-');
  });
});
