/**
 * Readiness and EndpointSlices. Sources:
 * - EndpointSlice conditions ready / serving / terminating:
 *   https://kubernetes.io/docs/concepts/services-networking/endpoint-slices/#conditions
 * - kube-proxy uses ready endpoints, and only when none is ready the serving + terminating ones
 *   (pkg/proxy/topology.go CategorizeEndpoints; KEP-1669 "Proxy Terminating Endpoints"), for the
 *   cluster set and, with a Local traffic policy, per node.
 * - A Service without ready endpoints: kube-proxy's filter rule REJECTs ("has no endpoints").
 */
import { describe, expect, it } from 'vitest';
import { loadExample, withChanges } from '../testing/examples';
import { topology } from '../model/topology';
import { trace } from '../trace/trace';
import type { Readiness, Scenario } from '../model/schema';
import { serviceEndpoints, sliceEndpoints } from './endpoints';
import { formatMessage } from '../../i18n/sim/index';

const base = loadExample('clusterip');
function withReadiness(states: Record<string, Readiness>, edit?: (c: Scenario) => void): Scenario {
  return withChanges(base, (c) => {
    for (const p of c.pods) if (states[p.id]) p.readiness = states[p.id];
    edit?.(c);
  });
}
const endpointsOf = (s: Scenario) => {
  const t = topology(s);
  const web = t.services.get('svc-web')!;
  return { usable: serviceEndpoints(t, web, web.ports[0]!).map((e) => e.pod!.id), slice: sliceEndpoints(t, web, web.ports[0]!) };
};
const send = (s: Scenario, seed: number) => trace(s, { from: 'client', to: 'web', port: 80 }, { seed });

describe('EndpointSlice conditions', () => {
  it('a Ready pod is ready and serving; NotReady is neither; Terminating is serving and terminating, never ready', () => {
    const { slice } = endpointsOf(withReadiness({ 'web-2': 'NotReady', 'web-3': 'Terminating' }));
    expect(slice.map((e) => [e.pod!.id, e.conditions, e.nodeName])).toEqual([
      ['web-1', { ready: true, serving: true, terminating: false }, 'node-1'],
      ['web-2', { ready: false, serving: false, terminating: false }, 'node-2'],
      ['web-3', { ready: false, serving: true, terminating: true }, 'node-2'],
    ]);
  });
});

describe('kube-proxy programs ready endpoints only', () => {
  it('leaves a not-Ready pod out, and no trace ever reaches it', () => {
    const s = withReadiness({ 'web-2': 'NotReady' });
    expect(endpointsOf(s).usable).toEqual(['web-1', 'web-3']);
    for (let seed = 1; seed <= 30; seed++) expect(send(s, seed).endpoint).not.toBe('web-2');
  });

  it('ignores terminating endpoints while some endpoint is ready', () => {
    expect(endpointsOf(withReadiness({ 'web-1': 'Terminating' })).usable).toEqual(['web-2', 'web-3']);
  });

  it('falls back to serving terminating endpoints when none is ready', () => {
    const s = withReadiness({ 'web-1': 'Terminating', 'web-2': 'Terminating', 'web-3': 'NotReady' });
    expect(endpointsOf(s).usable).toEqual(['web-1', 'web-2']);
    const r = send(s, 3);
    expect(r.verdict).toBe('delivered');
    expect(['web-1', 'web-2']).toContain(r.endpoint);
  });

  it('a Service whose pods are all not Ready rejects, and the drop says why', () => {
    const s = withReadiness({ 'web-1': 'NotReady', 'web-2': 'NotReady', 'web-3': 'NotReady' });
    const r = send(s, 1);
    expect(r.verdict).toBe('dropped');
    expect(r.reason!.code).toBe('no-endpoints');
    expect(formatMessage('en', r.reason!.msg)).toContain('3 pods are selected (app=web), none ready (3 not Ready)');
  });

  it('with a Local traffic policy the fallback is per node', () => {
    // node-1's only endpoint is terminating while node-2's are ready: node-1 uses its terminating one.
    const s = withReadiness({ 'web-1': 'Terminating' }, (c) => {
      c.services.find((x) => x.id === 'svc-web')!.internalTrafficPolicy = 'Local';
    });
    const r = send(s, 1); // client runs on node-1
    expect(r.verdict).toBe('delivered');
    expect(r.endpoint).toBe('web-1');
  });
});

describe('endpoints given as they are', () => {
  it('a Service without a selector sends to the addresses of its EndpointSlice, ready ones only', () => {
    const s = withChanges(base, (c) => {
      c.services.push({
        ...structuredClone(c.services.find((x) => x.id === 'svc-web')!),
        id: 'svc-manual',
        name: 'manual',
        clusterIP: '10.96.0.50',
        selector: {},
        ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
        endpoints: [
          { ip: '10.244.1.2', ready: false, terminating: false, ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] },
          { ip: c.pods.find((p) => p.id === 'web-1')!.ip, ready: true, terminating: false, ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] },
        ],
      });
    });
    const t = topology(s);
    const svc = t.services.get('svc-manual')!;
    expect(serviceEndpoints(t, svc, svc.ports[0]!).map((e) => e.text)).toEqual([`${s.pods.find((p) => p.id === 'web-1')!.ip}:8080`]);
    const r = trace(s, { from: 'client', to: 'manual', port: 80 }, { seed: 1 });
    expect(r.verdict).toBe('delivered');
    expect(r.endpoint).toBe('web-1');
  });
});
