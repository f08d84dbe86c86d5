/**
 * Cluster DNS as a pod sees it (kubernetes.io/docs/concepts/services-networking/dns-pod-service/):
 * kubelet writes the pod's resolv.conf with `nameserver <kube-dns ClusterIP>` (kubeadm: 10.96.0.10),
 * `search <ns>.svc.<domain> svc.<domain> <domain>` and `options ndots:5`. The resolver (glibc) tries the
 * search list first when the name has fewer than 5 dots, then the name as given; a trailing dot makes
 * it absolute. CoreDNS's kubernetes plugin answers with `ttl 30` (the kubeadm Corefile sets it:
 * kubernetes/kubernetes cmd/kubeadm/app/phases/addons/dns/manifests.go):
 *   <svc>.<ns>.svc.<domain>  A the ClusterIP; for a headless Service, A per ready endpoint pod;
 *                            CNAME <externalName> for an ExternalName Service;
 *   <a-b-c-d>.<ns>.pod.<domain>  A a.b.c.d ("pods insecure", the kubeadm Corefile default);
 * anything else in the cluster domain is NXDOMAIN. Names outside it go to the upstream resolver, which
 * in this simulation knows the outside hosts of the scenario by name.
 */
import type { Pod, Service } from '../model/schema';
import type { Topology } from '../model/topology';
import { isDnsService } from '../model/materialize';
import { isIPv4, nthAddress } from '../net/cidr';
import { DNS_SERVICE_OFFSET } from '../net/ipam';
import { isPodReady, selectPods } from './endpoints';

export const NDOTS = 5;
export const COREDNS_TTL = 30;
export const DNS_PORT = 53;

export function dnsService(t: Topology): Service | undefined {
  return t.scenario.services.find(isDnsService);
}

/** The nameserver in every pod's resolv.conf: kubelet's --cluster-dns, the kube-dns ClusterIP. */
export function clusterDnsIp(t: Topology): string {
  const svc = dnsService(t);
  if (svc?.clusterIP && svc.clusterIP !== 'None') return svc.clusterIP;
  return nthAddress(t.serviceCidr.text, DNS_SERVICE_OFFSET);
}

export function searchList(t: Topology, pod: Pick<Pod, 'namespace'>): string[] {
  const d = t.scenario.cluster.dnsDomain;
  return [`${pod.namespace}.svc.${d}`, `svc.${d}`, d];
}

/** The fully qualified names the resolver asks for, in order (glibc res_search with ndots). */
export function candidateNames(name: string, search: string[], ndots = NDOTS): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const expanded = search.map((s) => `${name}.${s}`);
  const dots = name.split('.').length - 1;
  return dots >= ndots ? [name, ...expanded] : [...expanded, name];
}

export type Answer =
  | { kind: 'service'; svc: Service; addresses: string[]; records: string[] }
  | { kind: 'headless'; svc: Service; addresses: string[]; records: string[]; pods: Pod[] }
  | { kind: 'externalName'; svc: Service; target: string; addresses: string[]; records: string[] }
  | { kind: 'pod'; addresses: string[]; records: string[] }
  | { kind: 'upstream'; addresses: string[]; records: string[] };

function upstream(t: Topology, name: string): string | undefined {
  const host = name.replace(/\.$/, '');
  if (isIPv4(host)) return host;
  return t.scenario.clients.find((c) => c.name === host)?.ip;
}

/** What CoreDNS answers for one fully qualified name, or undefined for NXDOMAIN. */
export function answerFor(t: Topology, fqdn: string): Answer | undefined {
  const domain = t.scenario.cluster.dnsDomain;
  const name = fqdn.toLowerCase().replace(/\.$/, '');
  const rr = (type: string, value: string) => `${name}. ${COREDNS_TTL} IN ${type} ${value}`;
  if (name === domain || name.endsWith(`.${domain}`)) {
    const labels = name.slice(0, -(domain.length + 1)).split('.');
    if (labels.length === 3 && labels[2] === 'svc') {
      const svc = t.scenario.services.find((s) => s.name === labels[0] && s.namespace === labels[1]);
      if (!svc) return undefined;
      if (svc.type === 'ExternalName') {
        const target = svc.externalName ?? '';
        const ip = upstream(t, target);
        const records = [rr('CNAME', `${target.replace(/\.$/, '')}.`), ...(ip ? [`${target.replace(/\.$/, '')}. 30 IN A ${ip}`] : [])];
        return { kind: 'externalName', svc, target, addresses: ip ? [ip] : [], records };
      }
      if (svc.clusterIP === 'None') {
        // CoreDNS answers with the ready endpoints only (publishNotReadyAddresses is not modelled).
        const pods = [
          ...new Map(
            selectPods(t, svc)
              .filter(isPodReady)
              .map((p) => [p.ip, p]),
          ).values(),
        ];
        return { kind: 'headless', svc, pods, addresses: pods.map((p) => p.ip), records: pods.map((p) => rr('A', p.ip)) };
      }
      if (!svc.clusterIP) return undefined;
      return { kind: 'service', svc, addresses: [svc.clusterIP], records: [rr('A', svc.clusterIP)] };
    }
    if (labels.length === 3 && labels[2] === 'pod' && t.scenario.pods.some((p) => p.namespace === labels[1])) {
      const ip = labels[0]!.replace(/-/g, '.');
      return isIPv4(ip) ? { kind: 'pod', addresses: [ip], records: [rr('A', ip)] } : undefined;
    }
    return undefined;
  }
  const ip = upstream(t, name);
  return ip ? { kind: 'upstream', addresses: [ip], records: [`${name}. 30 IN A ${ip}`] } : undefined;
}

export interface Resolution {
  /** Each name asked, in order, with its answer code. */
  queries: { name: string; rcode: 'NOERROR' | 'NXDOMAIN' }[];
  answer?: Answer;
}

/** The resolver's walk through the search list until a name exists. */
export function resolveFromPod(t: Topology, pod: Pick<Pod, 'namespace'>, name: string): Resolution {
  const queries: Resolution['queries'] = [];
  for (const fqdn of candidateNames(name, searchList(t, pod))) {
    const answer = answerFor(t, fqdn);
    queries.push({ name: fqdn, rcode: answer ? 'NOERROR' : 'NXDOMAIN' });
    if (answer) return { queries, answer };
  }
  return { queries };
}

/** True when a pod in `namespace` resolving `name` gets an answer from the cluster domain (not from upstream). */
export function resolvesInCluster(t: Topology, namespace: string, name: string): boolean {
  const kind = resolveFromPod(t, { namespace }, name).answer?.kind;
  return kind !== undefined && kind !== 'upstream' && !isIPv4(name);
}
