import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runTraceCli } from './run';
import { EXAMPLES_DIR } from '../sim/testing/examples';

const calico = join(EXAMPLES_DIR, 'calico-policy.json');

describe('trace --matrix', () => {
  it('prints the grid with a legend, a row per pod and the denials by policy', () => {
    const out = runTraceCli([calico, '--matrix', '--namespace', 'shop']);
    expect(out.code).toBe(0);
    const lines = out.stdout.split('\n');
    expect(lines[0]).toMatch(/^Reachability \(TCP\)/);
    expect(lines).toContain('  [2] shop/api:8080');
    // frontend -> svc web is frontend itself through its Service: out of its cali and back, so its own egress policy applies.
    expect(lines.find((l) => l.startsWith('shop/frontend'))).toBe('shop/frontend  ok ok X> X> ok X>');
    expect(lines.find((l) => l.startsWith('shop/db'))).toBe('shop/db        X> X> ok X> X> X>');
    expect(out.stdout).toContain('egress shop/default-deny-all:');
  });

  it('--json gives the cells with the deciding policies; --port applies one port to every target', () => {
    const out = runTraceCli([calico, '--matrix', '--port', '8080', '--namespace', 'shop', '--no-services', '--json']);
    const m = JSON.parse(out.stdout);
    expect(m.targets.map((t: { port: number }) => t.port)).toEqual([8080, 8080, 8080]);
    expect(m.cells[0][1]).toMatchObject({ verdict: 'allowed', rules: expect.arrayContaining([expect.stringContaining('shop/frontend-to-api')]) });
    expect(m.cells[2][1]).toMatchObject({ verdict: 'denied', direction: 'egress' });
  });

  it('says what is wrong with a bad option or an unknown namespace', () => {
    expect(runTraceCli([calico, '--matrix', '--port', '0']).code).toBe(64);
    expect(runTraceCli([calico, '--matrix', '--proto', 'icmp']).stderr).toMatch(/tcp or udp/);
    const ns = runTraceCli([calico, '--matrix', '--namespace', 'nope']);
    expect(ns.code).toBe(2);
    expect(ns.stderr).toBe('error: no pod in namespace "nope" (--namespace)\n');
  });
});
