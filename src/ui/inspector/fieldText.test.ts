import { describe, expect, it } from 'vitest';
import { formatContainerPorts, formatLabels, formatRoutes, formatRules, parseContainerPorts, parseLabels, parseRoutes, parseRules } from './fieldText';
import { formatMessage } from '../../i18n/sim/index';
import type { Message } from '../../sim/messages/index';

/** The edit or parse was refused, with an English message containing `text` (and on `field`, when given). */
function expectRefused(r: { ok: boolean; error?: Message; field?: string }, text: string, field?: string) {
  expect(r.ok).toBe(false);
  expect(formatMessage('en', r.error!)).toContain(text);
  if (field !== undefined) expect(r.field).toBe(field);
}

describe('inspector text fields', () => {
  it('labels round-trip and reject malformed pairs', () => {
    expect(parseLabels('app=web, tier = frontend')).toEqual({ ok: true, value: { app: 'web', tier: 'frontend' } });
    expect(formatLabels({ app: 'web', tier: 'frontend' })).toBe('app=web, tier=frontend');
    expect(parseLabels('')).toEqual({ ok: true, value: {} });
    expectRefused(parseLabels('app'), 'key=value');
    expect(parseLabels('app=web app')).toMatchObject({ ok: false });
    expectRefused(parseLabels('app=a, app=b'), 'twice');
    expect(parseLabels('app.kubernetes.io/name=web')).toEqual({ ok: true, value: { 'app.kubernetes.io/name': 'web' } });
  });

  it('refuses keys that name built-in object properties, saying so (not "given twice")', () => {
    expectRefused(parseLabels('constructor=x'), 'constructor cannot be a label key');
    expectRefused(parseLabels('app=web, prototype=x'), 'prototype cannot be a label key');
  });

  it('container ports', () => {
    expect(parseContainerPorts('http=8080/tcp, 53/UDP, 9090')).toEqual({
      ok: true,
      value: [
        { name: 'http', containerPort: 8080, protocol: 'TCP' },
        { containerPort: 53, protocol: 'UDP' },
        { containerPort: 9090, protocol: 'TCP' },
      ],
    });
    expect(formatContainerPorts([{ name: 'http', containerPort: 8080, protocol: 'TCP' }])).toBe('http=8080/TCP');
    expect(parseContainerPorts('70000')).toMatchObject({ ok: false });
    expect(parseContainerPorts('eighty')).toMatchObject({ ok: false });
  });

  it('routes', () => {
    expect(parseRoutes('10.0.0.0/8 via 192.168.1.254\ndefault via 192.168.1.1')).toEqual({
      ok: true,
      value: [
        { dst: '10.0.0.0/8', via: '192.168.1.254' },
        { dst: '0.0.0.0/0', via: '192.168.1.1' },
      ],
    });
    expect(formatRoutes([{ dst: '10.0.0.0/8', via: '1.2.3.4' }])).toBe('10.0.0.0/8 via 1.2.3.4');
    expect(parseRoutes('10.0.0.0/8 -> x')).toMatchObject({ ok: false });
  });

  it('ingress rules group paths by host', () => {
    const r = parseRules('shop.example.com/ -> web:80\nshop.example.com/api -> api:http\n*/health -> web:80');
    expect(r).toEqual({
      ok: true,
      value: [
        {
          host: 'shop.example.com',
          paths: [
            { path: '/', pathType: 'Prefix', backend: { service: 'web', port: 80 } },
            { path: '/api', pathType: 'Prefix', backend: { service: 'api', port: 'http' } },
          ],
        },
        { paths: [{ path: '/health', pathType: 'Prefix', backend: { service: 'web', port: 80 } }] },
      ],
    });
    expect(formatRules(r.ok ? r.value : [])).toBe('shop.example.com/ -> web:80\nshop.example.com/api -> api:http\n*/health -> web:80');
    expect(parseRules('web:80')).toMatchObject({ ok: false });
  });
});
