/** The CLI validates before tracing, and prints what the real tools print on a node or in a pod. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTraceCli } from './run';
import { EXAMPLES_DIR } from '../sim/testing/examples';

const ex = (name: string) => join(EXAMPLES_DIR, `${name}.json`);

function invalidNodePort(): string {
  const s = JSON.parse(readFileSync(ex('nodeport'), 'utf8'));
  s.services[0].ports[0].nodePort = 29999;
  s.cluster.podCidr = '10.96.0.0/16';
  const file = join(mkdtempSync(join(tmpdir(), 'knp-')), 'bad.json');
  writeFileSync(file, JSON.stringify(s));
  return file;
}

describe('trace validates before tracing', () => {
  it('exits non-zero with one line per problem naming the element and field', () => {
    const out = runTraceCli([invalidNodePort(), '--from', 'laptop', '--to', '192.168.1.11:30080']);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    const lines = out.stderr.trim().split('\n');
    expect(lines).toContain('error: service "web-cluster" ports.0.nodePort: nodePort 29999 is outside the range 30000-32767');
    expect(lines.some((l) => l.startsWith('error: cluster serviceCidr:') && l.includes('overlaps the pod CIDR 10.96.0.0/16'))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/has \d+ problems; fix them or pass --allow-invalid/);
  });

  it('traces anyway with --allow-invalid, the problems on stderr', () => {
    const out = runTraceCli([invalidNodePort(), '--from', 'laptop', '--to', '192.168.1.11:30080', '--allow-invalid']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).verdict).toBeDefined();
    expect(out.stderr).toContain('error: service "web-cluster" ports.0.nodePort: nodePort 29999 is outside the range 30000-32767');
  });
});

describe('--node / --pod --show', () => {
  it('prints a tool and nothing else', () => {
    const out = runTraceCli([ex('clusterip'), '--node', 'node-1', '--show', 'ip-route']);
    expect(out.code).toBe(0);
    expect(out.stdout.split('\n')[0]).toBe('default via 192.168.1.1 dev eth0 ');
    expect(out.stderr).toBe('');
    const resolv = runTraceCli([ex('clusterip'), '--pod', 'client', '--show', 'resolv-conf']);
    expect(resolv.stdout).toContain('nameserver 10.96.0.10\n');
  });

  it('narrows iptables-save to one table with --table and prints both without it', () => {
    const nat = runTraceCli([ex('clusterip'), '--node', 'node-1', '--show', 'iptables-save', '--table', 'nat']).stdout;
    expect(nat).toContain('*nat\n');
    expect(nat).not.toContain('*filter\n');
    const both = runTraceCli([ex('clusterip'), '--node', 'node-1', '--show', 'iptables-save']).stdout;
    expect(both).toContain('*nat\n');
    expect(both).toContain('*filter\n');
  });

  it('shows the connections of the trace given by --from/--to in conntrack', () => {
    const empty = runTraceCli([ex('clusterip'), '--node', 'node-1', '--show', 'conntrack']);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toBe('conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.\n');
    const after = runTraceCli([ex('clusterip'), '--node', 'node-1', '--show', 'conntrack', '--from', 'client', '--to', 'web:80']);
    expect(after.stdout).toMatch(/^tcp {6}6 431999 ESTABLISHED src=10\.244\.0\.3 dst=10\.96\.0\.2 sport=\d+ dport=80 /m);
  });

  it('fails with one clear line for an unknown node, pod or tool', () => {
    for (const argv of [
      ['--node', 'node-9', '--show', 'ip-addr'],
      ['--node', 'node-1', '--show', 'netstat'],
      ['--pod', 'ghost', '--show', 'ip-route'],
    ]) {
      const out = runTraceCli([ex('clusterip'), ...argv]);
      expect(out.code).not.toBe(0);
      expect(out.stdout).toBe('');
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
      expect(out.stderr).toMatch(/^error: unknown (node|tool|pod) "/);
    }
  });
});
