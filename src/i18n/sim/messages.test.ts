/**
 * The guard on simulator messages: every code of src/sim/messages (enumerated from the code list,
 * not by hand) renders in English and in Chinese with every parameter it declares, and the Chinese
 * never falls back to an English sentence. Traces of every example and lesson packet then render
 * hop by hop in Chinese with no English prose left (names, addresses and tool output are code).
 */
import { describe, expect, it } from 'vitest';
import { msg, type Message, type MessageCode, type ParamKind } from '../../sim/messages/index';
import { MESSAGE_CODES, MESSAGE_SPECS } from '../../sim/messages/all';
import { formatMessage, messageParts } from './index';
import { enSim } from './en';
import { zhSim } from './zh-CN-all';
import { LOCALES } from '../locale';
import { ENGLISH_RUN, prose } from './testing';

const HAN = /[\u4e00-\u9fff]/;

const NESTED = msg('answer.pod', { ip: '10.9.9.9' });

/** Sample parameters for a code: `full` fills every optional one and sets flags; enums take value `pick`. */
function sample(code: MessageCode, full: boolean, pick: number): { params: Record<string, unknown>; values: string[] } {
  const spec = MESSAGE_SPECS[code] as Record<string, ParamKind>;
  const params: Record<string, unknown> = {};
  const values: string[] = [];
  let n = 0;
  for (const [name, kind] of Object.entries(spec)) {
    n++;
    if (typeof kind !== 'string') {
      params[name] = kind[pick % kind.length];
      continue;
    }
    if (kind.endsWith('?') && !full) continue;
    const base = kind.replace('?', '');
    if (base === 'id') values.push((params[name] = `v${n}-x`) as string);
    else if (base === 'num') values.push(String((params[name] = 100 + n)));
    else if (base === 'ids') values.push(...((params[name] = [`a${n}-x`, `b${n}-x`]) as string[]));
    else if (base === 'flag') params[name] = full;
    else if (base === 'msg') params[name] = NESTED;
  }
  return { params, values };
}

function variants(code: MessageCode) {
  const spec = MESSAGE_SPECS[code] as Record<string, ParamKind>;
  const enumSize = Math.max(1, ...Object.values(spec).map((k) => (typeof k === 'string' ? 1 : k.length)));
  const out = [];
  for (let pick = 0; pick < enumSize; pick++) for (const full of [true, false]) out.push(sample(code, full, pick));
  return out;
}

describe('simulator message dictionaries', () => {
  it('cover exactly the codes of the code list, in every language', () => {
    expect(MESSAGE_CODES.length).toBeGreaterThan(100);
    expect(Object.keys(enSim).sort()).toEqual([...MESSAGE_CODES].sort());
    expect(Object.keys(zhSim).sort()).toEqual([...MESSAGE_CODES].sort());
  });

  it('render every code with every parameter it declares, in English and Chinese', () => {
    for (const code of MESSAGE_CODES) {
      const seen = { en: '', 'zh-CN': '' };
      for (const { params } of variants(code)) {
        const m = { code, params } as Message;
        for (const locale of LOCALES) {
          const text = formatMessage(locale, m);
          expect(text.trim(), `${locale} ${code}`).not.toBe('');
          expect(text, `${locale} ${code}`).not.toMatch(/undefined|\[object|NaN|\uE000|\uE001/);
          seen[locale] += `${text}\n`;
        }
        // Chinese is Chinese: Han characters, and no English sentence outside names and tool output.
        expect.soft(formatMessage('zh-CN', m), code).toMatch(HAN);
        expect.soft(prose('zh-CN', m), code).not.toMatch(ENGLISH_RUN);
      }
      // Every value the simulator passes shows up in some variant (a dictionary never silently drops a parameter).
      const all = variants(code).flatMap((x) => x.values);
      for (const v of new Set(all)) {
        expect.soft(seen.en, `en ${code} drops ${v}`).toContain(v);
        expect.soft(seen['zh-CN'], `zh-CN ${code} drops ${v}`).toContain(v);
      }
    }
  });

  it('set names, addresses and tool output apart from prose, and nest messages in the same language', () => {
    const m = msg('hop.node-forward', { node: 'node-1', ttlIn: 64, ttlOut: 63, route: '10.244.1.0/24 via 192.168.1.11 dev eth0' });
    expect(
      messageParts('en', m)
        .filter((p) => p.code)
        .map((p) => p.text),
    ).toEqual(['node-1', 'ip_forward=1', '10.244.1.0/24 via 192.168.1.11 dev eth0']);
    expect(formatMessage('zh-CN', m)).toBe(
      'node-1 转发这个数据包（ip_forward=1，TTL 64 → 63）；最长前缀匹配的路由是“10.244.1.0/24 via 192.168.1.11 dev eth0”。',
    );
    const nested = msg('drop.dns-no-answer', { name: 'web', server: '10.96.0.10:53', why: msg('drop.router-ttl', { router: 'r1' }) });
    expect(formatMessage('zh-CN', nested)).toBe('发往 10.96.0.10:53 的 web DNS 查询没有得到应答：TTL 在 r1 上耗尽（ICMP 超时）。');
  });

  it('use Intl for lists and plurals', () => {
    const m = msg('drop.dns-nxdomain', { name: 'nope', names: ['nope.default.svc.cluster.local', 'nope.svc.cluster.local', 'nope'] });
    expect(formatMessage('en', m)).toBe('nope does not exist: CoreDNS answered NXDOMAIN for nope.default.svc.cluster.local, nope.svc.cluster.local, and nope.');
    expect(formatMessage('zh-CN', m)).toBe('nope 不存在：CoreDNS 对 nope.default.svc.cluster.local、nope.svc.cluster.local 和 nope 都回答了 NXDOMAIN。');
    expect(formatMessage('en', msg('drop.loop', { at: 'r1', hops: 1 }))).toContain('after 1 hop:');
    expect(formatMessage('en', msg('drop.loop', { at: 'r1', hops: 1200 }))).toContain('after 1,200 hops:');
  });
});
