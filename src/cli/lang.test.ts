/**
 * The CLI in Chinese (issue 14): with --lang zh-CN its own lines (errors, notes, usage, the matrix
 * legend) are Chinese as well as the simulator's sentences; what tools print and the JSON keys stay
 * as they are. Without --lang everything stays English, word for word as before.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { runTraceCli } from './run';
import { CLI_WORDS, type CliWord } from './words';
import { EXAMPLES_DIR } from '../sim/testing/examples';

const ex = (name: string, ext = 'json') => join(EXAMPLES_DIR, `${name}.${ext}`);
const HAN = /[\u4e00-\u9fff]/;
/** Three English words in a row: a sentence, not a name (the rule of src/i18n/sim/testing.ts). */
const ENGLISH_RUN = /\b[A-Za-z][a-z]+(?:[ ,]+[A-Za-z][a-z]+){2,}\b/;

describe('the CLI with --lang zh-CN', () => {
  it('has every line in both languages, and the Chinese ones are Chinese', () => {
    expect(Object.keys(CLI_WORDS['zh-CN']).sort()).toEqual(Object.keys(CLI_WORDS.en).sort());
    for (const [key, text] of Object.entries(CLI_WORDS['zh-CN']) as [CliWord, string][]) {
      if (key !== 'problemElement') expect(text, key).toMatch(HAN);
      if (key !== 'usage' && key !== 'matrixUsage') expect(text.replace(/\{\w+\}/g, ''), key).not.toMatch(ENGLISH_RUN);
    }
  });

  it("prints the trace explanations in Chinese (the issue's Done-when command)", () => {
    const out = runTraceCli([ex('clusterip'), '--from', 'client', '--to', 'web:80', '--lang', 'zh-CN']);
    expect(out.code).toBe(0);
    const r = JSON.parse(out.stdout);
    for (const h of r.hops) expect(h.explain, h.msg.code).toMatch(HAN);
    // Scripts keep the codes beside the sentences.
    expect(r.hops[0].msg.code).toMatch(/^hop\./);
  });

  it('says what is wrong with the command line in Chinese, with the usage in Chinese', () => {
    const proto = runTraceCli([ex('clusterip'), '--from', 'client', '--to', 'web:80', '--proto', 'sctp', '--lang', 'zh-CN']);
    expect(proto.code).toBe(64);
    const [first, usage] = proto.stderr.split('\n');
    expect(first).toBe('错误：--proto 只能是 tcp、udp 或 icmp，而不是“sctp”');
    expect(usage).toMatch(/^用法：npm run --silent trace -- 场景\.json/);
    const missing = runTraceCli([ex('clusterip'), '--from', 'client', '--lang', 'zh-CN']);
    expect(missing.stderr.split('\n')[0]).toBe('错误：缺少 --to');
    // The same mistake in English stays as it was.
    expect(runTraceCli([ex('clusterip'), '--from', 'client', '--to', 'web:80', '--proto', 'sctp']).stderr.split('\n')[0]).toBe(
      'error: --proto must be tcp, udp, or icmp, not "sctp"',
    );
  });

  it('names an unknown sender, an unreadable file and a bad scenario in Chinese', () => {
    const ghost = runTraceCli([ex('clusterip'), '--from', 'ghost', '--to', 'web:80', '--lang', 'zh-CN']);
    expect(ghost.stderr).toMatch(/^错误：未知元素“ghost”（--from）；可以发送的元素有：.*client/);
    const missing = runTraceCli(['/nonexistent.json', '--from', 'a', '--to', 'b', '--lang', 'zh-CN']);
    expect(missing.stderr).toBe('错误：无法读取 /nonexistent.json：ENOENT\n');
    const dir = mkdtempSync(join(tmpdir(), 'knp-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ version: 1, nodes: [{ id: 'n', name: 'n', subnet: 's', ip: '1.2.3' }] }));
    const invalid = runTraceCli([bad, '--from', 'a', '--to', 'b', '--lang', 'zh-CN']);
    expect(invalid.stderr).toContain(`错误：场景 ${bad} 无效：`);
    expect(invalid.stderr).toContain('nodes.0.ip：不是 IPv4 地址');
  });

  it('lists validation problems in Chinese before refusing to trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knp-'));
    const file = join(dir, 'dup.json');
    const doc = JSON.parse(readFileSync(ex('clusterip'), 'utf8'));
    const web = doc.services.find((x: { name: string }) => x.name === 'web');
    web.ports[0].nodePort = 29999;
    web.type = 'NodePort';
    writeFileSync(file, JSON.stringify(doc));
    const out = runTraceCli([file, '--from', 'client', '--to', 'web:80', '--lang', 'zh-CN']);
    expect(out.code).toBe(2);
    const lines = out.stderr.trim().split('\n');
    expect(lines.at(-1)).toBe(`错误：${file} 有 1 个问题；请先修正，或加上 --allow-invalid 仍然追踪`);
    expect(lines[0]).toMatch(/^错误：服务“web” ports\.0\.nodePort：/);
    for (const l of lines) expect(l.replace(/“[^”]*”/g, '')).not.toMatch(ENGLISH_RUN);
  });

  it("writes the manifests' notes and errors in Chinese, naming the document and line", () => {
    const dir = mkdtempSync(join(tmpdir(), 'knp-'));
    const app = join(dir, 'app.yaml');
    writeFileSync(
      app,
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: cfg }\n---\napiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: { type: LoadBalancer, selector: { app: web }, ports: [{ port: 80 }] }\n',
    );
    const ok = runTraceCli([app, '--from', 'node-1', '--to', 'web:80', '--lang', 'zh-CN']);
    const notes = ok.stderr.trim().split('\n');
    expect(notes).toEqual([
      `注意：${app}：第 1 个文档，第 1 行：已忽略：ConfigMap 类型与网络无关`,
      `注意：${app}：第 2 个文档（Service/web），第 5 行：LoadBalancer 类型：导入时不会创建云负载均衡器（它的 NodePort 可以正常使用；可以从组件栏添加一个负载均衡器）`,
      `注意：${app}：第 2 个文档（Service/web），第 5 行：服务 default/web 的选择器（app=web）没有选中任何 Pod：它没有端点`,
    ]);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  ports:\n    - port: 0\n');
    const out = runTraceCli([bad, '--from', 'x', '--to', 'web:80', '--lang', 'zh-CN']);
    expect(out.stderr).toBe(`错误：${bad}：第 1 个文档（Service/web），第 6 行：spec.ports[0].port：必须是 1 到 65535 之间的整数（而不是 0）\n`);
  });

  it('prints the matrix legend in Chinese; the grid itself is the same', () => {
    const zh = runTraceCli([ex('calico-policy'), '--matrix', '--namespace', 'shop', '--lang', 'zh-CN']);
    const en = runTraceCli([ex('calico-policy'), '--matrix', '--namespace', 'shop']);
    expect(zh.stdout.split('\n')[0]).toMatch(/^连通性（TCP），行：源，列：目的。/);
    expect(zh.stdout).toContain('隔离策略造成的拒绝：');
    const grid = (s: string) => s.split('\n').filter((l) => l.startsWith('shop/'));
    expect(grid(zh.stdout)).toEqual(grid(en.stdout));
  });
});
