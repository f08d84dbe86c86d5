import { describe, expect, it } from 'vitest';
import { MAX_HOPS, newCtx, PathEnded, pushHop, type TraceCtx } from './context';
import { createRng } from './rng';
import { topology } from '../model/topology';
import { loadExample } from '../testing/examples';
import type { PacketHeaders } from './types';
import { formatMessage } from '../../i18n/sim/index';
import { msg } from '../messages/index';
import { RECEIVERS } from '../dataplane/receivers';

function ctx(): TraceCtx {
  return newCtx(topology(loadExample('host-gw')), createRng(1), [], false, RECEIVERS);
}

const pkt = (ttl: number): PacketHeaders => ({ src: '10.244.0.2', dst: '10.244.1.2', proto: 'icmp', ttl });

describe('the loop guard (issue 15)', () => {
  it('stops a path at exactly the documented bound of 256 hops, the drop included, with its own message', () => {
    expect(MAX_HOPS).toBe(256);
    const c = ctx();
    let ended = false;
    try {
      // Every hop differs (the TTL), so only the bound can stop it.
      for (let i = 0; i < 1000; i++)
        pushHop(c, { at: 'node-1', kind: 'node', iface: 'eth0', action: 'route', packet: pkt(100000 - i), msg: msg('reason.no-route') });
    } catch (e) {
      expect(e).toBeInstanceOf(PathEnded);
      ended = true;
    }
    expect(ended).toBe(true);
    expect(c.hops).toHaveLength(256);
    expect(c.hops[255]!.action).toBe('drop');
    expect(c.dropped).toEqual({ code: 'loop-detected', at: 'node-1', msg: msg('drop.hop-limit', { max: 256 }) });
    expect(formatMessage('en', c.dropped!.msg)).toBe(
      'The trace stopped at its limit of 256 hops in one direction without reaching a verdict: the packet is taken to be in a forwarding loop.',
    );
  });

  it('names the place a packet came back to unchanged, without stray spaces', () => {
    const c = ctx();
    expect(() => {
      pushHop(c, { at: 'router-1', kind: 'router', action: 'route', packet: pkt(5), msg: msg('reason.no-route') });
      pushHop(c, { at: 'router-1', kind: 'router', action: 'route', packet: pkt(5), msg: msg('reason.no-route') });
    }).toThrow(PathEnded);
    expect(formatMessage('en', c.dropped!.msg)).toBe('The packet reached router-1 again with the same headers after 2 hops: a forwarding loop.');
    expect(c.hops).toHaveLength(3);
  });
});
