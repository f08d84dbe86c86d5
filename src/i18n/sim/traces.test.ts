/**
 * What the tracer and the validator actually emit, worded in Chinese: every example scenario traced
 * from every sender to every element (and every lesson packet, with its change), and every problem
 * of a deliberately broken scenario. Each message of each hop, drop reason, DNS lookup, reply and
 * upstream leg is rendered in zh-CN and must read as Chinese, with only names and tool output in Latin letters.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { EXAMPLES_DIR, loadExample } from '../../sim/testing/examples';
import { applyLessonChange, LESSONS, lessonScenario } from '../../lessons/index';
import { defaultTargetFor, SENDER_KINDS, topology, type Message, type PathResult, type TraceResult } from '../../sim/index';
import { validateScenario } from '../../sim/editing';
import { trace } from '../../sim/tracer';
import { formatMessage } from './index';
import { ENGLISH_RUN, prose } from './testing';

function messagesOf(r: TraceResult): Message[] {
  const path = (p?: PathResult): Message[] => (p ? [...p.hops.map((h) => h.msg), ...(p.reason ? [p.reason.msg] : [])] : []);
  return [...path(r), ...path(r.reply), ...path(r.dns), ...path(r.dns?.reply), ...path(r.upstream?.request), ...path(r.upstream?.reply)];
}

function expectChinese(m: Message, where: string) {
  const zh = formatMessage('zh-CN', m);
  expect(zh, `${where} ${m.code}`).toMatch(/[\u4e00-\u9fff]/);
  expect(prose('zh-CN', m), `${where} ${m.code}: ${zh}`).not.toMatch(ENGLISH_RUN);
}

describe('what the simulator emits, in Chinese', () => {
  it('every hop and drop of every example, from every sender to every element', () => {
    const seen = new Set<string>();
    for (const file of readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json'))) {
      const s = loadExample(file.replace(/\.json$/, ''));
      const t = topology(s);
      const senders = [...t.kindOf].filter(([, k]) => SENDER_KINDS.includes(k)).map(([id]) => id);
      const targets = [...t.kindOf.keys()];
      for (const from of senders) {
        for (const to of targets) {
          const target = defaultTargetFor(s, to);
          if (!target) continue;
          const r = trace(s, { from, ...target }, { seed: 3 });
          for (const m of messagesOf(r)) {
            seen.add(m.code);
            expectChinese(m, `${file} ${from} -> ${to}`);
          }
        }
      }
    }
    // The examples exercise a broad part of the code list (the rest is covered code by code in messages.test.ts).
    expect(seen.size).toBeGreaterThan(35);
  }, 120_000);

  it('every lesson packet, after its change', () => {
    for (const lesson of LESSONS) {
      let s = lessonScenario(lesson);
      for (const p of lesson.packets) {
        if (p.change) {
          const changed = applyLessonChange(s, p.change);
          if (changed.ok) s = changed.scenario;
        }
        const r = trace(s, { from: p.from, to: p.to, ...(p.port !== undefined ? { port: p.port } : {}), ...(p.proto ? { proto: p.proto } : {}) }, { seed: 1 });
        for (const m of messagesOf(r)) expectChinese(m, `${lesson.id}/${p.id}`);
      }
    }
  });

  it('every problem the validator finds in a broken scenario', () => {
    const s = structuredClone(loadExample('ingress'));
    s.nodes[1]!.ip = s.nodes[0]!.ip;
    s.nodes[1]!.podCidr = s.nodes[0]!.podCidr;
    s.pods[0]!.ip = '10.99.0.7';
    s.services[0]!.clusterIP = '192.168.77.1';
    s.cluster.serviceCidr = s.cluster.podCidr;
    const problems = validateScenario(s);
    expect(problems.length).toBeGreaterThan(4);
    for (const p of problems) expectChinese(p.msg, p.element);
  });
});
