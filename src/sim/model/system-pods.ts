/**
 * The cluster's add-on pods as the canvas and the checks see them (CoreDNS in kube-system), without
 * the edits that add them (addons.ts), so the first paint can ask about them without the edit code.
 */
import type { Pod, Scenario, Service } from './schema';
import { isDnsService } from './service-roles';

export const COREDNS_REPLICAS = 2;
export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.11.3';
export const SYSTEM_NAMESPACE = 'kube-system';
export const KUBE_DNS_LABELS: Readonly<Record<string, string>> = { 'k8s-app': 'kube-dns' };

/** A pod of the kube-system namespace (CoreDNS, an add-on): what the system-pods toggle hides. */
export function isSystemPod(p: Pick<Pod, 'namespace'>): boolean {
  return p.namespace === SYSTEM_NAMESPACE;
}

/** A CoreDNS pod: kube-system, labelled k8s-app=kube-dns (what the kube-dns Service selects). */
export function isCoreDnsPod(p: Pick<Pod, 'namespace' | 'labels'>): boolean {
  return p.namespace === SYSTEM_NAMESPACE && p.labels['k8s-app'] === 'kube-dns';
}

export interface DnsAddonState {
  service?: Service;
  /** CoreDNS pods (whether or not the Service selects them). */
  pods: Pod[];
}

export function dnsAddon(s: Pick<Scenario, 'services' | 'pods'>): DnsAddonState {
  const service = s.services.find(isDnsService);
  return { ...(service ? { service } : {}), pods: s.pods.filter(isCoreDnsPod) };
}

/** True when the cluster has the kube-dns Service and at least one CoreDNS pod behind it. */
export function hasClusterDns(s: Pick<Scenario, 'services' | 'pods'>): boolean {
  const { service, pods } = dnsAddon(s);
  return service !== undefined && pods.length > 0;
}
