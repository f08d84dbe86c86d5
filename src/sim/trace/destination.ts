/** Turning what a user names as a destination into an address. */
import type { Service } from '../model/schema';
import type { Topology } from '../model/topology';
import { isIPv4 } from '../net/cidr';
import type { HttpRequestLine } from './types';
import { ingressEntry } from '../dataplane/ingress';
import { resolvesInCluster } from '../dataplane/dns';
import { msg, type Message } from '../messages/index';

export interface Destination {
  ip?: string;
  /** The element the user named, if any. */
  element?: string;
  error?: Message;
  /** A name the source pod resolves through cluster DNS first (web, web.shop, web.shop.svc.cluster.local). */
  name?: string;
  /** For an http(s):// URL: the request line an ingress controller reads. */
  http?: HttpRequestLine;
  /** The port implied by the destination (a URL's scheme, through the ingress entry point). */
  port?: number;
}

/** An http:// or https:// URL: to the ingress serving its host (load balancer IP or NodePort), or to a literal IP. */
function resolveUrl(t: Topology, to: string): Destination {
  const url = new URL(to);
  const https = url.protocol === 'https:';
  const http: HttpRequestLine = { host: url.host, path: `${url.pathname || '/'}${url.search}` };
  const port = url.port ? Number(url.port) : https ? 443 : 80;
  if (port < 1) return { error: msg('target.port-range', { port: url.port }) };
  if (isIPv4(url.hostname)) return { ip: url.hostname, http, port };
  const entry = ingressEntry(t, url.hostname, https);
  if ('error' in entry) return { error: entry.error };
  return { ip: entry.ip, element: entry.ingress.id, http, port: url.port ? port : entry.port };
}

/** The DNS name a pod would use for a Service it picked as an element. */
function serviceNameFrom(svc: Service, ns: string): string {
  return svc.namespace === ns ? svc.name : `${svc.name}.${svc.namespace}`;
}

/** A Service named `svc`, `svc.ns` or `svc.ns.svc.<domain>` (for sources that do not use cluster DNS). */
function serviceByDnsName(t: Topology, to: string): Service | undefined {
  // A plain suffix comparison: the domain comes from the scenario and must never become a pattern.
  const suffix = `.svc.${t.scenario.cluster.dnsDomain}`;
  let name = to.endsWith('.') ? to.slice(0, -1) : to;
  if (name.endsWith(suffix)) name = name.slice(0, -suffix.length);
  const parts = name.split('.');
  if (parts.length > 2) return undefined;
  return t.scenario.services.find((s) => s.name === parts[0] && (parts.length === 1 || s.namespace === parts[1]));
}

/**
 * What a destination names, seen from `from`: an IPv4 address, a URL, or an element. A pod resolves
 * Service names (and any DNS-looking name that is no element) through cluster DNS first; nodes and
 * outside hosts do not use cluster DNS, so a Service named from them goes straight to its ClusterIP.
 */
export function resolveDestination(t: Topology, to: string, from?: { id: string; kind: string }): Destination {
  if (/^https?:\/\//i.test(to)) {
    try {
      return resolveUrl(t, to);
    } catch {
      return { error: msg('dest.invalid-url', { to }) };
    }
  }
  if (isIPv4(to)) return { ip: to };
  const pod = from?.kind === 'pod' ? t.pods.get(from.id) : undefined;
  const id = t.kindOf.has(to) ? to : t.byName.get(to);
  if (pod) {
    // An id picked on the canvas: a Service is looked up by its DNS name; other elements are addresses.
    if (t.kindOf.has(to)) {
      if (t.kindOf.get(to) === 'service') return { element: to, name: serviceNameFrom(t.services.get(to)!, pod.namespace) };
    } else if (resolvesInCluster(t, pod.namespace, to)) {
      // A typed name: `curl web` in a pod asks cluster DNS, even if some element is also called web.
      return { name: to };
    } else if (id && t.kindOf.get(id) === 'service') {
      // `svc/web` names the Service; the pod asks DNS for its name.
      return { element: id, name: to.includes('/') && !to.includes('.') ? serviceNameFrom(t.services.get(id)!, pod.namespace) : to };
    }
  }
  if (!id) {
    if (pod && /^[a-z0-9]([-a-z0-9.]*[a-z0-9.])?$/i.test(to)) return { name: to };
    const svc = serviceByDnsName(t, to);
    if (svc) return resolveDestination(t, svc.id, from);
    return { error: msg('dest.unknown', { to }) };
  }
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
      return { element: id, error: msg('dest.service-no-cluster-ip', { service: svc.name }) };
    }
    default:
      return { element: id, error: msg('dest.no-address', { to, kind: t.kindOf.get(id)! }) };
  }
}
