/**
 * The trace CLI with Service destinations (issue 4): a Service name or ClusterIP with port, a node IP
 * with a NodePort, a load balancer IP, an http:// URL, and --count's per-endpoint tally, where one
 * session carries sessionAffinity ClientIP across the requests (kubernetes.io/docs/reference/networking/virtual-ips/#session-affinity).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTraceCli } from './run';
import { EXAMPLES_DIR } from '../sim/testing/examples';

const ex = (name: string) => join(EXAMPLES_DIR, `${name}.json`);
const run = (...argv: string[]) => {
  const out = runTraceCli(argv);
  expect(out.stderr).toBe('');
  return JSON.parse(out.stdout);
};

describe('trace CLI: Service destinations', () => {
  it('takes a Service name, a ClusterIP, a NodePort, a load balancer IP and a URL', () => {
    expect(run(ex('clusterip'), '--from', 'client', '--to', 'web:80').dns.answer).toEqual(['10.96.0.2']);
    expect(run(ex('clusterip'), '--from', 'client', '--to', '10.96.0.2:80').verdict).toBe('delivered');
    expect(run(ex('nodeport'), '--from', 'laptop', '--to', '192.168.1.10:30080').verdict).toBe('delivered');
    expect(run(ex('loadbalancer-local'), '--from', 'laptop', '--to', 'web-lb:80').hops.some((h: { action: string }) => h.action === 'lb')).toBe(true);
    expect(run(ex('ingress'), '--from', 'laptop', '--to', 'http://blog.example.com/').endpoint).toBe('blog-1');
  });

  it('tallies --count requests per endpoint, spread over all three pods', () => {
    const r = run(ex('clusterip'), '--from', 'client', '--to', '10.96.0.2:80', '--count', '300');
    expect(r.verdicts).toEqual({ delivered: 300, dropped: 0 });
    expect(Object.keys(r.tally).sort()).toEqual(['web-1', 'web-2', 'web-3']);
    for (const n of Object.values(r.tally) as number[]) expect(n).toBeGreaterThan(60);
  });

  it('keeps one endpoint for the whole run with sessionAffinity ClientIP', () => {
    const doc = JSON.parse(readFileSync(ex('clusterip'), 'utf8'));
    doc.services.find((s: { id: string }) => s.id === 'svc-web').sessionAffinity = 'ClientIP';
    const file = join(mkdtempSync(join(tmpdir(), 'knp-')), 'affinity.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = run(file, '--from', 'client', '--to', '10.96.0.2:80', '--count', '50');
    expect(Object.values(r.tally)).toEqual([50]);
  });

  // ingress-nginx answers a request no rule maps with 404 from its default server
  // (rootfs/etc/nginx/template/nginx.tmpl `location / { return 404; }`): delivered, with a response.
  it("prints the controller's own 404 as a delivered request with http.status, and tallies it as http:404", () => {
    const doc = JSON.parse(readFileSync(ex('ingress'), 'utf8'));
    delete doc.ingresses[0].defaultBackend;
    const file = join(mkdtempSync(join(tmpdir(), 'knp-')), 'no-default.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = run(file, '--from', 'laptop', '--to', 'http://203.0.113.200/');
    expect(r.verdict).toBe('delivered');
    expect(r.http).toEqual({ status: 404, text: 'Not Found' });
    expect(r.hops.at(-1).explain).toContain('answers HTTP 404 Not Found');
    expect(r.reply.verdict).toBe('delivered');
    const many = run(file, '--from', 'laptop', '--to', 'http://203.0.113.200/', '--count', '5');
    expect(many.verdicts).toEqual({ delivered: 5, dropped: 0 });
    expect(many.tally).toEqual({ 'http:404': 5 });
  });
});
