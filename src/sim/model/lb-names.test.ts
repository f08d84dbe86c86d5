import { describe, expect, it } from 'vitest';
import { addLoadBalancer } from './edit';
import { defaultScenario } from '../../store/defaultScenario';

describe('load balancer names', () => {
  it('a second load balancer of a Service gets its own name (web-lb-2), so the canvas and the notices tell them apart', () => {
    const s = defaultScenario();
    expect(s.loadBalancers.map((l) => l.name)).toContain('web-lb');
    const r = addLoadBalancer(s, { service: 'web', subnet: 'internet' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const second = r.scenario.loadBalancers.find((l) => l.id === r.id)!;
    expect(second.name).toBe('web-lb-2');
    const r3 = addLoadBalancer(r.scenario, { service: 'web', subnet: 'internet' });
    expect(r3.ok && r3.scenario.loadBalancers.find((l) => l.id === r3.id)!.name).toBe('web-lb-3');
  });
});
