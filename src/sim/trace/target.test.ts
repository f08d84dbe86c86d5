import { describe, expect, it } from 'vitest';
import { parseTargetText } from './target';
import { msg } from '../messages/index';

describe('parseTargetText', () => {
  it('splits names and addresses from ports', () => {
    expect(parseTargetText('web:80')).toEqual({ ok: true, to: 'web', port: 80 });
    expect(parseTargetText(' 10.96.0.20:80 ')).toEqual({ ok: true, to: '10.96.0.20', port: 80 });
    expect(parseTargetText('web.shop.svc.cluster.local:8080')).toEqual({ ok: true, to: 'web.shop.svc.cluster.local', port: 8080 });
    expect(parseTargetText('192.168.1.11')).toEqual({ ok: true, to: '192.168.1.11' });
  });
  it('passes http URLs whole and rejects other schemes', () => {
    expect(parseTargetText('http://shop.example.com/api')).toEqual({ ok: true, to: 'http://shop.example.com/api' });
    expect(parseTargetText('ftp://x/y').ok).toBe(false);
  });
  it('explains bad input', () => {
    expect(parseTargetText('')).toMatchObject({ ok: false });
    expect(parseTargetText('web:99999')).toEqual({ ok: false, error: msg('target.port-range', { port: '99999' }) });
    expect(parseTargetText(':80')).toMatchObject({ ok: false });
    expect(parseTargetText('my web')).toMatchObject({ ok: false });
  });
  it('refuses a missing port and port 0 in every form (issue 15)', () => {
    expect(parseTargetText('web:0')).toEqual({ ok: false, error: msg('target.port-range', { port: '0' }) });
    expect(parseTargetText('web:')).toEqual({ ok: false, error: msg('target.no-port', { to: 'web:', example: 'web:80' }) });
    expect(parseTargetText('10.96.0.2:')).toMatchObject({ ok: false });
    expect(parseTargetText('http://shop.example.com:0/api')).toEqual({ ok: false, error: msg('target.port-range', { port: '0' }) });
    expect(parseTargetText('http://shop.example.com:8080/api')).toEqual({ ok: true, to: 'http://shop.example.com:8080/api' });
  });
  it('refuses a port that is not a number as a form error, instead of sending to a host called "web:abc"', () => {
    expect(parseTargetText('web:abc')).toEqual({ ok: false, error: msg('target.bad-port', { port: 'abc', example: 'web:80' }) });
    expect(parseTargetText('web:80 ')).toEqual({ ok: true, to: 'web', port: 80 });
  });
});

import { defaultTargetFor } from './target';
import { loadExample } from '../testing/examples';
import { trace } from './trace';

describe('defaultTargetFor (clicking a target on the canvas)', () => {
  it('sends to the port the workload serves', () => {
    const s = loadExample('same-node');
    expect(defaultTargetFor(s, 'pod-web')).toEqual({ to: 'pod-web', port: 80, proto: 'tcp' });
    expect(defaultTargetFor(s, 'pod-client')).toEqual({ to: 'pod-client', proto: 'icmp' });
    expect(defaultTargetFor(s, 'node-1')).toEqual({ to: 'node-1', proto: 'icmp' });
    expect(defaultTargetFor(s, 'nope')).toBeUndefined();
  });

  it('gives an ingress an http URL that the tracer routes through it', () => {
    const s = loadExample('ingress');
    const ing = s.ingresses[0]!;
    const target = defaultTargetFor(s, ing.id)!;
    expect(target.to).toMatch(/^http:\/\//);
    const r = trace(s, { from: s.clients[0]!.id, ...target }, { seed: 1 });
    expect(r.hops.some((h) => h.action === 'l7')).toBe(true);
  });

  it('gives a load balancer its Service port', () => {
    const s = loadExample('loadbalancer-local');
    expect(defaultTargetFor(s, 'lb-web')).toEqual({ to: 'lb-web', port: 80, proto: 'tcp' });
  });
});

describe('defaultTargetFor a Service', () => {
  it('sends to its ClusterIP, so no DNS is needed', () => {
    const s = loadExample('clusterip');
    const svc = s.services.find((x) => x.clusterIP && x.clusterIP !== 'None' && x.namespace !== 'kube-system')!;
    expect(defaultTargetFor(s, svc.id)).toEqual({ to: svc.clusterIP, port: svc.ports[0]!.port, proto: 'tcp' });
  });
});
