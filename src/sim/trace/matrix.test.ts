import { describe, expect, it } from 'vitest';
import { loadExample, withChanges, withCluster } from '../testing/examples';
import { reachabilityMatrix } from './matrix';

describe('reachability matrix', () => {
  it('traces every pod to every pod and Service and names the deciding policy', () => {
    const s = loadExample('calico-policy');
    const m = reachabilityMatrix(s, { namespace: 'shop' });
    expect(m.sources.map((x) => x.name)).toEqual(['shop/frontend', 'shop/api', 'shop/db']);
    expect(m.targets.map((x) => `${x.kind}:${x.name}:${x.port}`)).toEqual([
      'pod:shop/frontend:80',
      'pod:shop/api:8080',
      'pod:shop/db:5432',
      'service:shop/web:80',
      'service:shop/api:8080',
      'service:shop/db:5432',
    ]);
    const cell = (from: string, to: string) =>
      m.cells[m.sources.findIndex((x) => x.name === from)]![m.targets.findIndex((x) => x.name === to && x.kind === 'pod')]!;
    expect(cell('shop/frontend', 'shop/api')).toEqual({
      verdict: 'allowed',
      rules: [
        'shop/frontend-to-api egress[0]: to podSelector app=api, port TCP 8080',
        'shop/api-from-frontend ingress[0]: from podSelector app=frontend, port TCP 8080',
      ],
    });
    expect(cell('shop/frontend', 'shop/db')).toMatchObject({
      verdict: 'denied',
      direction: 'egress',
      policies: ['shop/default-deny-all', 'shop/allow-dns', 'shop/frontend-to-api'],
    });
    expect(cell('shop/api', 'shop/db')).toMatchObject({ verdict: 'allowed' });
    expect(cell('shop/db', 'shop/api')).toMatchObject({ verdict: 'denied', direction: 'egress' });
    // A pod cannot block access to itself (the docs' exception): its own address loops back.
    expect(cell('shop/db', 'shop/db')).toEqual({ verdict: 'allowed' });
    // Through the Service: policy sees the pod after DNAT, so frontend -> svc api is allowed too.
    const svc = m.cells[0]![m.targets.findIndex((x) => x.kind === 'service' && x.name === 'shop/api')]!;
    expect(svc.verdict).toBe('allowed');
    expect(m.enforced).toBe(true);
  });

  it('with one port for all, a target that does not listen there is dropped, not denied', () => {
    const m = reachabilityMatrix(
      withChanges(loadExample('calico-policy'), (x) => (x.networkPolicies = [])),
      { port: 8080, namespace: 'shop', services: false },
    );
    expect(m.cells.flat().map((c) => c.code ?? c.verdict)).toEqual([
      'port-closed',
      'allowed',
      'port-closed',
      'port-closed',
      'allowed',
      'port-closed',
      'port-closed',
      'allowed',
      'port-closed',
    ]);
  });

  it('with flannel every cell is allowed whatever the policies say', () => {
    const m = reachabilityMatrix(withCluster(loadExample('calico-policy'), { cni: 'flannel' }), { namespace: 'shop', services: false });
    expect(m.enforced).toBe(false);
    expect(m.cells.flat().every((c) => c.verdict === 'allowed')).toBe(true);
  });
});
