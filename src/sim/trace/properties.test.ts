/** Properties every trace must have, on random valid scenarios. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { trace } from './trace';
import { MAX_HOPS } from './context';
import { DROP_CODES } from './reasons';
import { arbTraceCase } from '../testing/arbitrary';
import { topology } from '../model/topology';

const LINK = /^(veth:|eth0:|if:[^:]+:)/;

describe('trace properties', () => {
  it('always terminates with a verdict, bounded hops, known places and reason codes', () => {
    fc.assert(
      fc.property(arbTraceCase, ({ scenario, from, to, proto, port, seed }) => {
        const r = trace(scenario, { from, to, proto, ...(proto === 'icmp' ? {} : { port }) }, { seed });
        const t = topology(scenario);
        for (const path of [r, r.reply].filter((p) => p !== undefined)) {
          expect(['delivered', 'dropped']).toContain(path.verdict);
          expect(path.hops.length).toBeGreaterThan(0);
          expect(path.hops.length).toBeLessThanOrEqual(MAX_HOPS);
          if (path.verdict === 'dropped') expect(DROP_CODES).toContain(path.reason!.code);
          for (const h of path.hops) {
            expect(t.kindOf.has(h.at)).toBe(true);
            if (h.link) expect(h.link).toMatch(LINK);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('traces a reply that reverses the request addresses end to end', () => {
    fc.assert(
      fc.property(arbTraceCase, ({ scenario, from, to, proto, port, seed }) => {
        const r = trace(scenario, { from, to, proto, ...(proto === 'icmp' ? {} : { port }) }, { seed });
        if (r.verdict !== 'delivered') {
          expect(r.reply).toBeUndefined();
          return;
        }
        const sent = r.hops[0]!.packet;
        expect(r.reply).toBeDefined();
        expect(r.reply!.verdict).toBe('delivered');
        const back = r.reply!.hops[r.reply!.hops.length - 1]!.packet;
        // The reply comes from the address the sender asked for, to the sender's own socket.
        expect(back.src).toBe(sent.dst);
        expect(back.dst).toBe(sent.src);
        expect(back.sport).toBe(sent.dport);
        expect(back.dport).toBe(sent.sport);
        expect(back.outer).toBeUndefined();
        expect(r.reply!.hops[r.reply!.hops.length - 1]!.at).toBe(r.hops[0]!.at);
      }),
      { numRuns: 300 },
    );
  });

  it('is a pure function of scenario, packet and seed', () => {
    fc.assert(
      fc.property(arbTraceCase, ({ scenario, from, to, proto, port, seed }) => {
        const spec = { from, to, proto, ...(proto === 'icmp' ? {} : { port }) };
        expect(trace(scenario, spec, { seed })).toEqual(trace(structuredClone(scenario), spec, { seed }));
      }),
      { numRuns: 100 },
    );
  });
});
