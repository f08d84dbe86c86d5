/**
 * kube-proxy in IPVS mode (kubernetes pkg/proxy/ipvs/proxier.go and
 * kubernetes.io/docs/reference/networking/virtual-ips/#proxy-mode-ipvs): Service IPs on the dummy
 * interface kube-ipvs0, one virtual server per service port with the endpoints as real servers (rr by
 * default; persistence for ClientIP affinity), and iptables only for masquerading through ipsets.
 */
import { describe, expect, it } from 'vitest';
import { loadExample, withChanges } from '../testing/examples';
import { trace } from '../trace/trace';
import { createSessionState } from './session';
import { ipvsadm, iptablesSave } from './kubeproxy-save';
import { showNode } from '../inspect/index';
import { formatMessage } from '../../i18n/sim/index';

const ipvsMode = (name: string) =>
  withChanges(loadExample(name), (c) => {
    c.cluster.kubeProxyMode = 'ipvs';
  });

describe('IPVS mode', () => {
  const s = ipvsMode('clusterip');

  it('lists a virtual server per service port with the endpoints as real servers, as ipvsadm -Ln does', () => {
    const out = ipvsadm(s, 'node-1').split('\n');
    expect(out[0]).toBe('IP Virtual Server version 1.2.1 (size=4096)');
    const i = out.indexOf('TCP  10.96.0.2:80 rr');
    expect(i).toBeGreaterThan(0);
    expect(out.slice(i + 1, i + 4)).toEqual([
      '  -> 10.244.0.4:8080              Masq    1      0          0',
      '  -> 10.244.1.2:8080              Masq    1      0          0',
      '  -> 10.244.1.3:8080              Masq    1      0          0',
    ]);
    expect(out).toContain('UDP  10.96.0.10:53 rr');
  });

  // kube-ipvs0 is a DOWN dummy that only holds the VIPs; packets never cross it. The VIP is a local
  // address, so PREROUTING -> local route -> INPUT (KUBE-IPVS-FILTER) and IPVS takes the packet at
  // LOCAL_IN (torvalds/linux net/netfilter/ipvs/ip_vs_core.c, ip_vs_ops4: ip_vs_remote_request4 at
  // NF_INET_LOCAL_IN), on the interface it came in on.
  it('takes the packet at LOCAL_IN after the local route and KUBE-IPVS-FILTER, never on kube-ipvs0, and names the IPVS entry', () => {
    const r = trace(s, { from: 'client', to: '10.96.0.2', port: 80 }, { seed: 2 });
    const i = r.hops.findIndex((h) => h.action === 'dnat');
    const dnat = r.hops[i]!;
    expect(dnat.iface).toBe('cni0');
    expect(r.hops.some((h) => h.iface === 'kube-ipvs0')).toBe(false);
    // Its own step first: PREROUTING -> local route -> INPUT (KUBE-IPVS-FILTER), the packet unchanged.
    const localIn = r.hops[i - 1]!;
    expect(localIn).toMatchObject({ at: dnat.at, iface: 'cni0', action: 'route', packet: { dst: '10.96.0.2', dport: 80 } });
    expect(localIn.match!.map((m) => m.rule)).toEqual(
      expect.arrayContaining([
        'local 10.96.0.2 dev kube-ipvs0 proto kernel scope host src 10.96.0.2',
        '-A INPUT -m comment --comment "kubernetes ipvs access filter" -j KUBE-IPVS-FILTER',
      ]),
    );
    expect(formatMessage('en', localIn.msg)).toContain('It reaches LOCAL_IN, where IPVS waits');
    // Then IPVS at LOCAL_IN: the virtual server and its chosen real server, nothing else.
    expect(dnat.match!.map((m) => m.kind)).toEqual(['ipvs']);
    expect(formatMessage('en', dnat.msg)).toContain('takes the packet at LOCAL_IN');
    const ipvs = dnat.match!.find((m) => m.kind === 'ipvs')!;
    expect(ipvs.rule.split('\n')[0]).toBe('TCP  10.96.0.2:80 rr');
    expect(ipvs.rule.split('\n')[1]).toContain(`-> ${dnat.packet.dst}:8080`);
    expect(r.reply!.hops[r.reply!.hops.length - 1]!.packet.src).toBe('10.96.0.2');
  });

  // IPVS keeps its own connection table and un-NATs replies from it (ipvsadm -Lnc lists it).
  it('lists the connection in ipvsadm -Lnc: client, virtual server, real server, ESTABLISHED once answered', () => {
    const r = trace(s, { from: 'client', to: '10.96.0.2', port: 80 }, { seed: 2 });
    const dnat = r.hops.find((h) => h.action === 'dnat')!;
    const out = showNode(s, dnat.at, 'ipvsadm-conns', { results: [r] }).stdout.split('\n');
    expect(out.slice(0, 2)).toEqual(['IPVS connection entries', 'pro expire state       source             virtual            destination']);
    const sport = r.hops[0]!.packet.sport;
    expect(out[2]).toBe(`TCP 14:59  ESTABLISHED ${`10.244.0.3:${sport}`.padEnd(18)} ${'10.96.0.2:80'.padEnd(18)} ${dnat.packet.dst}:8080`);
  });

  // IPVS un-NATs the reply itself from its connection table: ip_vs_reply4 at NF_INET_FORWARD for a
  // reply routed on, at NF_INET_LOCAL_IN for one to the node (ip_vs_ops4, net/netfilter/ipvs/ip_vs_core.c;
  // handle_response rewrites the source back to the virtual server), not conntrack's NAT.
  it('un-NATs the reply at FORWARD from its own table, the hop naming the ipvsadm -Lnc line', () => {
    const r = trace(s, { from: 'client', to: '10.96.0.2', port: 80 }, { seed: 2 });
    const dnat = r.hops.find((h) => h.action === 'dnat')!;
    const unnat = r.reply!.hops.find((h) => h.action === 'unnat' && h.packet.src === '10.96.0.2')!;
    expect(unnat.at).toBe(dnat.at);
    const ipvsLine = unnat.match!.find((m) => m.kind === 'ipvs')!;
    expect(ipvsLine.table).toBe('connections');
    const conns = showNode(s, dnat.at, 'ipvsadm-conns', { results: [r] }).stdout.split('\n');
    expect(conns).toContain(ipvsLine.rule);
    expect(formatMessage('en', unnat.msg)).toMatch(/^IPVS on node-\d un-NATs the reply itself: at FORWARD .* back to the virtual server 10\.96\.0\.2:80/);
    // A plain iptables-mode DNAT is still undone by conntrack, with no IPVS entry.
    const ipt = trace(loadExample('clusterip'), { from: 'client', to: '10.96.0.2', port: 80 }, { seed: 2 });
    const iptUnnat = ipt.reply!.hops.find((h) => h.action === 'unnat')!;
    expect(iptUnnat.match!.map((m) => m.kind)).toEqual(['conntrack']);
  });

  it('un-NATs the reply to a connection the node opened at LOCAL_IN, after taking the request at LOCAL_OUT', () => {
    const r = trace(s, { from: 'node-1', to: '10.96.0.2', port: 80 }, { seed: 1 });
    expect(r.verdict).toBe('delivered');
    expect(formatMessage('en', r.hops.find((h) => h.action === 'dnat')!.msg)).toContain('takes the packet at LOCAL_OUT');
    const unnat = r.reply!.hops.find((h) => h.action === 'unnat' && h.match!.some((m) => m.kind === 'ipvs'))!;
    expect(unnat.at).toBe('node-1');
    expect(formatMessage('en', unnat.msg)).toContain('at LOCAL_IN');
    expect(r.reply!.hops.at(-1)!.packet).toMatchObject({ src: '10.96.0.2', sport: 80 });
  });

  it('rotates round robin over the real servers within a session', () => {
    const session = createSessionState();
    const eps = Array.from({ length: 6 }, (_, i) => trace(s, { from: 'client', to: '10.96.0.2', port: 80 }, { seed: i, reply: false, session }).endpoint);
    expect(new Set(eps.slice(0, 3)).size).toBe(3);
    expect(eps.slice(3)).toEqual(eps.slice(0, 3));
  });

  it('keeps a client on one real server with persistence (sessionAffinity ClientIP)', () => {
    const sticky = withChanges(s, (c) => {
      c.services.find((x) => x.id === 'svc-web')!.sessionAffinity = 'ClientIP';
    });
    expect(ipvsadm(sticky, 'node-1')).toContain('TCP  10.96.0.2:80 rr persistent 10800');
    const session = createSessionState();
    const eps = new Set(
      Array.from({ length: 8 }, (_, i) => trace(sticky, { from: 'client', to: '10.96.0.2', port: 80 }, { seed: i, reply: false, session }).endpoint),
    );
    expect(eps.size).toBe(1);
  });

  it('answers a ping to a ClusterIP, which is a local address on kube-ipvs0', () => {
    const r = trace(s, { from: 'client', to: '10.96.0.2' }, { seed: 1 });
    expect(r.verdict).toBe('delivered');
    expect(r.hops[r.hops.length - 1]).toMatchObject({ at: 'node-1', iface: 'kube-ipvs0' });
  });

  it('masquerades through ipsets: KUBE-CLUSTER-IP for off-cluster sources', () => {
    const nat = iptablesSave(s, 'node-1');
    expect(nat).toContain(
      '-A KUBE-SERVICES ! -s 10.244.0.0/16 -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ',
    );
    const r = trace(s, { from: 'node-2', to: '10.96.0.2', port: 80 }, { seed: 4 });
    expect(r.hops.find((h) => h.action === 'snat')!.match!.some((m) => m.chain === 'KUBE-POSTROUTING')).toBe(true);
  });

  it('has NodePort virtual servers with only local real servers under externalTrafficPolicy Local', () => {
    const np = ipvsMode('nodeport');
    const n3 = ipvsadm(np, 'node-3').split('\n');
    const i = n3.indexOf('TCP  192.168.1.12:30081 rr');
    expect(i).toBeGreaterThan(0);
    expect(n3[i + 1]?.startsWith('  ->')).toBe(false);
    const r = trace(np, { from: 'laptop', to: '192.168.1.12', port: 30081 }, { seed: 1 });
    expect(r.reason!.code).toBe('no-local-endpoints');
    const ok = trace(np, { from: 'laptop', to: '192.168.1.10', port: 30081 }, { seed: 1 });
    expect(ok.endpoint).toBe('web-1');
    expect(ok.hops[ok.hops.length - 1]!.packet.src).toBe('203.0.113.7');
  });
});
