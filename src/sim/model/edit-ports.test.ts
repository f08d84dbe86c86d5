/**
 * Ports the apiserver allocates on an edit, as on a full parse: nodePorts for NodePort and
 * LoadBalancer Services, and a healthCheckNodePort for LoadBalancer + externalTrafficPolicy Local
 * (kubernetes.io/docs/concepts/services-networking/service/#external-traffic-policy).
 */
import { describe, expect, it } from 'vitest';
import { editElement } from './editFields';
import { loadExample, withChanges } from '../testing/examples';
import { trace } from '../trace/trace';
import { formatMessage } from '../../i18n/sim/index';

describe('healthCheckNodePort on edit', () => {
  const cluster = withChanges(loadExample('loadbalancer-local'), (c) => {
    const svc = c.services.find((s) => s.id === 'svc-web')!;
    svc.externalTrafficPolicy = 'Cluster';
    delete svc.healthCheckNodePort;
  });

  it('is allocated when a LoadBalancer Service turns Local, and dropped when it turns back', () => {
    const local = editElement(cluster, 'svc-web', { externalTrafficPolicy: 'Local' });
    expect(local.ok).toBe(true);
    if (!local.ok) return;
    const svc = local.scenario.services.find((s) => s.id === 'svc-web')!;
    expect(svc.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    expect(svc.healthCheckNodePort).not.toBe(svc.ports[0]!.nodePort);
    const lb = trace(local.scenario, { from: 'laptop', to: '203.0.113.100', port: 80 }, { seed: 1 });
    const lbHop = lb.hops.find((h) => h.action === 'lb')!;
    expect(formatMessage('en', lbHop.msg) + JSON.stringify(lbHop.match)).toContain(`:${svc.healthCheckNodePort}/healthz`);
    const back = editElement(local.scenario, 'svc-web', { externalTrafficPolicy: 'Cluster' });
    expect(back.ok && back.scenario.services.find((s) => s.id === 'svc-web')!.healthCheckNodePort).toBeUndefined();
  });
});
