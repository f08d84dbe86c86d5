/**
 * Tracing a pod's DNS lookup as packets: a UDP query from the pod to the nameserver in its
 * resolv.conf (the kube-dns ClusterIP, 10.96.0.10 on kubeadm), DNATed by kube-proxy to a CoreDNS pod,
 * CoreDNS's answer there, and the response back through conntrack. The names the resolver tries come
 * from dns.ts; the packets of the last query are traced (earlier search-list queries take the same path).
 */
import type { Pod } from '../model/schema';
import type { Topology } from '../model/topology';
import type { Rng } from '../trace/rng';
import { drop, pushHop } from '../trace/context';
import type { DnsLookup, DropReason, HopMatch, PacketHeaders } from '../trace/types';
import type { ExchangeRunner } from '../trace/exchange';
import { clusterDnsIp, dnsService, DNS_PORT, resolveFromPod, type Answer } from './dns';
import { selectPods } from './endpoints';
import { EPHEMERAL_PORTS } from './ephemeral';
import { msg, type Message } from '../messages/index';

export interface LookupOutcome {
  lookup: DnsLookup;
  /** The address to connect to, when the lookup gave one. */
  address?: string;
  /** For a headless Service: the pod whose address was used. */
  endpoint?: string;
  failure?: DropReason;
}

function describe(answer: Answer | undefined): Message {
  if (!answer) return msg('answer.nxdomain');
  switch (answer.kind) {
    case 'service':
      return msg('answer.service', { ip: answer.addresses[0]!, service: `${answer.svc.namespace}/${answer.svc.name}` });
    case 'headless':
      return answer.addresses.length
        ? msg('answer.headless', { ips: answer.addresses, service: `${answer.svc.namespace}/${answer.svc.name}` })
        : msg('answer.headless-empty', { service: `${answer.svc.namespace}/${answer.svc.name}` });
    case 'externalName':
      return msg('answer.external-name', { target: answer.target, ...(answer.addresses.length ? { ip: answer.addresses[0]! } : {}) });
    case 'pod':
      return msg('answer.pod', { ip: answer.addresses[0]! });
    case 'upstream':
      return msg('answer.upstream', { ip: answer.addresses[0]! });
  }
}

/**
 * Why a lookup got no answer, naming the missing add-on first: no kube-dns Service at all (the
 * cluster has no CoreDNS), a kube-dns Service with no CoreDNS pod behind it, or, with both in place,
 * what stopped the query or its answer on the way.
 */
export function dnsUnavailableMessage(t: Topology, name: string, server: string, why?: Message): Message {
  const svc = dnsService(t);
  const p = { name, server: `${server}:${DNS_PORT}`, nameserver: server, ...(why ? { why } : {}) };
  if (!svc) return msg('drop.dns-no-coredns', p);
  if (selectPods(t, svc).length === 0) return msg('drop.dns-no-coredns-pods', { name, server: p.server, ...(why ? { why } : {}) });
  return msg('drop.dns-no-answer', { name, server: p.server, ...(why ? { why } : {}) });
}

export function traceDnsLookup(t: Topology, rng: Rng, pod: Pod, name: string, run: ExchangeRunner): LookupOutcome {
  const res = resolveFromPod(t, pod, name);
  const server = clusterDnsIp(t);
  const final = res.queries[res.queries.length - 1]!;
  const earlier = res.queries.slice(0, -1);
  const query: PacketHeaders = { src: pod.ip, dst: server, proto: 'udp', sport: rng.int(EPHEMERAL_PORTS[0], EPHEMERAL_PORTS[1]), dport: DNS_PORT, ttl: 64 };
  const ex = run({ id: pod.id, kind: 'pod' }, query, {
    reply: true,
    onDelivered: (ctx, d) => {
      const svc = dnsService(t);
      const isServer = d.kind === 'pod' && svc !== undefined && selectPods(t, svc).some((p) => p.id === d.at);
      if (!isServer) drop(ctx, 'dns-unavailable', d.at, d.kind, d.packet, msg('drop.dns-not-coredns', { at: d.at }));
      const match: HopMatch[] = [
        ...res.queries.filter((q) => q.rcode === 'NXDOMAIN').map((q) => ({ kind: 'dns' as const, rule: `${q.name}. IN A -> NXDOMAIN` })),
        ...(res.answer?.records ?? []).map((r) => ({ kind: 'dns' as const, rule: r })),
      ];
      pushHop(ctx, {
        at: d.at,
        kind: 'pod',
        iface: 'eth0',
        action: 'dns',
        packet: d.packet,
        match,
        msg: msg('hop.dns-answer', {
          pod: t.pods.get(d.at)?.name ?? d.at,
          name: final.name,
          answer: describe(res.answer),
          tried: earlier.map((q) => q.name),
          namespace: pod.namespace,
        }),
      });
    },
  });
  const lookup: DnsLookup = {
    ...ex.request,
    name,
    server,
    queries: res.queries,
    records: res.answer?.records ?? [],
    ...(ex.reply ? { reply: ex.reply } : {}),
  };
  const failed = ex.request.verdict === 'dropped' ? ex.request.reason : ex.reply?.verdict === 'dropped' ? ex.reply.reason : undefined;
  if (failed?.code === 'policy-denied') {
    // Keep the policy drop as it is: it names the direction and the policies that broke DNS.
    return { lookup, failure: { ...failed, msg: msg('drop.dns-denied', { name, server: `${server}:${DNS_PORT}`, why: failed.msg }) } };
  }
  if (failed || !ex.reply) {
    return { lookup, failure: { code: 'dns-unavailable', msg: dnsUnavailableMessage(t, name, server, failed?.msg), at: pod.id } };
  }
  const answer = res.answer;
  if (!answer) {
    return { lookup, failure: { code: 'nxdomain', msg: msg('drop.dns-nxdomain', { name, names: res.queries.map((q) => q.name) }), at: pod.id } };
  }
  if (answer.addresses.length === 0) {
    if (answer.kind === 'externalName') {
      lookup.answer = [answer.target];
      return { lookup, failure: { code: 'nxdomain', msg: msg('drop.dns-cname-unresolved', { name, target: answer.target }), at: pod.id } };
    }
    return { lookup, failure: { code: 'no-endpoints', msg: msg('drop.dns-headless-empty', { name }), at: pod.id } };
  }
  if (answer.kind === 'headless') {
    // CoreDNS's loadbalance plugin rotates the A records; the client connects to the first.
    const start = rng.int(0, answer.addresses.length - 1);
    const rotated = [...answer.addresses.slice(start), ...answer.addresses.slice(0, start)];
    lookup.answer = rotated;
    const chosen = answer.pods.find((p) => p.ip === rotated[0]);
    return { lookup, address: rotated[0]!, ...(chosen ? { endpoint: chosen.id } : {}) };
  }
  lookup.answer = answer.kind === 'externalName' ? [answer.target, ...answer.addresses] : answer.addresses;
  return { lookup, address: answer.addresses[0]! };
}
