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

export interface LookupOutcome {
  lookup: DnsLookup;
  /** The address to connect to, when the lookup gave one. */
  address?: string;
  /** For a headless Service: the pod whose address was used. */
  endpoint?: string;
  failure?: DropReason;
}

function describe(answer: Answer | undefined): string {
  if (!answer) return 'NXDOMAIN';
  switch (answer.kind) {
    case 'service':
      return `the ClusterIP ${answer.addresses[0]} of Service ${answer.svc.namespace}/${answer.svc.name}`;
    case 'headless':
      return answer.addresses.length
        ? `the pod IPs ${answer.addresses.join(', ')}: ${answer.svc.namespace}/${answer.svc.name} is headless (clusterIP None), so there is no virtual IP and no DNAT`
        : `no address: headless Service ${answer.svc.namespace}/${answer.svc.name} has no ready endpoints`;
    case 'externalName':
      return `a CNAME to ${answer.target} (ExternalName Service: no proxying, only DNS)${answer.addresses.length ? `, which the upstream resolver turns into ${answer.addresses[0]}` : ''}`;
    case 'pod':
      return `the pod address ${answer.addresses[0]}`;
    case 'upstream':
      return `${answer.addresses[0]}, forwarded to the upstream resolver (the name is outside the cluster domain)`;
  }
}

/**
 * Why a lookup got no answer, naming the missing add-on first: no kube-dns Service at all (the
 * cluster has no CoreDNS), a kube-dns Service with no CoreDNS pod behind it, or, with both in place,
 * what stopped the query or its answer on the way.
 */
export function dnsUnavailableMessage(t: Topology, name: string, server: string, why?: string): string {
  const svc = dnsService(t);
  const query = `The DNS query for ${name} to ${server}:${DNS_PORT} got no answer`;
  const path = why ? ` (on the way: ${why})` : '';
  if (!svc) {
    return `${query}: this cluster has no CoreDNS. There is no kube-dns Service in kube-system, so nothing answers at ${server}, the nameserver kubelet writes into every pod's resolv.conf${path}. Add cluster DNS to install CoreDNS.`;
  }
  if (selectPods(t, svc).length === 0) {
    return `${query}: no CoreDNS pods answer behind kube-system/kube-dns. It selects k8s-app=kube-dns and no pod in kube-system has that label, so the Service has no endpoints${path}. Add cluster DNS to bring CoreDNS back.`;
  }
  return `${query}${why ? `: ${why}` : ''}`;
}

export function traceDnsLookup(t: Topology, rng: Rng, pod: Pod, name: string, run: ExchangeRunner): LookupOutcome {
  const res = resolveFromPod(t, pod, name);
  const server = clusterDnsIp(t);
  const final = res.queries[res.queries.length - 1]!;
  const earlier = res.queries.slice(0, -1);
  const query: PacketHeaders = { src: pod.ip, dst: server, proto: 'udp', sport: rng.int(32768, 60999), dport: DNS_PORT, ttl: 64 };
  const ex = run({ id: pod.id, kind: 'pod' }, query, {
    reply: true,
    onDelivered: (ctx, d) => {
      const svc = dnsService(t);
      const isServer = d.kind === 'pod' && svc !== undefined && selectPods(t, svc).some((p) => p.id === d.at);
      if (!isServer) drop(ctx, 'dns-unavailable', d.at, d.kind, d.packet, `${d.at} got the DNS query but is not a CoreDNS pod of kube-system/kube-dns, so no answer comes back.`);
      const match: HopMatch[] = [
        ...res.queries.filter((q) => q.rcode === 'NXDOMAIN').map((q) => ({ kind: 'dns' as const, rule: `${q.name}. IN A -> NXDOMAIN` })),
        ...(res.answer?.records ?? []).map((r) => ({ kind: 'dns' as const, rule: r })),
      ];
      const tried = earlier.length ? ` The resolver had already asked ${earlier.map((q) => q.name).join(', ')} (NXDOMAIN): resolv.conf searches ${pod.namespace}.svc, svc and the cluster domain first when a name has fewer than 5 dots.` : '';
      pushHop(ctx, {
        at: d.at,
        kind: 'pod',
        iface: 'eth0',
        action: 'dns',
        packet: d.packet,
        match,
        explain: `CoreDNS (${t.pods.get(d.at)?.name ?? d.at}) answers ${final.name}: ${describe(res.answer)}.${tried}`,
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
    return { lookup, failure: { ...failed, message: `The DNS query for ${name} to ${server}:${DNS_PORT} was denied: ${failed.message}` } };
  }
  if (failed || !ex.reply) {
    return { lookup, failure: { code: 'dns-unavailable', message: dnsUnavailableMessage(t, name, server, failed?.message), at: pod.id } };
  }
  const answer = res.answer;
  if (!answer) {
    return { lookup, failure: { code: 'nxdomain', message: `${name} does not exist: CoreDNS answered NXDOMAIN for ${res.queries.map((q) => q.name).join(', ')}.`, at: pod.id } };
  }
  if (answer.addresses.length === 0) {
    if (answer.kind === 'externalName') {
      lookup.answer = [answer.target];
      return { lookup, failure: { code: 'nxdomain', message: `${name} is a CNAME to ${answer.target}, which the upstream resolver cannot resolve in this scenario (name an outside host ${answer.target} to make it resolvable).`, at: pod.id } };
    }
    return { lookup, failure: { code: 'no-endpoints', message: `${name} is a headless Service without ready endpoints: DNS returns no address to connect to.`, at: pod.id } };
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
