import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTraceCli } from './run';
import { parseTraceArgs, splitDestination } from './args';
import { EXAMPLES_DIR, loadExample } from '../sim/testing/examples';
import { readScenarioFile } from './read-file';
import { render } from './words';
import { MAX_SCENARIO_FILE_BYTES } from '../io/scenario-file';

const ex = (name: string) => join(EXAMPLES_DIR, `${name}.json`);

describe('trace CLI', () => {
  it('prints the trace as JSON and exits 0 for delivered and for dropped', () => {
    const ok = runTraceCli([ex('vxlan-across-subnets'), '--from', 'client', '--to', 'web:80']);
    expect(ok.code).toBe(0);
    const r = JSON.parse(ok.stdout);
    expect(r.verdict).toBe('delivered');
    expect(r.hops.some((h: { packet: { outer?: { dport: number } } }) => h.packet.outer?.dport === 8472)).toBe(true);
    const dropped = runTraceCli([ex('host-gw-across-subnets'), '--from', 'client', '--to', 'web:80']);
    expect(dropped.code).toBe(0);
    expect(JSON.parse(dropped.stdout).reason.code).toBe('not-l2-adjacent');
  });

  it('reproduces a trace from its seed', () => {
    const a = runTraceCli([ex('pod-to-internet'), '--from', 'client', '--to', '203.0.113.80:443', '--seed', '9']);
    const b = runTraceCli([ex('pod-to-internet'), '--from', 'client', '--to', '203.0.113.80:443', '--seed', '9']);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).seed).toBe(9);
  });

  it('fails with one clear line for a missing file, a bad scenario and an unknown element', () => {
    const missing = runTraceCli(['/nonexistent.json', '--from', 'a', '--to', 'b']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/cannot read \/nonexistent\.json: ENOENT/);
    const dir = mkdtempSync(join(tmpdir(), 'knp-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ version: 1, nodes: [{ id: 'n', name: 'n', subnet: 's', ip: '1.2.3' }] }));
    const invalid = runTraceCli([bad, '--from', 'a', '--to', 'b']);
    expect(invalid.code).not.toBe(0);
    expect(invalid.stderr).toContain('nodes.0.ip');
    const unknown = runTraceCli([ex('host-gw'), '--from', 'ghost', '--to', 'web:80']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('unknown element "ghost"');
    expect(unknown.stdout).toBe('');
  });

  it('rejects bad options with usage', () => {
    const r = runTraceCli([ex('host-gw'), '--from', 'client', '--to', 'web:80', '--proto', 'sctp']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('usage:');
    expect(() => parseTraceArgs(['f.json', '--from', 'a'])).toThrow(/--to/);
    expect(splitDestination('web.shop.svc.cluster.local:8080')).toEqual({ to: 'web.shop.svc.cluster.local', port: 8080 });
    expect(splitDestination('http://shop.example.com/api')).toEqual({ to: 'http://shop.example.com/api' });
    expect(() => splitDestination('web:70000')).toThrow(/outside/);
  });

  it('picks ICMP without a port and refuses ICMP with one', () => {
    const icmp = JSON.parse(runTraceCli([ex('host-gw'), '--from', 'client', '--to', 'web']).stdout);
    expect(icmp.hops[0].packet.proto).toBe('icmp');
    const bad = runTraceCli([ex('host-gw'), '--from', 'client', '--to', 'web:80', '--proto', 'icmp']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('ICMP has no ports');
  });
});

describe('trace CLI with hostile input (issue 15)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'knp-hostile-'));

  it('reads a scenario saved with a UTF-8 byte order mark, as Import does', () => {
    const file = join(dir, 'bom.json');
    writeFileSync(file, `\uFEFF${readFileSync(ex('host-gw'), 'utf8')}`);
    const r = runTraceCli([file, '--from', 'client', '--to', 'web:80']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('reads only regular files: a FIFO, /dev/zero and a directory are refused at once', () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    for (const [path, kind] of [
      [fifo, 'a FIFO (named pipe), not a regular file'],
      ['/dev/zero', 'a device, not a regular file'],
      [dir, 'a directory, not a regular file'],
    ] as const) {
      const r = runTraceCli([path, '--from', 'client', '--to', 'web:80']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`error: cannot read ${path}: ${kind}\n`);
    }
  });

  it('refuses a file over the size cap before parsing it', () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, ' '.repeat(MAX_SCENARIO_FILE_BYTES + 1));
    const r = runTraceCli([big, '--from', 'client', '--to', 'web:80']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: cannot read ${big}: it is ${MAX_SCENARIO_FILE_BYTES + 1} bytes; scenario files are limited to ${MAX_SCENARIO_FILE_BYTES} bytes\n`,
    );
    const small = join(dir, 'small.json');
    writeFileSync(small, '{"version":1}');
    const refused = readScenarioFile(small, 5);
    if (refused.ok) throw new Error('a file over the cap was read');
    expect(render('en', refused.error)).toBe(`cannot read ${small}: it is 13 bytes; scenario files are limited to 5 bytes`);
    expect(render('zh-CN', refused.error)).toBe(`无法读取 ${small}：文件有 13 字节，场景文件最多 5 字节`);
  });

  it('refuses "web:" and port 0 in URLs, as it refuses web:0', () => {
    for (const to of ['web:0', 'web:', 'http://shop.example.com:0/api']) {
      const r = runTraceCli([ex('ingress'), '--from', 'laptop', '--to', to]);
      expect(r.code, to).toBe(64);
      expect(r.stdout).toBe('');
    }
  });

  it('lists only elements that can send when --from is unknown', () => {
    const r = runTraceCli([ex('clusterip'), '--from', 'ghost', '--to', 'web:80']);
    expect(r.code).toBe(2);
    const listed = r.stderr
      .replace(/^.*elements that can send: /, '')
      .trim()
      .split(', ');
    const s = loadExample('clusterip');
    const senders = new Set([...s.pods, ...s.nodes, ...s.clients].map((x) => x.name));
    expect(listed.length).toBeGreaterThan(0);
    for (const name of listed) expect(senders.has(name), name).toBe(true);
    // Services, subnets and routers are named nowhere in the list.
    for (const x of [...s.services, ...s.subnets, ...s.routers]) if (!senders.has(x.name)) expect(listed).not.toContain(x.name);
  });
});
