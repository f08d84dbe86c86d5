/** NetworkPolicies and Namespace labels from manifests, enforced once the cluster runs Calico. */
import { describe, expect, it } from 'vitest';
import { trace } from '../../sim/tracer';
import { importManifests, exportManifests, formatManifestError } from './index';

const YAML = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels: { team: shop }
---
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop, labels: { app: web } }
spec: { containers: [{ name: web, image: nginx, ports: [{ containerPort: 80 }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: client, namespace: default, labels: { app: client } }
spec: { containers: [{ name: curl, image: curlimages/curl }] }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web-from-shop, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web } }
  ingress:
  - from:
    - namespaceSelector: { matchLabels: { team: shop } }
`;

describe('NetworkPolicy from manifests', () => {
  it('keeps the policy typed, the namespace labels, and Calico enforces them', () => {
    const r = importManifests([{ name: 'app.yaml', text: YAML }]);
    if (!r.ok) throw new Error(r.errors.map((e) => formatManifestError(e)).join('\n'));
    const s = r.scenario;
    expect(s.namespaces.find((n) => n.name === 'shop')).toEqual({ name: 'shop', labels: { team: 'shop' } });
    expect(s.networkPolicies[0]).toMatchObject({ name: 'web-from-shop', namespace: 'shop', spec: { podSelector: { matchLabels: { app: 'web' } } } });
    const web = s.pods.find((p) => p.name === 'web')!;
    expect(trace(s, { from: 'client', to: web.id, port: 80 }).notes?.[0]?.code).toBe('policy-not-enforced');
    const calico = { ...s, cluster: { ...s.cluster, cni: 'calico' as const } };
    expect(trace(calico, { from: 'client', to: web.id, port: 80 }).reason).toMatchObject({
      code: 'policy-denied',
      direction: 'ingress',
      policies: ['shop/web-from-shop'],
    });
    expect(exportManifests(s)).toMatch(/kind: Namespace\nmetadata:\n {2}name: shop\n {2}labels:\n {4}team: shop/);
  });

  it('refuses a policy spec the API would refuse, naming the field', () => {
    const bad = YAML.replace('- namespaceSelector: { matchLabels: { team: shop } }', '- {}');
    const r = importManifests([{ name: 'app.yaml', text: bad }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => formatManifestError(e)).join('\n')).toBe(
      'document 4 (NetworkPolicy/web-from-shop), line 24: spec.ingress[0].from[0]: a peer needs podSelector, namespaceSelector or ipBlock (as the API requires)',
    );
  });
});
