/**
 * Ingress (kubernetes.io/docs/concepts/services-networking/ingress/): an L7 proxy, the ingress
 * controller, runs as pods behind a LoadBalancer or NodePort Service. It terminates the client's
 * connection (and TLS), reads Host and path, picks a backend by the rules, and opens a NEW connection
 * from its own pod to a backend pod. Like ingress-nginx it sends to the Service's endpoints directly
 * (round robin), not through the ClusterIP.
 * Matching: rules for the exact host win over wildcard hosts (`*.example.com` covers one label),
 * which win over rules without a host. Among the paths, Exact must equal the request path, Prefix
 * matches whole path elements (/foo matches /foo and /foo/bar, not /foobar; trailing slashes are
 * ignored), ImplementationSpecific is a plain string prefix as ingress-nginx does it (/api matches
 * /apix). The longest matching path wins and on a tie
 * Exact beats Prefix. No match: the default backend, else HTTP 404.
 * The controller's own answers are responses, not drops: the client's TCP connection to the controller
 * succeeded and the status line goes back to it. ingress-nginx answers 404 from its default server
 * (rootfs/etc/nginx/template/nginx.tmpl: `location / { return 404; }`, docs/user-guide/default-backend.md)
 * and 503 when the backend has no endpoints (rootfs/etc/nginx/lua/balancer.lua: a backend without
 * endpoints gets no balancer, and `rewrite()` then exits with ngx.HTTP_SERVICE_UNAVAILABLE).
 */
import type { Ingress, IngressBackend, IngressPath, Pod } from '../model/schema';
import type { Topology } from '../model/topology';
import { pushHop, type Delivered, type TraceCtx } from '../trace/context';
import type { HttpResponse, PacketHeaders, UpstreamLeg } from '../trace/types';
import type { ExchangeRunner } from '../trace/exchange';
import { EPHEMERAL_PORTS } from './ephemeral';
import { selectPods, serviceEndpoints, servicePortByRef, type Endpoint } from './endpoints';
import { noEndpointsWhy } from './endpoints-why';
import type { SessionState } from './session';
import { msg, type Message } from '../messages/index';

export interface Route {
  ingress: Ingress;
  backend: IngressBackend;
  host?: string;
  path?: IngressPath;
  /** How it matched, as the controller's config would say it. */
  text: string;
}

function normalize(path: string): string {
  const p = path.replace(/\/+$/, '');
  return p === '' ? '/' : p;
}

/** Does a rule path of this type match the request path? */
export function pathMatches(pathType: IngressPath['pathType'], rulePath: string, requestPath: string): boolean {
  if (pathType === 'Exact') return rulePath === requestPath;
  // ingress-nginx turns ImplementationSpecific into an nginx `location <path>` prefix (a regex `^<path>`
  // with use-regex): a plain string prefix, so /api matches /apix (kubernetes/ingress-nginx
  // docs/user-guide/ingress-path-matching.md).
  if (pathType === 'ImplementationSpecific') return requestPath.startsWith(rulePath);
  const rule = normalize(rulePath);
  if (rule === '/') return true;
  const req = normalize(requestPath);
  return req === rule || req.startsWith(`${rule}/`);
}

/** Does an ingress rule's host cover the request's Host? */
export function hostMatches(ruleHost: string, host: string): 'exact' | 'wildcard' | undefined {
  const h = host.toLowerCase();
  const r = ruleHost.toLowerCase();
  if (r === h) return 'exact';
  if (r.startsWith('*.')) {
    const rest = r.slice(1);
    if (h.endsWith(rest) && !h.slice(0, -rest.length).includes('.') && h.length > rest.length) return 'wildcard';
  }
  return undefined;
}

function hostOnly(host: string): string {
  return host.replace(/:\d+$/, '');
}

/** The backend for a request among the ingresses one controller serves, or undefined for 404. */
export function selectRoute(ingresses: Ingress[], hostHeader: string, requestPath: string): Route | undefined {
  const host = hostOnly(hostHeader);
  const tiers: { ingress: Ingress; rule: Ingress['rules'][number] }[][] = [[], [], []];
  for (const ingress of ingresses) {
    for (const rule of ingress.rules) {
      const m = rule.host ? hostMatches(rule.host, host) : 'none';
      if (m === 'exact') tiers[0]!.push({ ingress, rule });
      else if (m === 'wildcard') tiers[1]!.push({ ingress, rule });
      else if (m === 'none') tiers[2]!.push({ ingress, rule });
    }
  }
  const tier = tiers.find((x) => x.length > 0) ?? [];
  let best: { ingress: Ingress; host?: string; path: IngressPath } | undefined;
  for (const { ingress, rule } of tier) {
    for (const path of rule.paths) {
      if (!pathMatches(path.pathType, path.path, requestPath)) continue;
      if (!best) {
        best = { ingress, ...(rule.host ? { host: rule.host } : {}), path };
        continue;
      }
      const len = normalize(path.path).length;
      const bestLen = normalize(best.path.path).length;
      if (len > bestLen || (len === bestLen && path.pathType === 'Exact' && best.path.pathType !== 'Exact')) {
        best = { ingress, ...(rule.host ? { host: rule.host } : {}), path };
      }
    }
  }
  if (best) {
    const b = best.path.backend;
    return {
      ingress: best.ingress,
      backend: b,
      ...(best.host ? { host: best.host } : {}),
      path: best.path,
      text: `ingress ${best.ingress.namespace}/${best.ingress.name}: host ${best.host ?? '*'} path ${best.path.path} (${best.path.pathType}) -> ${b.service}:${b.port}`,
    };
  }
  const withDefault = ingresses.find((i) => i.defaultBackend);
  if (withDefault?.defaultBackend) {
    const b = withDefault.defaultBackend;
    return { ingress: withDefault, backend: b, text: `ingress ${withDefault.namespace}/${withDefault.name}: defaultBackend -> ${b.service}:${b.port}` };
  }
  return undefined;
}

/** The ingresses a controller pod serves: those whose controllerService selects it. */
export function ingressesForController(t: Topology, pod: Pod): Ingress[] {
  return t.scenario.ingresses.filter((i) => {
    const svc = i.controllerService ? t.services.get(i.controllerService) : undefined;
    return svc !== undefined && selectPods(t, svc).some((p) => p.id === pod.id);
  });
}

/** Where a client reaches the ingress for `host`: its controller's load balancer IP, else a node's NodePort. */
export function ingressEntry(t: Topology, host: string, https: boolean): { ip: string; port: number; ingress: Ingress } | { error: Message } {
  const h = hostOnly(host);
  const serving =
    t.scenario.ingresses.find((i) => i.rules.some((r) => r.host && hostMatches(r.host, h))) ??
    t.scenario.ingresses.find((i) => i.rules.some((r) => !r.host) || i.defaultBackend);
  if (!serving) return { error: msg('dest.ingress-no-host', { host: h }) };
  const svc = serving.controllerService ? t.services.get(serving.controllerService) : undefined;
  if (!svc) return { error: msg('dest.ingress-no-controller', { ingress: `${serving.namespace}/${serving.name}` }) };
  const want = https ? 443 : 80;
  const port = svc.ports.find((p) => p.port === want || p.name === (https ? 'https' : 'http')) ?? svc.ports[0];
  if (!port) return { error: msg('dest.ingress-controller-no-ports', { service: svc.name }) };
  const lb = t.scenario.loadBalancers.find((l) => l.service === svc.id);
  if (lb) return { ip: lb.ip, port: port.port, ingress: serving };
  const node = t.scenario.nodes[0];
  if (port.nodePort !== undefined && node) return { ip: node.ip, port: port.nodePort, ingress: serving };
  return { error: msg('dest.ingress-unreachable', { service: svc.name }) };
}

function pickEndpoint(endpoints: Endpoint[], key: string, ctx: TraceCtx, session?: SessionState): Endpoint {
  if (!session) return endpoints[ctx.rng.int(0, endpoints.length - 1)]!;
  const next = session.proxyRoundRobin.get(key) ?? ctx.rng.int(0, endpoints.length - 1);
  session.proxyRoundRobin.set(key, (next + 1) % endpoints.length);
  return endpoints[next % endpoints.length]!;
}

/** The status lines the controller writes itself (nginx's reason phrases). */
export const NOT_FOUND: HttpResponse = { status: 404, text: 'Not Found' };
export const SERVICE_UNAVAILABLE: HttpResponse = { status: 503, text: 'Service Temporarily Unavailable' };

/** What the controller did with a request: proxied it upstream, or answered it itself. */
export interface IngressOutcome {
  upstream?: UpstreamLeg;
  http?: HttpResponse;
}

/** The controller answers the request itself: an L7 hop on its pod, and the reply will carry the status. */
function answer(ctx: TraceCtx, pod: Pod, d: Delivered, response: HttpResponse, rule: string, message: Message, note?: Message): IngressOutcome {
  pushHop(ctx, {
    at: pod.id,
    kind: 'pod',
    iface: 'eth0',
    action: 'l7',
    packet: d.packet,
    match: [{ kind: 'ingress', rule, ...(note ? { msg: note } : {}) }],
    msg: message,
  });
  ctx.httpResponse = response;
  return { http: response };
}

/**
 * The controller's L7 step once the client's request reached a controller pod: the hop that reads
 * Host and path, then the new connection to a backend pod, or the controller's own 404/503 answer.
 * Returns undefined when the pod is no ingress controller (plain delivery).
 */
export function proxyAtIngress(ctx: TraceCtx, d: Delivered, run: ExchangeRunner): IngressOutcome | undefined {
  const t = ctx.topo;
  const http = d.packet.http;
  const pod = d.kind === 'pod' ? t.pods.get(d.at) : undefined;
  if (!http || !pod) return undefined;
  const ingresses = ingressesForController(t, pod);
  if (ingresses.length === 0) return undefined;
  const route = selectRoute(ingresses, http.host, http.path);
  const request = `GET ${http.path} HTTP/1.1, Host: ${http.host}`;
  const tlsHost = ingresses
    .flatMap((i) => i.tls.flatMap((x) => x.hosts.map((h) => ({ h, secret: x.secretName }))))
    .find((x) => hostMatches(x.h, hostOnly(http.host)));
  const tls = d.packet.dport === 443 || d.packet.dport === 8443 ? (tlsHost ? 'secret' : 'self-signed') : 'plain';
  if (!route) {
    const rule = `${request} -> default backend: ${NOT_FOUND.status} ${NOT_FOUND.text}`;
    return answer(
      ctx,
      pod,
      d,
      NOT_FOUND,
      rule,
      msg('hop.ingress-404', { pod: pod.name, request, ingresses: ingresses.map((i) => `${i.namespace}/${i.name}`) }),
      msg('match.no-ingress-rule'),
    );
  }
  const svc = t.scenario.services.find((s) => s.name === route.backend.service && s.namespace === route.ingress.namespace);
  const port = svc ? servicePortByRef(svc, route.backend.port) : undefined;
  const endpoints = svc && port ? serviceEndpoints(t, svc, port) : [];
  const hopMatch = [{ kind: 'ingress' as const, rule: route.text }];
  if (!svc || !port || endpoints.length === 0) {
    const why = !svc
      ? msg('backend.no-service', { service: `${route.ingress.namespace}/${route.backend.service}` })
      : !port
        ? msg('backend.no-port', { service: svc.name, port: String(route.backend.port) })
        : msg('backend.no-endpoints', { service: `${svc.namespace}/${svc.name}`, why: noEndpointsWhy(t, svc, port) });
    const rule = `${route.text} -> ${SERVICE_UNAVAILABLE.status} ${SERVICE_UNAVAILABLE.text}`;
    return answer(ctx, pod, d, SERVICE_UNAVAILABLE, rule, msg('hop.ingress-503', { pod: pod.name, request, rule: route.text, why }), msg('match.no-endpoints'));
  }
  const ep = pickEndpoint(endpoints, `${pod.id}|${svc.namespace}/${svc.name}:${port.port}`, ctx, ctx.session);
  pushHop(ctx, {
    at: pod.id,
    kind: 'pod',
    iface: 'eth0',
    action: 'l7',
    packet: d.packet,
    match: hopMatch,
    msg: msg('hop.ingress-proxy', {
      pod: pod.name,
      request,
      ...(route.path ? { path: route.path.path, pathType: route.path.pathType } : {}),
      service: svc.name,
      port: port.port,
      endpoint: ep.text,
      ...(ep.pod ? { endpointPod: ep.pod.name } : {}),
      tls,
      ...(tlsHost?.secret ? { tlsSecret: tlsHost.secret } : {}),
    }),
  });
  const upstreamPkt: PacketHeaders = {
    src: pod.ip,
    dst: ep.ip,
    proto: 'tcp',
    sport: ctx.rng.int(EPHEMERAL_PORTS[0], EPHEMERAL_PORTS[1]),
    dport: ep.port,
    ttl: 64,
    http: { ...http },
  };
  const ex = run({ id: pod.id, kind: 'pod' }, upstreamPkt, {});
  return { upstream: { from: pod.id, request: ex.request, ...(ex.reply ? { reply: ex.reply } : {}), ...(ep.pod ? { endpoint: ep.pod.id } : {}) } };
}
