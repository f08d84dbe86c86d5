/** Manifests in, kind by kind: what each object becomes in the scenario, and the notes when something is done differently. */
import { describe, expect, it } from 'vitest';
import { importManifests, exportManifests } from './index';
import { en, ok, src } from './testdata/helpers';

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
    expect(p.containers[0]).toEqual({
      name: 'nginx',
      image: 'nginx',
      ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }],
      readinessProbe: { type: 'httpGet', port: 'http', path: '/healthz' },
    });
    expect(p.readiness).toBe('NotReady');
    expect(p.ip).toBe('10.244.1.7');
    expect(s.nodes.find((n) => n.id === p.node)!.podCidr).toBe('10.244.1.0/24');
  });

  it('a terminating pod (deletionTimestamp) is Terminating', () => {
    const s = ok(
      importManifests(
        src(`apiVersion: v1\nkind: Pod\nmetadata: { name: old, deletionTimestamp: "2024-01-01T00:00:00Z" }\nspec: { containers: [{ name: c }] }\n`),
      ),
    ).scenario;
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
    expect(web).toMatchObject({
      type: 'LoadBalancer',
      clusterIP: '10.96.100.100',
      sessionAffinity: 'ClientIP',
      sessionAffinityTimeoutSeconds: 600,
      externalTrafficPolicy: 'Local',
      internalTrafficPolicy: 'Local',
    });
    expect(web.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', nodePort: 30080 }]);
    expect(web.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    expect(s.services.find((x) => x.name === 'db')!.clusterIP).toBe('None');
    expect(s.services.find((x) => x.name === 'ext')).toMatchObject({ type: 'ExternalName', externalName: 'example.com' });
    const np = s.services.find((x) => x.name === 'np')!;
    // 172.20.0.5 is outside 10.96.0.0/12: re-allocated, with a note
    expect(np.clusterIP).toMatch(/^10\.96\.0\.\d+$/);
    expect(np.ports[0]!.nodePort).toBeGreaterThanOrEqual(30000);
    expect(r.notes.some((n) => n.ref === 'Service/np' && en(n).includes('172.20.0.5'))).toBe(true);
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
    expect(s.services.find((x) => x.name === 'sliced')!.endpoints).toEqual([
      { ip: '10.244.0.9', nodeName: 'node-1', ready: false, serving: true, terminating: true, ports: [{ port: 8080, protocol: 'TCP' }] },
    ]);
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
    expect(ing).toMatchObject({
      name: 'shop',
      ingressClassName: 'nginx',
      controllerService: s.services.find((x) => x.name === 'ingress-nginx-controller')!.id,
    });
    expect(ing.rules[0]!.paths).toEqual([
      { path: '/api', pathType: 'Prefix', backend: { service: 'api', port: 80 } },
      { path: '/', pathType: 'Exact', backend: { service: 'web', port: 'http' } },
    ]);
    expect(ing.tls).toEqual([{ hosts: ['shop.example.com'], secretName: 'shop-tls' }]);
    expect(s.networkPolicies).toEqual([{ id: expect.any(String), name: 'deny-all', namespace: 'shop', spec: { podSelector: {}, policyTypes: ['Ingress'] } }]);
    expect(exportManifests(s)).toContain('policyTypes:\n    - Ingress');
  });

  it('other kinds are listed as ignored and never fail the import', () => {
    const r = ok(
      importManifests(
        src(`apiVersion: v1\nkind: ConfigMap\nmetadata: { name: cfg }\ndata: { a: b }\n---\napiVersion: v1\nkind: Secret\nmetadata: { name: s }\n`),
      ),
    );
    expect(r.ignored.map(en)).toEqual(['ignored: kind ConfigMap (not networking)', 'ignored: kind Secret (not networking)']);
  });

  it('reads a List as kubectl get -o yaml prints it, and many files', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: { name: a }\n  spec: { ports: [{ port: 80 }] }\n- apiVersion: v1\n  kind: Service\n  metadata: { name: b }\n  spec: { ports: [{ port: 81 }] }\n`;
    const r = ok(
      importManifests([
        { name: 'list.yaml', text: list },
        { name: 'more.yml', text: 'apiVersion: v1\nkind: Namespace\nmetadata: { name: extra, labels: { team: blue } }\n' },
      ]),
    );
    expect(r.scenario.namespaces).toEqual([{ name: 'extra', labels: { team: 'blue' } }]);
    expect(exportManifests(r.scenario)).toContain('kind: Namespace\nmetadata:\n  name: extra\n  labels:\n    team: blue\n');
    expect(r.scenario.services.map((x) => x.name)).toEqual(['a', 'b', 'kube-dns']);
    expect(r.counts).toEqual({ Service: 2, Namespace: 1 });
  });
});
