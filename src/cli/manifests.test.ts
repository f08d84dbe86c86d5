import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTraceCli } from './run';
import { EXAMPLES_DIR } from '../sim/testing/examples';

const guestbook = join(EXAMPLES_DIR, 'guestbook.yaml');

describe('trace CLI with manifests', () => {
  it('traces deployment/frontend -> redis-leader:6379 on a generated cluster', () => {
    const out = runTraceCli([guestbook, '--from', 'deployment/frontend', '--to', 'redis-leader:6379']);
    expect(out.code).toBe(0);
    const r = JSON.parse(out.stdout);
    expect(r.verdict).toBe('delivered');
    expect(r.endpoint).toMatch(/^pod-redis-leader-/);
    const bySvc = JSON.parse(runTraceCli([guestbook, '--from', 'deploy/frontend', '--to', 'svc/redis-leader:6379']).stdout);
    expect(bySvc.verdict).toBe('delivered');
  });

  it('places manifests on --cluster and reads several files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knp-'));
    const extra = join(dir, 'debug.yml');
    writeFileSync(
      extra,
      'apiVersion: v1\nkind: Pod\nmetadata: { name: debug }\nspec: { containers: [{ name: sh }] }\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n',
    );
    const out = runTraceCli([guestbook, extra, '--cluster', join(EXAMPLES_DIR, 'clusterip.json'), '--from', 'pod/debug', '--to', 'svc/frontend:80']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).verdict).toBe('delivered');
    expect(out.stderr).toContain('ignored: kind ConfigMap (not networking)');
  });

  it('--export-yaml prints manifests that trace the same when read back', () => {
    const out = runTraceCli([guestbook, '--export-yaml']);
    expect(out.code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'knp-'));
    const file = join(dir, 'export.yaml');
    writeFileSync(file, out.stdout);
    const a = runTraceCli([guestbook, '--from', 'deployment/frontend', '--to', 'redis-leader:6379']);
    const b = runTraceCli([file, '--from', 'deployment/frontend', '--to', 'redis-leader:6379']);
    expect(b.stdout).toBe(a.stdout);
  });

  it('a bad manifest exits non-zero naming the file, document, object and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knp-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  ports:\n    - port: 0\n');
    const out = runTraceCli([bad, '--from', 'x', '--to', 'web:80']);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(`error: ${bad}: document 1 (Service/web), line 6: spec.ports[0].port: must be a whole number from 1 to 65535 (not 0)\n`);
  });
});

describe('--show endpointslices', () => {
  it('prints the EndpointSlices kube-proxy reads, with readiness from the manifests', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knp-'));
    const file = join(dir, 'app.yaml');
    writeFileSync(
      file,
      `apiVersion: v1\nkind: Pod\nmetadata: { name: a, labels: { app: a } }\nspec: { containers: [{ name: c, ports: [{ containerPort: 80 }] }] }\nstatus: { conditions: [{ type: Ready, status: "False" }] }\n---\napiVersion: v1\nkind: Service\nmetadata: { name: a }\nspec: { selector: { app: a }, ports: [{ port: 80 }] }\n`,
    );
    const out = runTraceCli([file, '--show', 'endpointslices', '--service', 'a']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('kind: EndpointSlice');
    expect(out.stdout).toContain('kubernetes.io/service-name: a');
    expect(out.stdout).toMatch(
      /conditions:\n\s+ready: false\n\s+serving: false\n\s+terminating: false\n\s+nodeName: node-\d\n\s+targetRef:\n\s+kind: Pod\n\s+name: a/,
    );
    const traced = JSON.parse(runTraceCli([file, '--from', 'pod/a', '--to', 'svc/a:80']).stdout);
    expect(traced.reason.code).toBe('no-endpoints');
    expect(traced.reason.message).toContain('1 pod is selected (app=a), none ready (1 not Ready)');
    const unknown = runTraceCli([file, '--show', 'endpointslices', '--service', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown Service "nope"');
  });
});
