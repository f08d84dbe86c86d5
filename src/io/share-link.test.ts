import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { zlibSync } from 'fflate';
import { type Scenario } from '../sim/index';
import { parseScenarioJson } from '../sim/editing';
import { EXAMPLES_DIR, loadExample } from '../sim/testing/examples';
import { defaultScenario } from '../store/defaultScenario';
import { autoLayout } from '../layout/layout';
import { scenarioArbitrary } from './arbitrary-scenario';
import { encodeBase64Url, decodeBase64Url } from './base64url';
import { roundLayout } from './compact';
import {
  decodeShareLink,
  encodeShareLink,
  hasShareLink,
  MAX_LINK_DATA_CHARS,
  MAX_LINK_JSON_BYTES,
  type DecodedShareLink,
  type ShareLinkErrorCode,
} from './share-link';

const examples: [string, Scenario][] = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, loadExample(f.replace(/\.json$/, ''))]);

function hashOf(s: Scenario, lesson?: string): string {
  const link = encodeShareLink(s, lesson === undefined ? {} : { lesson });
  if (!link.ok) throw new Error(link.error.message);
  return link.hash;
}

/** A link whose payload is exactly this JSON text (bypassing the encoder's checks). */
function rawLink(json: string): string {
  return `#s=1.${encodeBase64Url(zlibSync(new TextEncoder().encode(json)))}`;
}

function errorCode(r: DecodedShareLink): ShareLinkErrorCode | 'ok' {
  return r.ok ? 'ok' : r.error.code;
}

describe('base64url', () => {
  it('round-trips any bytes and rejects characters outside the URL-safe alphabet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = encodeBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        const back = decodeBase64Url(text);
        expect(back.ok && [...back.bytes]).toEqual([...bytes]);
      }),
    );
    expect(decodeBase64Url('ab+/')).toEqual({ ok: false, reason: 'bad-character' });
    expect(decodeBase64Url('abcde')).toEqual({ ok: false, reason: 'bad-length' });
    // Same bytes as Node's own base64url.
    expect(encodeBase64Url(new Uint8Array([251, 255, 191, 0, 1]))).toBe(Buffer.from([251, 255, 191, 0, 1]).toString('base64url'));
  });
});

describe('encodeShareLink / decodeShareLink', () => {
  it.each(examples)('restores %s exactly', (_name, scenario) => {
    const hash = hashOf(scenario);
    expect(hash).toMatch(/^#s=1\.[A-Za-z0-9_-]+$/);
    const back = decodeShareLink(hash);
    expect(back).toEqual({ ok: true, scenario });
  });

  it("keeps the default scenario's link under 1,500 characters, with the positions the canvas gives it", () => {
    const s = defaultScenario();
    const laidOut = { ...s, layout: autoLayout(s) };
    expect(Object.keys(laidOut.layout).length).toBeGreaterThan(5);
    const hash = hashOf(laidOut);
    expect(hash.length).toBeLessThan(1500);
    expect(decodeShareLink(hash)).toEqual({ ok: true, scenario: laidOut });
  });

  it('carries the open lesson and accepts a whole URL or a hash with other parameters', () => {
    const [, s] = examples[0]!;
    const hash = hashOf(s, 'lesson-3-vxlan');
    const viaUrl = decodeShareLink(`https://playground.example/app/${hash}`);
    expect(viaUrl.ok && viaUrl.lesson).toBe('lesson-3-vxlan');
    const withOther = decodeShareLink(`#view=1&${hash.slice(1)}&x=2`);
    expect(withOther.ok && withOther.scenario).toEqual(s);
    expect(hasShareLink('#view=1')).toBe(false);
    expect(decodeShareLink('')).toMatchObject({ ok: false, error: { code: 'missing' } });
  });

  it('tolerates a percent-encoded hash (some chat apps escape it)', () => {
    const [, s] = examples[1]!;
    const hash = hashOf(s);
    const escaped = hash.replace('1.', '1%2E').replace(/-/g, '%2D');
    expect(decodeShareLink(escaped)).toEqual({ ok: true, scenario: s });
  });

  it('property: any valid scenario round-trips (positions on whole pixels)', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.option(fc.constantFrom('lesson-1-bridge', 'lesson-7-ingress'), { nil: undefined }), (s, lesson) => {
        const back = decodeShareLink(hashOf(s, lesson));
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        expect(back.scenario).toEqual(roundLayout(s));
        expect(back.lesson).toBe(lesson);
      }),
      { numRuns: 150 },
    );
  });

  it('property: a scenario with custom addresses keeps them (the compaction never changes an address)', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.nat(), (s, k) => {
        if (s.pods.length === 0) return;
        // Give one pod an address the allocator would have given to a different pod.
        const pods = s.pods.map((p, i) => (i === k % s.pods.length ? { ...p, ip: s.pods[(k + 1) % s.pods.length]!.ip } : p));
        const custom = { ...s, pods };
        const back = decodeShareLink(hashOf(custom));
        expect(back.ok && back.scenario.pods.map((p) => p.ip)).toEqual(pods.map((p) => p.ip));
      }),
      { numRuns: 100 },
    );
  });
});

describe('bad links come back as typed errors, never as exceptions', () => {
  const good = hashOf(examples[0]![1]);
  const data = good.slice('#s=1.'.length);

  it('names a cut-off link as truncated', () => {
    for (const keep of [data.length - 1, data.length - 7, Math.floor(data.length / 2), 10, 1, 0]) {
      const r = decodeShareLink(`#s=1.${data.slice(0, keep)}`);
      expect(['truncated', 'corrupt']).toContain(errorCode(r));
    }
    // Cut where base64 cannot end, and cut in the middle of the deflate stream: both say "incomplete".
    expect(errorCode(decodeShareLink(`#s=1.${data.slice(0, 4 * 20 + 1)}`))).toBe('truncated');
    expect(errorCode(decodeShareLink(`#s=1.${data.slice(0, 4 * 20)}`))).toBe('truncated');
    expect(errorCode(decodeShareLink('#s=1.'))).toBe('truncated');
    expect(errorCode(decodeShareLink('#s='))).toBe('truncated');
  });

  it('catches a changed character with the checksum', () => {
    let caught = 0;
    for (let i = 8; i < data.length - 2; i += 5) {
      const c = data[i] === 'A' ? 'B' : 'A';
      const r = decodeShareLink(`#s=1.${data.slice(0, i)}${c}${data.slice(i + 1)}`);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(['corrupt', 'truncated', 'malformed']).toContain(r.error.code);
      caught++;
    }
    expect(caught).toBeGreaterThan(50);
  });

  it('rejects characters outside base64url and a missing version as malformed', () => {
    expect(errorCode(decodeShareLink(`#s=1.${data.slice(0, 10)}*${data.slice(11)}`))).toBe('malformed');
    expect(errorCode(decodeShareLink(`#s=${data}`))).toBe('malformed');
    expect(errorCode(decodeShareLink('#s=v1.abc'))).toBe('malformed');
    expect(errorCode(decodeShareLink('#s=0.abcd'))).toBe('malformed');
    expect(errorCode(decodeShareLink('#s=1.%E0%A4%A'))).toBe('malformed');
  });

  it('says a link from a newer app is newer, for the link format and for the scenario version', () => {
    expect(decodeShareLink(`#s=2.${data}`)).toMatchObject({ ok: false, error: { code: 'newer-version' } });
    const newerScenario = decodeShareLink(rawLink(JSON.stringify({ s: { version: 2, nodes: [] } })));
    expect(newerScenario).toMatchObject({ ok: false, error: { code: 'newer-version', errors: [{ path: 'version' }] } });
    if (!newerScenario.ok) expect(newerScenario.error.message).toMatch(/newer version of the playground/);
  });

  it('names the bad field when an intact link holds an invalid scenario', () => {
    const r = decodeShareLink(rawLink(JSON.stringify({ s: { version: 1, nodes: [{ id: 'n1', name: 'Bad_Name', subnet: 'a', ip: '10.0.0.300' }] } })));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid-scenario');
    expect(r.error.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['nodes.0.name', 'nodes.0.ip']));
    expect(errorCode(decodeShareLink(rawLink(JSON.stringify({ s: { version: 1 }, l: '../../etc' }))))).toBe('invalid-scenario');
    expect(errorCode(decodeShareLink(rawLink('[1,2,3]')))).toBe('corrupt');
    expect(errorCode(decodeShareLink(rawLink('{"s":')))).toBe('corrupt');
  });

  it('refuses oversized links and inflation bombs without expanding them', () => {
    expect(errorCode(decodeShareLink(`#s=1.${'A'.repeat(MAX_LINK_DATA_CHARS + 4)}`))).toBe('too-large');
    // 50 MB of one character compresses to ~50 kB of link, inside the character limit.
    const bomb = `#s=1.${encodeBase64Url(zlibSync(new Uint8Array(20_000_000).fill(32), { level: 9 }))}`;
    expect(bomb.length).toBeLessThan(MAX_LINK_DATA_CHARS);
    const started = performance.now();
    expect(errorCode(decodeShareLink(bomb))).toBe('too-large');
    expect(performance.now() - started).toBeLessThan(2000);
    // Valid JSON just over the limit.
    const big = JSON.stringify({ s: { version: 1, description: 'x'.repeat(MAX_LINK_JSON_BYTES) } });
    expect(errorCode(decodeShareLink(rawLink(big)))).toBe('too-large');
  });

  it('refuses to encode a scenario over the limit, as a result rather than an exception', () => {
    const [, s] = examples[0]!;
    const pods = Array.from({ length: 1200 }, (_, i) => ({ ...s.pods[0]!, id: `pod-${i}`, name: `pod-${i}`, ip: `10.244.${i >> 8}.${i & 255}` }));
    const r = encodeShareLink({ ...s, pods });
    expect(r).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('property: random strings never throw and never open', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...'ABCDEFabcdef0123456789-_.=s#%&') })), (text) => {
        for (const input of [text, `#s=${text}`, `#s=1.${text}`]) {
          const r = decodeShareLink(input);
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) expect(r.error.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: mutated links never throw; whatever opens is a valid scenario', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), ch: fc.constantFrom(...'AZaz09-_.%*é ') }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 8 }) }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
    );
    fc.assert(
      fc.property(scenarioArbitrary, fc.array(mutation, { minLength: 1, maxLength: 4 }), (s, mutations) => {
        let link = hashOf(s);
        for (const m of mutations) {
          const at = m.at % (link.length + 1);
          if (m.kind === 'replace') link = link.slice(0, at) + m.ch + link.slice(at + 1);
          else if (m.kind === 'delete') link = link.slice(0, at) + link.slice(at + m.len);
          else if (m.kind === 'insert') link = link.slice(0, at) + m.text + link.slice(at);
          else if (m.kind === 'truncate') link = link.slice(0, at);
          else {
            const to = m.to % link.length;
            const chars = [...link];
            [chars[at % chars.length], chars[to]] = [chars[to]!, chars[at % chars.length]!];
            link = chars.join('');
          }
        }
        const r = decodeShareLink(link);
        if (r.ok) expect(parseScenarioJson(JSON.stringify(r.scenario))).toEqual({ ok: true, scenario: r.scenario });
        else expect(r.error.code).not.toBe('ok');
      }),
      { numRuns: 300 },
    );
  });
});
