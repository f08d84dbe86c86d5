import type { Protocol, Scenario } from '../model/schema';
import { msg, type Message } from '../messages/index';

/** Parsing what a user types as a destination: `web:80`, `10.96.0.20:80`, `web.shop.svc.cluster.local:80`, `http://host/path`. */
export type TargetText = { ok: true; to: string; port?: number } | { ok: false; error: Message };

export function parseTargetText(text: string): TargetText {
  const to = text.trim();
  if (to === '') return { ok: false, error: msg('target.empty') };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(to)) {
    try {
      const url = new URL(to);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: msg('target.scheme', { scheme: url.protocol }) };
      if (url.port === '0') return { ok: false, error: msg('target.port-range', { port: '0' }) };
      return { ok: true, to };
    } catch {
      return { ok: false, error: msg('target.invalid-url', { to }) };
    }
  }
  if (to.endsWith(':')) return { ok: false, error: msg('target.no-port', { to, example: `${to}80` }) };
  if (/\s/.test(to)) return { ok: false, error: msg('target.spaces', { to }) };
  const m = /^(.*):(\d+)$/.exec(to);
  if (!m) {
    // A colon after a name or address starts the port: `web:abc` is a mistyped port, not a host.
    const bad = /^([^:]+):(.*)$/.exec(to);
    if (bad) return { ok: false, error: msg('target.bad-port', { port: bad[2]!, example: `${bad[1]}:80` }) };
    return { ok: true, to };
  }
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return { ok: false, error: msg('target.port-range', { port: m[2]! }) };
  if (m[1] === '') return { ok: false, error: msg('target.missing-address') };
  return { ok: true, to: m[1]!, port };
}

export interface DefaultTarget {
  to: string;
  port?: number;
  proto?: Protocol;
}

function protoOf(p: 'TCP' | 'UDP' | 'SCTP'): Protocol {
  return p === 'UDP' ? 'udp' : 'tcp';
}

/**
 * What "send to this element" means when a user clicks it on the canvas: the port its workload
 * serves (a pod's first container port, a Service's first port, a load balancer's Service port,
 * an outside host's first open port), an http:// URL for an ingress, else a ping.
 */
export function defaultTargetFor(s: Scenario, id: string): DefaultTarget | undefined {
  const pod = s.pods.find((p) => p.id === id);
  if (pod) {
    const port = pod.containers.flatMap((c) => c.ports)[0];
    return port ? { to: id, port: port.containerPort, proto: protoOf(port.protocol) } : { to: id, proto: 'icmp' };
  }
  const svc = s.services.find((x) => x.id === id);
  if (svc) {
    // The Service's virtual IP itself (a headless or ExternalName Service only has its DNS name).
    const to = svc.clusterIP && svc.clusterIP !== 'None' ? svc.clusterIP : id;
    const port = svc.ports[0];
    return port ? { to, port: port.port, proto: protoOf(port.protocol) } : { to, proto: 'icmp' };
  }
  const lb = s.loadBalancers.find((x) => x.id === id);
  if (lb) {
    const port = s.services.find((x) => x.id === lb.service)?.ports[0];
    return port ? { to: id, port: port.port, proto: protoOf(port.protocol) } : { to: id, proto: 'icmp' };
  }
  const ing = s.ingresses.find((x) => x.id === id);
  if (ing) {
    const rule = ing.rules.find((r) => r.host) ?? ing.rules[0];
    const host = rule?.host?.replace(/^\*\./, 'www.');
    const path = rule?.paths[0]?.path ?? '/';
    return host ? { to: `http://${host}${path}` } : undefined;
  }
  const client = s.clients.find((x) => x.id === id);
  if (client) {
    const port = client.ports[0];
    return port ? { to: id, port: port.port, proto: protoOf(port.protocol) } : { to: id, proto: 'icmp' };
  }
  if (s.nodes.some((n) => n.id === id) || s.routers.some((r) => r.id === id)) return { to: id, proto: 'icmp' };
  return undefined;
}
