import { describe, expect, it } from 'vitest';
import { trace, topology, validateScenario } from '../../sim/index';
import { importManifests, exportManifests, formatManifestError, type ManifestImport } from './index';
import { GUESTBOOK_YAML } from './testdata/guestbook';

const src = (text: string, name = 'app.yaml') => [{ name, text }];

function ok(r: ManifestImport): Extract<ManifestImport, { ok: true }> {
  if (!r.ok) throw new Error(r.errors.map((e) => formatManifestError(e)).join('\n'));
  return r;
}

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

describe('each kind', () => {
  it('Pod: labels, containers, status.podIP and readiness from status', () => {
    const s = ok(
      importManifests(
        src(`apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop, labels: { app: web } }
spec:
  containers:
    - name: nginx
      image: nginx
      ports: [{ name: http, containerPort: 80 }]
      readinessProbe: { httpGet: { path: /healthz, port: http } }
status:
  podIP: 10.244.1.7
  conditions: [{ type: Ready, status: "False" }]
`),
      ),
    ).scenario;
    const p = s.pods.find((x) => x.name === 'web')!;
    expect(p.namespace).toBe('shop');
    expect(p.labels).toEqual({ app: 'web' });
    expect(p.containers[0]).toEqual({ name: 'nginx', image: 'nginx', ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }], readinessProbe: { type: 'httpGet', port: 'http', path: '/healthz' } });
    expect(p.readiness).toBe('NotReady');
    expect(p.ip).toBe('10.244.1.7');
    expect(s.nodes.find((n) => n.id === p.node)!.podCidr).toBe('10.244.1.0/24');
  });

  it('a terminating pod (deletionTimestamp) is Terminating', () => {
    const s = ok(importManifests(src(`apiVersion: v1\nkind: Pod\nmetadata: { name: old, deletionTimestamp: "2024-01-01T00:00:00Z" }\nspec: { containers: [{ name: c }] }\n`))).scenario;
    expect(s.pods.find((p) => p.name === 'old')!.readiness).toBe('Terminating');
  });

  it('StatefulSet pods are <name>-<ordinal>; ReplicaSet and Job pods get a generated suffix', () => {
    const s = ok(
      importManifests(
        src(`apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec: { replicas: 3, serviceName: db, selector: { matchLabels: { app: db } }, template: { metadata: { labels: { app: db } }, spec: { containers: [{ name: pg }] } } }
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: { name: cache }
spec: { replicas: 2, selector: { matchLabels: { app: cache } }, template: { metadata: { labels: { app: cache } }, spec: { containers: [{ name: c }] } } }
---
apiVersion: batch/v1
kind: Job
metadata: { name: migrate }
spec: { parallelism: 2, template: { spec: { restartPolicy: Never, containers: [{ name: m }] } } }
`),
      ),
    ).scenario;
    expect(s.pods.filter((p) => p.owner?.name === 'db').map((p) => p.name)).toEqual(['db-0', 'db-1', 'db-2']);
    expect(s.pods.find((p) => p.name === 'db-1')!.labels['statefulset.kubernetes.io/pod-name']).toBe('db-1');
    const cache = s.pods.filter((p) => p.owner?.name === 'cache');
    expect(cache).toHaveLength(2);
    for (const p of cache) expect(p.name).toMatch(/^cache-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const jobs = s.pods.filter((p) => p.owner?.kind === 'Job');
    expect(jobs).toHaveLength(2);
    expect(jobs[0]!.labels['job-name']).toBe('migrate');
  });

  it('DaemonSet: one pod per node its nodeSelector matches; nodeName and nodeSelector are honoured', () => {
    const s = ok(
      importManifests(
        src(`apiVersion: v1
kind: Node
metadata: { name: worker-a, labels: { disk: ssd } }
spec: { podCIDR: 10.244.5.0/24 }
status: { addresses: [{ type: InternalIP, address: 10.0.0.5 }] }
---
apiVersion: v1
kind: Node
metadata: { name: worker-b }
spec: { podCIDR: 10.244.6.0/24 }
status: { addresses: [{ type: InternalIP, address: 10.0.0.6 }] }
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent, namespace: kube-system }
spec: { selector: { matchLabels: { app: agent } }, template: { metadata: { labels: { app: agent } }, spec: { containers: [{ name: a }] } } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: fast }
spec: { replicas: 2, selector: { matchLabels: { app: fast } }, template: { metadata: { labels: { app: fast } }, spec: { nodeSelector: { disk: ssd }, containers: [{ name: f }] } } }
---
apiVersion: v1
kind: Pod
metadata: { name: pinned }
spec: { nodeName: worker-b, containers: [{ name: p }] }
`),
      ),
    ).scenario;
    expect(s.nodes.map((n) => [n.name, n.ip, n.podCidr])).toEqual([
      ['worker-a', '10.0.0.5', '10.244.5.0/24'],
      ['worker-b', '10.0.0.6', '10.244.6.0/24'],
    ]);
    expect(s.subnets).toHaveLength(1);
    expect(s.subnets[0]!.cidr).toBe('10.0.0.0/24');
    const nodeName = (id: string) => s.nodes.find((n) => n.id === id)!.name;
    expect(s.pods.filter((p) => p.owner?.kind === 'DaemonSet').map((p) => nodeName(p.node))).toEqual(['worker-a', 'worker-b']);
    expect(s.pods.filter((p) => p.owner?.name === 'fast').map((p) => nodeName(p.node))).toEqual(['worker-a', 'worker-a']);
    expect(nodeName(s.pods.find((p) => p.name === 'pinned')!.node)).toBe('worker-b');
  });

  it('Service: every type, named ports, sessionAffinity, traffic policies, headless; clusterIP kept when it fits', () => {
    const r = ok(
      importManifests(
        src(`apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: LoadBalancer
  clusterIP: 10.96.100.100
  selector: { app: web }
  ports: [{ name: http, port: 80, targetPort: http, nodePort: 30080 }]
  sessionAffinity: ClientIP
  sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } }
  externalTrafficPolicy: Local
  internalTrafficPolicy: Local
---
apiVersion: v1
kind: Service
metadata: { name: db }
spec: { clusterIP: None, selector: { app: db }, ports: [{ port: 5432 }] }
---
apiVersion: v1
kind: Service
metadata: { name: ext }
spec: { type: ExternalName, externalName: example.com }
---
apiVersion: v1
kind: Service
metadata: { name: np }
spec: { type: NodePort, clusterIP: 172.20.0.5, ports: [{ port: 8080, protocol: UDP }] }
`),
      ),
    );
    const s = r.scenario;
    const web = s.services.find((x) => x.name === 'web')!;
    expect(web).toMatchObject({ type: 'LoadBalancer', clusterIP: '10.96.100.100', sessionAffinity: 'ClientIP', sessionAffinityTimeoutSeconds: 600, externalTrafficPolicy: 'Local', internalTrafficPolicy: 'Local' });
    expect(web.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', nodePort: 30080 }]);
    expect(web.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    expect(s.services.find((x) => x.name === 'db')!.clusterIP).toBe('None');
    expect(s.services.find((x) => x.name === 'ext')).toMatchObject({ type: 'ExternalName', externalName: 'example.com' });
    const np = s.services.find((x) => x.name === 'np')!;
    // 172.20.0.5 is outside 10.96.0.0/12: re-allocated, with a note
    expect(np.clusterIP).toMatch(/^10\.96\.0\.\d+$/);
    expect(np.ports[0]!.nodePort).toBeGreaterThanOrEqual(30000);
    expect(r.notes.some((n) => n.ref === 'Service/np' && n.message.includes('172.20.0.5'))).toBe(true);
  });

  it('Endpoints and EndpointSlice are used as given for a Service without a selector', () => {
    const s = ok(
      importManifests(
        src(`apiVersion: v1
kind: Service
metadata: { name: legacy }
spec: { ports: [{ name: pg, port: 5432 }] }
---
apiVersion: v1
kind: Endpoints
metadata: { name: legacy }
subsets: [{ addresses: [{ ip: 192.168.1.50 }], notReadyAddresses: [{ ip: 192.168.1.51 }], ports: [{ name: pg, port: 5432 }] }]
---
apiVersion: v1
kind: Service
metadata: { name: sliced }
spec: { ports: [{ port: 80 }] }
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: sliced-1, labels: { kubernetes.io/service-name: sliced } }
addressType: IPv4
ports: [{ port: 8080, protocol: TCP }]
endpoints:
  - addresses: [10.244.0.9]
    conditions: { ready: false, serving: true, terminating: true }
    nodeName: node-1
`),
      ),
    ).scenario;
    expect(s.services.find((x) => x.name === 'legacy')!.endpoints).toEqual([
      { ip: '192.168.1.50', ready: true, terminating: false, ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] },
      { ip: '192.168.1.51', ready: false, terminating: false, ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] },
    ]);
    expect(s.services.find((x) => x.name === 'sliced')!.endpoints).toEqual([{ ip: '10.244.0.9', nodeName: 'node-1', ready: false, serving: true, terminating: true, ports: [{ port: 8080, protocol: 'TCP' }] }]);
  });

  it('Ingress with its class, served by the ingress-nginx controller Service; NetworkPolicy kept as written', () => {
    const r = ok(
      importManifests(
        src(`apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: { name: nginx, annotations: { ingressclass.kubernetes.io/is-default-class: "true" } }
spec: { controller: k8s.io/ingress-nginx }
---
apiVersion: v1
kind: Service
metadata: { name: ingress-nginx-controller, namespace: ingress-nginx }
spec: { type: NodePort, selector: { app.kubernetes.io/name: ingress-nginx }, ports: [{ name: http, port: 80 }] }
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: shop }
spec:
  tls: [{ hosts: [shop.example.com], secretName: shop-tls }]
  rules:
    - host: shop.example.com
      http:
        paths:
          - { path: /api, pathType: Prefix, backend: { service: { name: api, port: { number: 80 } } } }
          - { path: /, pathType: Exact, backend: { service: { name: web, port: { name: http } } } }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny-all, namespace: shop }
spec: { podSelector: {}, policyTypes: [Ingress] }
`),
      ),
    );
    const s = r.scenario;
    const ing = s.ingresses[0]!;
    expect(ing).toMatchObject({ name: 'shop', ingressClassName: 'nginx', controllerService: s.services.find((x) => x.name === 'ingress-nginx-controller')!.id });
    expect(ing.rules[0]!.paths).toEqual([
      { path: '/api', pathType: 'Prefix', backend: { service: 'api', port: 80 } },
      { path: '/', pathType: 'Exact', backend: { service: 'web', port: 'http' } },
    ]);
    expect(ing.tls).toEqual([{ hosts: ['shop.example.com'], secretName: 'shop-tls' }]);
    expect(s.networkPolicies).toEqual([{ id: expect.any(String), name: 'deny-all', namespace: 'shop', spec: { podSelector: {}, policyTypes: ['Ingress'] } }]);
    expect(exportManifests(s)).toContain('policyTypes:\n    - Ingress');
  });

  it('other kinds are listed as ignored and never fail the import', () => {
    const r = ok(importManifests(src(`apiVersion: v1\nkind: ConfigMap\nmetadata: { name: cfg }\ndata: { a: b }\n---\napiVersion: v1\nkind: Secret\nmetadata: { name: s }\n`)));
    expect(r.ignored.map((n) => n.message)).toEqual(['ignored: kind ConfigMap (not networking)', 'ignored: kind Secret (not networking)']);
  });

  it('reads a List as kubectl get -o yaml prints it, and many files', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: { name: a }\n  spec: { ports: [{ port: 80 }] }\n- apiVersion: v1\n  kind: Service\n  metadata: { name: b }\n  spec: { ports: [{ port: 81 }] }\n`;
    const r = ok(importManifests([{ name: 'list.yaml', text: list }, { name: 'more.yml', text: 'apiVersion: v1\nkind: Namespace\nmetadata: { name: extra, labels: { team: blue } }\n' }]));
    expect(r.scenario.namespaces).toEqual([{ name: 'extra', labels: { team: 'blue' } }]);
    expect(exportManifests(r.scenario)).toContain('kind: Namespace\nmetadata:\n  name: extra\n  labels:\n    team: blue\n');
    expect(r.scenario.services.map((x) => x.name)).toEqual(['a', 'b', 'kube-dns']);
    expect(r.counts).toEqual({ Service: 2, Namespace: 1 });
  });
});

describe('bad documents', () => {
  const errorsOf = (text: string) => {
    const r = importManifests(src(text));
    if (r.ok) throw new Error('expected errors');
    return r.errors;
  };

  it('names the document, kind/name, the field path and its line', () => {
    const [e, ...rest] = errorsOf(`apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: redis-leader\nspec:\n  ports:\n    - port: 70000\n`);
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ doc: 2, ref: 'Service/redis-leader', path: 'spec.ports[0].port', message: 'expected an integer 1-65535', line: 11 });
    expect(formatManifestError(e!)).toBe('document 2 (Service/redis-leader), line 11: spec.ports[0].port: expected an integer 1-65535');
  });

  it('a wrong kind shape (a Deployment without a template)', () => {
    const [e] = errorsOf(`apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec: { replicas: 2, selector: { matchLabels: { app: web } } }\n`);
    expect(e).toMatchObject({ doc: 1, ref: 'Deployment/web', path: 'spec.template' });
  });

  it('a selector that does not match the template', () => {
    const [e] = errorsOf(`apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec: { selector: { matchLabels: { app: web } }, template: { metadata: { labels: { app: other } }, spec: { containers: [{ name: c }] } } }\n`);
    expect(e).toMatchObject({ path: 'spec.template.metadata.labels' });
    expect(e!.message).toContain('selector does not match template labels');
  });

  it('duplicate names', () => {
    const [e] = errorsOf(`apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: {}\n---\napiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: {}\n`);
    expect(e).toMatchObject({ doc: 2, ref: 'Service/web', path: 'metadata.name', message: 'duplicate: document 1 already defines Service default/web' });
  });

  it('not YAML, a missing kind, an old apiVersion, a List item', () => {
    expect(errorsOf('a: [1, 2\n')[0]!.message).toMatch(/^not valid YAML/);
    expect(errorsOf('apiVersion: v1\nmetadata: { name: x }\n')[0]).toMatchObject({ path: 'kind' });
    expect(errorsOf('apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: { name: x }\n')[0]!.message).toBe('Ingress is served as networking.k8s.io/v1, not extensions/v1beta1');
    expect(errorsOf('apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: { name: p }\n  spec: { containers: [] }\n')[0]).toMatchObject({ ref: 'Pod/p', path: 'items[0].spec.containers', line: 7 });
  });

  it('a Service selecting nothing imports with a note saying it has no endpoints', () => {
    const r = ok(importManifests(src('apiVersion: v1\nkind: Service\nmetadata: { name: lonely }\nspec: { selector: { app: nobody }, ports: [{ port: 80 }] }\n')));
    expect(r.notes.map((n) => n.message)).toContain('Service default/lonely selects no pod (app=nobody): it has no endpoints');
  });

  it('an unschedulable pod names the reason', () => {
    const [e] = errorsOf('apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { nodeSelector: { gpu: "true" }, containers: [{ name: c }] }\n');
    expect(e!.message).toContain("0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector");
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
