/** Services with a reserved role in the cluster: kube-dns (the DNS Service) and default/kubernetes (the API server). */
import type { Service } from './schema';

export function isDnsService(s: Pick<Service, 'name' | 'namespace'>): boolean {
  return s.name === 'kube-dns' && s.namespace === 'kube-system';
}

/** The ClusterIP a Service has a reserved claim to: .10 for kube-dns, .1 for default/kubernetes. */
export function clusterIpRole(s: Pick<Service, 'name' | 'namespace'>): 'dns' | 'api' | false {
  if (isDnsService(s)) return 'dns';
  return s.name === 'kubernetes' && s.namespace === 'default' ? 'api' : false;
}
