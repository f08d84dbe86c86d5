import { describe, expect, it } from 'vitest';
import { parseTargetText } from './target';

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
    expect(parseTargetText('web:99999')).toEqual({ ok: false, error: 'port 99999 is outside 1-65535' });
    expect(parseTargetText(':80')).toMatchObject({ ok: false });
    expect(parseTargetText('my web')).toMatchObject({ ok: false });
  });
});
