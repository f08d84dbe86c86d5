/** Manifests in: the guestbook round trip, bad documents named precisely (in English and Chinese), and imports onto the canvas cluster. */
import { describe, expect, it } from 'vitest';
import { topology } from '../../sim/index';
import { validateScenario } from '../../sim/editing';
import { trace } from '../../sim/tracer';
import { importManifests, exportManifests, formatManifestError } from './index';
import { GUESTBOOK_YAML } from './testdata/guestbook';
import { en, ok, src, zh } from './testdata/helpers';

describe('guestbook round trip', () => {
  it('imports onto a generated cluster with CoreDNS, spreads replicas, names pods like the controllers', () => {
    const r = ok(importManifests(src(GUESTBOOK_YAML)));
    const s = r.scenario;
    expect(r.generatedCluster).toBe(true);
    expect(s.nodes.map((n) => n.name)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(s.cluster).toMatchObject({ cni: 'flannel', flannelBackend: 'vxlan' });
    expect(s.cluster.kubeProxyMode).toBe('iptables');
    const dns = s.services.find((x) => x.name === 'kube-dns')!;
    expect(dns.clusterIP).toBe('10.96.0.10');
    expect(s.pods.filter((p) => p.labels['k8s-app'] === 'kube-dns')).toHaveLength(2);
    const frontend = s.pods.filter((p) => p.owner?.kind === 'Deployment' && p.owner.name === 'frontend');
    expect(frontend).toHaveLength(3);
    // <deployment>-<pod-template-hash>-<5 chars of bcdfghjklmnpqrstvwxz2456789>
    for (const p of frontend) expect(p.name).toMatch(new RegExp(`^frontend-${p.labels['pod-template-hash']}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    expect(frontend[0]!.labels['pod-template-hash']).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    // three replicas on three nodes
    expect(new Set(frontend.map((p) => p.node)).size).toBe(3);
    expect(validateScenario(s).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('traces deployment/frontend -> redis-leader:6379 delivered', () => {
    const s = ok(importManifests(src(GUESTBOOK_YAML))).scenario;
    const t = topology(s);
    const from = t.byName.get('deployment/frontend')!;
    expect(s.pods.find((p) => p.id === from)?.owner?.name).toBe('frontend');
    const r = trace(s, { from: 'deployment/frontend', to: 'redis-leader', port: 6379 }, { seed: 1 });
    expect(r.verdict).toBe('delivered');
    expect(r.dns).toBeDefined();
    expect(s.pods.find((p) => p.id === r.endpoint)?.owner?.name).toBe('redis-leader');
    const bySvc = trace(s, { from: 'deployment/frontend', to: 'svc/redis-leader', port: 6379 }, { seed: 1 });
    expect(bySvc.verdict).toBe('delivered');
  });

  it('exports valid manifests that import again identically', () => {
    const first = ok(importManifests(src(GUESTBOOK_YAML))).scenario;
    const yaml = exportManifests(first);
    expect(yaml).toContain('kind: Deployment');
    expect(yaml).not.toContain('pod-template-hash');
    expect(yaml).not.toContain('kube-system');
    const again = ok(importManifests(src(yaml, 'export.yaml'))).scenario;
    expect(again).toEqual(first);
    expect(exportManifests(again)).toBe(yaml);
  });

  it('is deterministic', () => {
    expect(ok(importManifests(src(GUESTBOOK_YAML))).scenario).toEqual(ok(importManifests(src(GUESTBOOK_YAML))).scenario);
  });
});

describe('bad documents', () => {
  const errorsOf = (text: string) => {
    const r = importManifests(src(text));
    if (r.ok) throw new Error('expected errors');
    return r.errors;
  };

  it('names the document, kind/name, the field path and its line', () => {
    const [e, ...rest] = errorsOf(
      `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: redis-leader\nspec:\n  ports:\n    - port: 70000\n`,
    );
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ doc: 2, ref: 'Service/redis-leader', path: 'spec.ports[0].port', line: 11 });
    expect(en(e!)).toBe('must be a whole number from 1 to 65535 (not 70000)');
    expect(formatManifestError(e!)).toBe('document 2 (Service/redis-leader), line 11: spec.ports[0].port: must be a whole number from 1 to 65535 (not 70000)');
    // The same error for a Chinese reader: the place and the rule in Chinese, names and paths as written.
    expect(formatManifestError(e!, false, 'zh-CN')).toBe(
      '第 2 个文档（Service/redis-leader），第 11 行：spec.ports[0].port：必须是 1 到 65535 之间的整数（而不是 70000）',
    );
  });

  it('a clusterIP that is not an address is refused with the field named, as the API server refuses it (no crash)', () => {
    // kubernetes pkg/apis/core/validation/validation.go, validateServiceClusterIPs: "must be a valid IP address".
    const [e, ...rest] = errorsOf(`apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: http\n  ports:\n    - port: 80\n`);
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ doc: 1, ref: 'Service/web', path: 'spec.clusterIP' });
    expect(en(e!)).toMatch(/^not an IPv4 address/);
    expect(zh(e!)).toMatch(/^不是 IPv4 地址/);
  });

  it('a wrong kind shape (a Deployment without a template)', () => {
    const [e] = errorsOf(`apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec: { replicas: 2, selector: { matchLabels: { app: web } } }\n`);
    expect(e).toMatchObject({ doc: 1, ref: 'Deployment/web', path: 'spec.template' });
  });

  it('a selector that does not match the template', () => {
    const [e] = errorsOf(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec: { selector: { matchLabels: { app: web } }, template: { metadata: { labels: { app: other } }, spec: { containers: [{ name: c }] } } }\n`,
    );
    expect(e).toMatchObject({ path: 'spec.template.metadata.labels' });
    expect(en(e!)).toBe('selector does not match template labels (missing app: web)');
    expect(zh(e!)).toBe('选择器与模板的标签不匹配（缺少 app: web）');
  });

  it('duplicate names', () => {
    const [e] = errorsOf(
      `apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: {}\n---\napiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: {}\n`,
    );
    expect(e).toMatchObject({ doc: 2, ref: 'Service/web', path: 'metadata.name' });
    expect(en(e!)).toBe('duplicate: document 1 already defines Service default/web');
    expect(zh(e!)).toBe('重复：第 1 个文档已经定义了 Service default/web');
  });

  it('not YAML, a missing kind, an old apiVersion, a List item', () => {
    expect(en(errorsOf('a: [1, 2\n')[0]!)).toMatch(/^not valid YAML/);
    expect(errorsOf('apiVersion: v1\nmetadata: { name: x }\n')[0]).toMatchObject({ path: 'kind' });
    const old = errorsOf('apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: { name: x }\n')[0]!;
    expect(en(old)).toBe('Ingress is served as networking.k8s.io/v1, not extensions/v1beta1');
    expect(zh(old)).toBe('Ingress 的 apiVersion 是 networking.k8s.io/v1，而不是 extensions/v1beta1');
    expect(
      errorsOf('apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: { name: p }\n  spec: { containers: [] }\n')[0],
    ).toMatchObject({ ref: 'Pod/p', path: 'items[0].spec.containers', line: 7 });
  });

  it('a Service selecting nothing imports with a note saying it has no endpoints', () => {
    const r = ok(
      importManifests(src('apiVersion: v1\nkind: Service\nmetadata: { name: lonely }\nspec: { selector: { app: nobody }, ports: [{ port: 80 }] }\n')),
    );
    expect(r.notes.map(en)).toContain('Service default/lonely selects no pod (app=nobody): it has no endpoints');
    expect(r.notes.map(zh)).toContain('服务 default/lonely 的选择器（app=nobody）没有选中任何 Pod：它没有端点');
  });

  it('an unschedulable pod names the reason', () => {
    const [e] = errorsOf('apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { nodeSelector: { gpu: "true" }, containers: [{ name: c }] }\n');
    expect(en(e!)).toContain("0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector");
    // kube-scheduler's event text is what kubectl describe shows: it stays as printed, inside a Chinese sentence.
    expect(zh(e!)).toBe("Pod p 无法调度：调度器报告 0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector");
  });
});

describe('onto the canvas cluster', () => {
  const base = () => ok(importManifests(src(GUESTBOOK_YAML))).scenario;
  const extra = `apiVersion: v1\nkind: Service\nmetadata: { name: frontend }\nspec: { type: NodePort, selector: { app: guestbook, tier: frontend }, ports: [{ port: 80, nodePort: 30123 }] }\n---\napiVersion: v1\nkind: Pod\nmetadata: { name: debug }\nspec: { containers: [{ name: sh }] }\n`;

  it('reports clashes and replaces by default, keeping the element id', () => {
    const b = base();
    const r = ok(importManifests(src(extra), { base: b }));
    expect(r.generatedCluster).toBe(false);
    expect(r.clashes).toEqual([{ kind: 'Service', namespace: 'default', name: 'frontend' }]);
    const svc = r.scenario.services.filter((x) => x.name === 'frontend');
    expect(svc).toHaveLength(1);
    expect(svc[0]!.id).toBe(b.services.find((x) => x.name === 'frontend')!.id);
    expect(svc[0]!.type).toBe('NodePort');
    expect(r.scenario.pods.some((p) => p.name === 'debug')).toBe(true);
    expect(r.scenario.nodes).toEqual(b.nodes);
  });

  it('keep leaves the canvas element; rename adds the manifest one under a free name', () => {
    const b = base();
    const kept = ok(importManifests(src(extra), { base: b, onClash: 'keep' })).scenario;
    expect(kept.services.find((x) => x.name === 'frontend')!.type).toBe('ClusterIP');
    const renamed = ok(importManifests(src(extra), { base: b, onClash: 'rename' })).scenario;
    expect(renamed.services.find((x) => x.name === 'frontend-2')!.type).toBe('NodePort');
  });

  it('new pods avoid addresses already used on the canvas', () => {
    const b = base();
    const s = ok(importManifests(src(extra), { base: b })).scenario;
    const ips = s.pods.map((p) => p.ip);
    expect(new Set(ips).size).toBe(ips.length);
  });
});
