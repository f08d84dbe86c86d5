import { describe, expect, it } from 'vitest';
import { msg } from '../../sim/messages/index';
import { formatMessage } from './index';

describe('a nested sentence inside another one', () => {
  // Issue 11's review: "...no default gateway).)." — the path failure kept its own full stop inside the brackets.
  const why = msg('drop.node-no-route', { node: 'node-1', dst: '10.96.0.10' });

  it('loses its own full stop in English', () => {
    const text = formatMessage('en', msg('drop.dns-no-coredns', { name: 'web', server: '10.96.0.10:53', nameserver: '10.96.0.10', why }));
    expect(text).toContain('(on the way: node-1 has no route to 10.96.0.10 (no matching route and no default gateway))');
    expect(text).not.toMatch(/\.\)/);
    const pods = formatMessage('en', msg('drop.dns-no-coredns-pods', { name: 'web', server: '10.96.0.10:53', why }));
    expect(pods).not.toMatch(/\.\)/);
    expect(pods).toMatch(/default gateway\)\)\. Add cluster DNS/);
  });

  it('and in Chinese', () => {
    const text = formatMessage('zh-CN', msg('drop.dns-no-coredns', { name: 'web', server: '10.96.0.10:53', nameserver: '10.96.0.10', why }));
    expect(text).not.toMatch(/[.。]）/);
    const pods = formatMessage('zh-CN', msg('drop.dns-no-coredns-pods', { name: 'web', server: '10.96.0.10:53', why }));
    expect(pods).not.toMatch(/[.。]）/);
  });
});
