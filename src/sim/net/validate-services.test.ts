/**
 * Service, load balancer and Ingress checks (kubernetes.io/docs/concepts/services-networking/service/:
 * headless Services are ClusterIP, ExternalName needs externalName, named targetPorts come from the
 * pods' container ports; .../ingress/: backends are Services of the Ingress's namespace).
 */
import { describe, expect, it } from 'vitest';
import { loadExample, withChanges } from '../testing/examples';
import { validateScenario } from './validate';
import { readdirSync } from 'node:fs';
import { EXAMPLES_DIR } from '../testing/examples';
import { formatMessage } from '../../i18n/sim/index';

describe('service checks', () => {
  it('find nothing wrong in the shipped examples', () => {
    for (const f of readdirSync(EXAMPLES_DIR).filter((x) => x.endsWith('.json'))) {
      const problems = validateScenario(loadExample(f.replace(/\.json$/, ''))).filter((p) => p.severity === 'error');
      expect(problems, f).toEqual([]);
    }
  });

  it('warn when a named targetPort is missing on a selected pod', () => {
    const s = withChanges(loadExample('clusterip'), (c) => {
      c.services.find((x) => x.id === 'svc-web')!.ports[0]!.targetPort = 'web';
    });
    const p = validateScenario(s).find((x) => x.code === 'target-port-unresolved')!;
    expect(p).toMatchObject({ element: 'svc-web', field: 'ports.0.targetPort', severity: 'warning' });
    expect(formatMessage('en', p.msg)).toContain('web-1, web-2, and web-3');
  });

  it('reject a headless NodePort and an ExternalName without a name', () => {
    const s = withChanges(loadExample('dns'), (c) => {
      c.services.find((x) => x.id === 'svc-db')!.type = 'NodePort';
      delete c.services.find((x) => x.id === 'svc-payments')!.externalName;
    });
    const codes = validateScenario(s)
      .filter((x) => x.code === 'invalid-service')
      .map((x) => [x.element, x.field]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['svc-db', 'clusterIP'],
        ['svc-payments', 'externalName'],
      ]),
    );
  });

  it('report ingress backends that do not exist in the ingress namespace', () => {
    const s = withChanges(loadExample('ingress'), (c) => {
      c.ingresses[0]!.rules[0]!.paths[1]!.backend = { service: 'nope', port: 80 };
      c.ingresses[0]!.defaultBackend = { service: 'web', port: 8443 };
    });
    const p = validateScenario(s).filter((x) => x.element === 'ing-main');
    expect(p.map((x) => x.field)).toEqual(['rules.0.paths.1.backend', 'defaultBackend']);
    expect(formatMessage('en', p[1]!.msg)).toBe('Service web has no port 8443');
  });

  it('report a healthCheckNodePort that collides with a nodePort', () => {
    const s = withChanges(loadExample('loadbalancer-local'), (c) => {
      c.services[0]!.healthCheckNodePort = 31080;
    });
    expect(validateScenario(s).find((x) => x.code === 'duplicate-node-port')).toMatchObject({ element: 'svc-web', field: 'healthCheckNodePort' });
  });
});
