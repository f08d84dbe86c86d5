/**
 * Cluster DNS (kubernetes.io/docs/concepts/services-networking/dns-pod-service/): a pod's resolv.conf
 * has `search <ns>.svc.cluster.local svc.cluster.local cluster.local` and `options ndots:5`; Services
 * resolve to their ClusterIP, headless Services to their pods' IPs, ExternalName to a CNAME; the query
 * goes to kube-dns (10.96.0.10 on kubeadm) and through kube-proxy to a CoreDNS pod.
 */
import { describe, expect, it } from 'vitest';
import { loadExample, withChanges } from '../testing/examples';
import { topology } from '../model/topology';
import { trace } from '../trace/trace';
import { candidateNames, clusterDnsIp, resolveFromPod, searchList } from './dns';

describe('resolver search list', () => {
  const search = ['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local'];

  it('tries the search list first when the name has fewer than ndots (5) dots', () => {
    expect(candidateNames('web', search)).toEqual(['web.shop.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web']);
    expect(candidateNames('web.shop.svc.cluster.local', search)[0]).toBe('web.shop.svc.cluster.local.shop.svc.cluster.local');
  });

  it('asks an absolute name (trailing dot) or one with 5+ dots as given first', () => {
    expect(candidateNames('web.shop.svc.cluster.local.', search)).toEqual(['web.shop.svc.cluster.local']);
    expect(candidateNames('a.b.c.d.e.f', search)[0]).toBe('a.b.c.d.e.f');
  });

  it('is built from the pod namespace and cluster domain', () => {
    const t = topology(loadExample('dns'));
    expect(searchList(t, { namespace: 'shop' })).toEqual(search);
    expect(clusterDnsIp(t)).toBe('10.96.0.10');
  });
});

describe('CoreDNS answers', () => {
  const s = loadExample('dns');
  const t = topology(s);

  it('resolves svc, svc.ns and the FQDN to the ClusterIP, counting failed search attempts', () => {
    const web = t.services.get('svc-web')!.clusterIP!;
    expect(resolveFromPod(t, { namespace: 'shop' }, 'web').answer?.addresses).toEqual([web]);
    const cross = resolveFromPod(t, { namespace: 'default' }, 'web.shop');
    expect(cross.queries).toEqual([
      { name: 'web.shop.default.svc.cluster.local', rcode: 'NXDOMAIN' },
      { name: 'web.shop.svc.cluster.local', rcode: 'NOERROR' },
    ]);
    expect(resolveFromPod(t, { namespace: 'default' }, 'web').answer).toBeUndefined();
  });

  it('answers pod IPs for a headless Service and a CNAME for ExternalName', () => {
    expect(resolveFromPod(t, { namespace: 'shop' }, 'db').answer).toMatchObject({ kind: 'headless', addresses: ['10.244.0.4', '10.244.1.5'] });
    const ext = resolveFromPod(t, { namespace: 'shop' }, 'payments').answer!;
    expect(ext.records[0]).toBe('payments.shop.svc.cluster.local. 30 IN CNAME api.payments.example.');
  });
});

describe('tracing to a name', () => {
  const s = loadExample('dns');

  it('first traces the query to kube-dns, DNATed to a CoreDNS pod, and its answer back, then the connection', () => {
    const r = trace(s, { from: 'shop-client', to: 'web', port: 80 }, { seed: 3 });
    expect(r.verdict).toBe('delivered');
    const dns = r.dns!;
    expect(dns.hops[0]!.packet).toMatchObject({ dst: '10.96.0.10', dport: 53, proto: 'udp' });
    expect(dns.hops.some((h) => h.action === 'dnat' && h.match!.some((m) => m.rule.includes('kube-system/kube-dns:dns cluster IP')))).toBe(true);
    const answer = dns.hops.find((h) => h.action === 'dns')!;
    expect(['coredns-1', 'coredns-2']).toContain(answer.at);
    expect(answer.match!.map((m) => m.rule)).toContain('web.shop.svc.cluster.local. 30 IN A 10.96.0.2');
    expect(dns.reply!.hops[dns.reply!.hops.length - 1]!.packet).toMatchObject({ src: '10.96.0.10', sport: 53, dst: '10.244.0.3' });
    expect(dns.answer).toEqual(['10.96.0.2']);
    expect(r.hops[0]!.packet.dst).toBe('10.96.0.2');
    expect(r.endpoint).toBe('web-1');
  });

  it('connects straight to a pod IP for a headless Service (no DNAT)', () => {
    const r = trace(s, { from: 'shop-client', to: 'db', port: 5432 }, { seed: 1 });
    expect(r.verdict).toBe('delivered');
    expect(r.hops.some((h) => h.action === 'dnat')).toBe(false);
    expect(['db-0', 'db-1']).toContain(r.endpoint);
    expect(r.hops[0]!.packet.dst).toBe(r.dns!.answer![0]);
  });

  it('follows an ExternalName CNAME to the outside host', () => {
    const r = trace(s, { from: 'shop-client', to: 'payments', port: 443 }, { seed: 1 });
    expect(r.dns!.answer).toEqual(['api.payments.example', '203.0.113.50']);
    expect(r.hops[r.hops.length - 1]!.at).toBe('payments-api');
  });

  it('fails with nxdomain for an unknown name, after the whole search list', () => {
    const r = trace(s, { from: 'shop-client', to: 'nosuch', port: 80 }, { seed: 1 });
    expect(r.verdict).toBe('dropped');
    expect(r.reason!.code).toBe('nxdomain');
    expect(r.hops).toEqual([]);
    expect(r.dns!.queries.map((q) => q.rcode)).toEqual(['NXDOMAIN', 'NXDOMAIN', 'NXDOMAIN', 'NXDOMAIN']);
  });

  it('fails with dns-unavailable when kube-dns has no endpoints or does not exist', () => {
    const noPods = withChanges(s, (c) => {
      c.pods = c.pods.filter((p) => p.namespace !== 'kube-system');
    });
    const r = trace(noPods, { from: 'shop-client', to: 'web', port: 80 }, { seed: 1 });
    expect(r.reason!.code).toBe('dns-unavailable');
    expect(r.dns!.reason!.code).toBe('no-endpoints');
    const noSvc = withChanges(s, (c) => {
      c.services = c.services.filter((x) => x.name !== 'kube-dns');
    });
    expect(trace(noSvc, { from: 'shop-client', to: 'web', port: 80 }, { seed: 1 }).reason!.code).toBe('dns-unavailable');
  });
});
