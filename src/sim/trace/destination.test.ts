import { describe, expect, it } from 'vitest';
import { loadExample, withChanges } from '../testing/examples';
import { trace } from './trace';

describe('destinations and the cluster domain (issue 15: no regular expression from input)', () => {
  it('a domain full of pattern characters neither throws nor hangs', () => {
    // A scenario that skipped validation (an old save, a store edit): the domain must be treated as text.
    for (const dnsDomain of ['[', '(a+)+', '.*', 'a|b']) {
      const s = withChanges(loadExample('clusterip'), (c) => {
        c.cluster.dnsDomain = dnsDomain;
      });
      const crafted = `${'a'.repeat(40)}!`;
      const t0 = performance.now();
      const r = trace(s, { from: 'node-1', to: crafted, port: 80 });
      expect(performance.now() - t0).toBeLessThan(1000);
      expect(r).toMatchObject({ verdict: 'dropped', reason: { code: 'unknown-destination' } });
    }
  });

  it('a Service named by its full name from a node still resolves, for any domain', () => {
    const s = withChanges(loadExample('clusterip'), (c) => {
      c.cluster.dnsDomain = 'corp.example';
    });
    const svc = s.services.find((x) => x.name === 'web')!;
    const r = trace(s, { from: 'node-1', to: `web.${svc.namespace}.svc.corp.example.`, port: 80 });
    expect(r.verdict).toBe('delivered');
    expect(r.hops.some((h) => h.action === 'dnat' && h.match?.some((m) => m.rule.includes(`-d ${svc.clusterIP}/32`)))).toBe(true);
  });
});
