/** Turning what a user names as a destination into an address. */
import type { Topology } from '../model/topology';
import { isIPv4 } from '../net/cidr';

export interface Destination {
  ip?: string;
  /** The element the user named, if any. */
  element?: string;
  error?: string;
}

export function resolveDestination(t: Topology, to: string): Destination {
  if (isIPv4(to)) return { ip: to };
  const id = t.kindOf.has(to) ? to : t.byName.get(to);
  if (!id) return { error: `"${to}" is neither an IPv4 address nor an element of this scenario` };
  switch (t.kindOf.get(id)) {
    case 'pod':
      return { ip: t.pods.get(id)!.ip, element: id };
    case 'node':
      return { ip: t.nodes.get(id)!.ip, element: id };
    case 'client':
      return { ip: t.clients.get(id)!.ip, element: id };
    case 'loadBalancer':
      return { ip: t.loadBalancers.get(id)!.ip, element: id };
    case 'router':
      return { ip: t.routers.get(id)!.interfaces[0]!.ip, element: id };
    case 'service': {
      const svc = t.services.get(id)!;
      if (svc.clusterIP && svc.clusterIP !== 'None') return { ip: svc.clusterIP, element: id };
      return { element: id, error: `service ${svc.name} has no ClusterIP to send to` };
    }
    default:
      return { element: id, error: `"${to}" is a ${t.kindOf.get(id)}, which has no address to send to` };
  }
}
