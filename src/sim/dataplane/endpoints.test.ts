/**
 * Endpoints as the EndpointSlice controller builds them (kubernetes.io/docs/concepts/services-networking/service/:
 * "targetPort ... can be a name defined in the Pod's container ports"; pods of the Service's namespace
 * matching every selector label) and kube-proxy orders them (endpointslicecache.go sorts by "ip:port").
 */
import { describe, expect, it } from 'vitest';
import { loadExample, withChanges } from '../testing/examples';
import { topology } from '../model/topology';
import { serviceEndpoints } from './endpoints';

describe('Service endpoints', () => {
  const s = loadExample('dns');

  it('selects matching pods in the Service namespace and resolves a named targetPort', () => {
    const t = topology(s);
    const web = t.services.get('svc-web')!;
    const eps = serviceEndpoints(t, web, web.ports[0]!);
    expect(eps.map((e) => [e.pod!.id, e.port])).toEqual([['web-1', 80]]);
  });

  it('leaves out pods of other namespaces and pods without the named port', () => {
    const s2 = withChanges(s, (c) => {
      c.pods.push({ ...structuredClone(c.pods.find((p) => p.id === 'web-1')!), id: 'web-other-ns', name: 'web-x', namespace: 'default', ip: '10.244.1.50' });
      c.pods.push({
        id: 'web-noport',
        name: 'web-noport',
        namespace: 'shop',
        node: 'node-1',
        ip: '10.244.0.50',
        labels: { app: 'web' },
        containers: [{ name: 'c', ports: [{ name: 'metrics', containerPort: 9100, protocol: 'TCP' }] }],
      });
    });
    const t = topology(s2);
    const web = t.services.get('svc-web')!;
    expect(serviceEndpoints(t, web, web.ports[0]!).map((e) => e.pod!.id)).toEqual(['web-1']);
  });

  it('sorts endpoints by their "ip:port" text, as kube-proxy does', () => {
    const t = topology(s);
    const dns = t.services.get('svc-kube-dns')!;
    const texts = serviceEndpoints(t, dns, dns.ports[0]!).map((e) => e.text);
    expect(texts).toEqual([...texts].sort());
    expect(texts).toHaveLength(2);
  });

  it('gives a Service without a selector no endpoints', () => {
    const s2 = withChanges(s, (c) => {
      c.services.find((x) => x.id === 'svc-web')!.selector = {};
    });
    const t = topology(s2);
    const web = t.services.get('svc-web')!;
    expect(serviceEndpoints(t, web, web.ports[0]!)).toEqual([]);
  });
});
