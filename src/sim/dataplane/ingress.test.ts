/**
 * Ingress matching (kubernetes.io/docs/concepts/services-networking/ingress/#path-types and
 * #examples): Exact, Prefix matched element by element with trailing slashes ignored, longest match
 * first and Exact before Prefix on a tie, host wildcards covering one label, default backend, else 404.
 * The controller (ingress-nginx) proxies with a new connection to a backend pod's endpoint.
 */
import { describe, expect, it } from 'vitest';
import { loadExample, withChanges } from '../testing/examples';
import { trace } from '../trace/trace';
import { hostMatches, pathMatches, selectRoute } from './ingress';
import type { Ingress } from '../model/schema';
import { formatMessage } from '../../i18n/sim/index';

describe('path types (the table of the Ingress docs)', () => {
  const cases: [Ingress['rules'][number]['paths'][number]['pathType'], string, string, boolean][] = [
    ['Prefix', '/', '/anything', true],
    ['Exact', '/foo', '/foo', true],
    ['Exact', '/foo', '/bar', false],
    ['Exact', '/foo', '/foo/', false],
    ['Exact', '/foo/', '/foo', false],
    ['Prefix', '/foo', '/foo', true],
    ['Prefix', '/foo', '/foo/', true],
    ['Prefix', '/foo/', '/foo', true],
    ['Prefix', '/aaa/bb', '/aaa/bbb', false],
    ['Prefix', '/aaa/bbb', '/aaa/bbb', true],
    ['Prefix', '/aaa/bbb/', '/aaa/bbb', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbb/', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbb/ccc', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbbxyz', false],
  ];
  it.each(cases)('%s %s vs %s -> %s', (type, rule, req, want) => {
    expect(pathMatches(type, rule, req)).toBe(want);
  });

  it('matches wildcard hosts on exactly one label', () => {
    expect(hostMatches('*.foo.com', 'bar.foo.com')).toBe('wildcard');
    expect(hostMatches('*.foo.com', 'baz.bar.foo.com')).toBeUndefined();
    expect(hostMatches('*.foo.com', 'foo.com')).toBeUndefined();
    expect(hostMatches('foo.bar.com', 'FOO.bar.com')).toBe('exact');
  });
});

describe('route selection', () => {
  const ing = (paths: Ingress['rules'][number]['paths'], extra: Partial<Ingress> = {}): Ingress => ({
    id: 'i',
    name: 'i',
    namespace: 'default',
    rules: [{ host: 'shop.example.com', paths }],
    tls: [],
    ...extra,
  });
  const p = (path: string, pathType: 'Exact' | 'Prefix', service: string) => ({ path, pathType, backend: { service, port: 80 } });

  it('prefers the longest matching path', () => {
    const r = selectRoute([ing([p('/', 'Prefix', 'web'), p('/api', 'Prefix', 'api'), p('/api/v2', 'Prefix', 'v2')])], 'shop.example.com', '/api/v2/items');
    expect(r!.backend.service).toBe('v2');
  });

  it('on a tie Exact beats Prefix, whatever the order', () => {
    const r = selectRoute([ing([p('/api', 'Prefix', 'prefix'), p('/api', 'Exact', 'exact')])], 'shop.example.com', '/api');
    expect(r!.backend.service).toBe('exact');
    expect(selectRoute([ing([p('/api', 'Prefix', 'prefix'), p('/api', 'Exact', 'exact')])], 'shop.example.com', '/api/x')!.backend.service).toBe('prefix');
  });

  it('falls back to the default backend, else nothing (404)', () => {
    expect(selectRoute([ing([p('/api', 'Exact', 'api')], { defaultBackend: { service: 'fallback', port: 80 } })], 'other.com', '/')!.backend.service).toBe(
      'fallback',
    );
    expect(selectRoute([ing([p('/api', 'Exact', 'api')])], 'shop.example.com', '/')).toBeUndefined();
  });
});

describe('tracing an http:// URL through the ingress', () => {
  const s = loadExample('ingress');

  it('goes client -> LB -> NodePort -> controller pod, then an L7 hop reads Host and path', () => {
    const r = trace(s, { from: 'laptop', to: 'http://shop.example.com/api/v1/items' }, { seed: 4 });
    expect(r.verdict).toBe('delivered');
    expect(r.hops[0]!.packet).toMatchObject({ dst: '203.0.113.200', dport: 80, http: { host: 'shop.example.com', path: '/api/v1/items' } });
    expect(r.hops.some((h) => h.action === 'lb')).toBe(true);
    const l7 = r.hops[r.hops.length - 1]!;
    expect(l7.action).toBe('l7');
    expect(['ingress-1', 'ingress-2']).toContain(l7.at);
    expect(l7.match![0]!.rule).toBe('ingress default/main: host shop.example.com path /api (Prefix) -> api:http');
  });

  it("shows the controller's new connection from its pod to a backend pod", () => {
    const r = trace(s, { from: 'laptop', to: 'http://shop.example.com/api/v1/items' }, { seed: 4 });
    const up = r.upstream!;
    const controllerIp = s.pods.find((p) => p.id === up.from)!.ip;
    expect(up.request.hops[0]!.packet).toMatchObject({ src: controllerIp, dst: s.pods.find((p) => p.id === 'api-1')!.ip, dport: 9000 });
    expect(up.request.hops[up.request.hops.length - 1]!.at).toBe('api-1');
    expect(up.reply!.verdict).toBe('delivered');
    expect(r.endpoint).toBe('api-1');
    expect(r.reply!.hops[r.reply!.hops.length - 1]!.packet).toMatchObject({ src: '203.0.113.200', sport: 80, dst: '203.0.113.7' });
  });

  it('routes by host, with a default backend for unknown hosts', () => {
    expect(trace(s, { from: 'laptop', to: 'http://blog.example.com/post/1' }, { seed: 1 }).endpoint).toBe('blog-1');
    expect(trace(s, { from: 'laptop', to: 'http://shop.example.com/' }, { seed: 1 }).endpoint).toBe('web-1');
    expect(trace(s, { from: 'laptop', to: 'http://other.example.com/x' }, { seed: 1 }).endpoint).toBe('fallback-1');
  });

  // ingress-nginx answers a request no rule maps from its default server: rootfs/etc/nginx/template/nginx.tmpl
  // (`location / { return 404; }`), docs/user-guide/default-backend.md ("/ that returns 404"). The client's
  // TCP connection to the controller succeeded: a delivered request with a response, not a dropped packet.
  it('answers 404 Not Found itself when nothing matches and there is no default backend: delivered, with http.status', () => {
    const no = withChanges(s, (c) => {
      delete c.ingresses[0]!.defaultBackend;
    });
    // curl http://203.0.113.200/ sends "Host: 203.0.113.200", which no rule names.
    const r = trace(no, { from: 'laptop', to: 'http://203.0.113.200/' }, { seed: 1 });
    expect(r.verdict).toBe('delivered');
    expect(r.reason).toBeUndefined();
    expect(r.http).toEqual({ status: 404, text: 'Not Found' });
    const l7 = r.hops.at(-1)!;
    expect(l7.action).toBe('l7');
    expect(l7.match![0]!.rule).toBe('GET / HTTP/1.1, Host: 203.0.113.200 -> default backend: 404 Not Found');
    // Why the default backend answered is a note beside the entry, in the reader's language.
    expect(l7.match![0]!.msg).toEqual({ code: 'match.no-ingress-rule', params: {} });
    expect(formatMessage('en', l7.msg)).toContain('answers HTTP 404 Not Found');
    expect(r.upstream).toBeUndefined();
    // The response travels back to the laptop, its status line on the packet, through the same LB and NAT.
    expect(r.reply!.verdict).toBe('delivered');
    expect(r.reply!.hops[0]!.packet.http).toEqual({ host: '203.0.113.200', path: '/', status: 404 });
    expect(r.reply!.hops.at(-1)!.packet).toMatchObject({ src: '203.0.113.200', sport: 80, dst: '203.0.113.7' });
    const noRule = withChanges(s, (c) => {
      c.ingresses[0]!.rules[0]!.paths = c.ingresses[0]!.rules[0]!.paths.filter((x) => x.path !== '/');
      delete c.ingresses[0]!.defaultBackend;
    });
    expect(trace(noRule, { from: 'laptop', to: 'http://shop.example.com/cart' }, { seed: 1 }).http?.status).toBe(404);
  });

  // ingress-nginx: a backend whose Service has no ready endpoints gets no balancer
  // (rootfs/etc/nginx/lua/balancer.lua sync_backend: `if not backend.endpoints or #backend.endpoints == 0
  // then balancers[backend.name] = nil`), and `rewrite()` then exits with ngx.HTTP_SERVICE_UNAVAILABLE:
  // nginx's status line says "503 Service Temporarily Unavailable".
  it('answers 503 itself when the backend Service has no ready endpoints: delivered, with http.status', () => {
    const notReady = withChanges(s, (c) => {
      for (const p of c.pods) if (p.labels?.app === 'api') p.readiness = 'NotReady';
    });
    const r = trace(notReady, { from: 'laptop', to: 'http://shop.example.com/api/v1/items' }, { seed: 4 });
    expect(r.verdict).toBe('delivered');
    expect(r.http).toEqual({ status: 503, text: 'Service Temporarily Unavailable' });
    expect(r.upstream).toBeUndefined();
    expect(r.hops.at(-1)!.match![0]!.rule).toBe(
      'ingress default/main: host shop.example.com path /api (Prefix) -> api:http -> 503 Service Temporarily Unavailable',
    );
    expect(r.hops.at(-1)!.match![0]!.msg).toEqual({ code: 'match.no-endpoints', params: {} });
    expect(formatMessage('en', r.hops.at(-1)!.msg)).toMatch(/no ready endpoints .* answers HTTP 503/);
    expect(r.reply!.verdict).toBe('delivered');
    expect(r.reply!.hops[0]!.packet.http?.status).toBe(503);
    // A proxied request carries no status of the controller's own.
    expect(trace(s, { from: 'laptop', to: 'http://shop.example.com/api/v1/items' }, { seed: 4 }).http).toBeUndefined();
  });

  it('terminates TLS for https:// on port 443', () => {
    const r = trace(s, { from: 'laptop', to: 'https://shop.example.com/' }, { seed: 1 });
    expect(r.hops[0]!.packet.dport).toBe(443);
    expect(formatMessage('en', r.hops[r.hops.length - 1]!.msg)).toContain('secret shop-tls');
  });
});

// ingress-nginx: "ImplementationSpecific ... the path is matched as a prefix (regex ^<path>)", so unlike
// Prefix it does not respect path elements (kubernetes/ingress-nginx docs/user-guide/ingress-path-matching.md).
const pathMatchesIS = (rule: string, req: string) => pathMatches('ImplementationSpecific', rule, req);
const pathMatchesPrefix = (rule: string, req: string) => pathMatches('Prefix', rule, req);

describe('ImplementationSpecific as ingress-nginx does it', () => {
  it('is a plain string prefix: /api matches /apix, /api/v1 and /api, not /ap', () => {
    expect(pathMatchesIS('/api', '/apix')).toBe(true);
    expect(pathMatchesIS('/api', '/api/v1')).toBe(true);
    expect(pathMatchesIS('/api', '/api')).toBe(true);
    expect(pathMatchesIS('/api', '/ap')).toBe(false);
    // Prefix, by contrast, matches whole path elements only.
    expect(pathMatchesPrefix('/api', '/apix')).toBe(false);
  });
});
