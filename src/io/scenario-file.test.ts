import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { runTraceCli } from '../cli/run';
import { EXAMPLES_DIR } from '../sim/testing/examples';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportScenarioJson, importScenarioJson, scenarioFileName, MAX_SCENARIO_FILE_BYTES } from './scenario-file';
import { scenarioArbitrary } from './arbitrary-scenario';

const vxlanText = readFileSync(join(EXAMPLES_DIR, 'vxlan-across-subnets.json'), 'utf8');

function imported(text: string) {
  const r = importScenarioJson(text);
  if (!r.ok) throw new Error(r.message);
  return r.scenario;
}

describe('Export JSON', () => {
  it('writes every address and setting, and the CLI traces the exported file', () => {
    const s = imported(vxlanText);
    const text = exportScenarioJson(s);
    const doc = JSON.parse(text);
    expect(doc.version).toBe(1);
    expect(doc.nodes[1].podCidr).toBe('10.244.1.0/24');
    expect(doc.pods[1].ip).toBe('10.244.1.2');
    expect(doc.cluster).toMatchObject({ cni: 'flannel', flannelBackend: 'vxlan', podCidr: '10.244.0.0/16', mtu: 1500 });

    const dir = mkdtempSync(join(tmpdir(), 'knp-export-'));
    const file = join(dir, scenarioFileName(s));
    writeFileSync(file, text);
    const out = runTraceCli([file, '--from', 'client', '--to', 'web:80']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).verdict).toBe('delivered');
  });

  it('property: import(export(s)) is s, exactly', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (s) => {
        // Compared as JSON values: JSON has no -0, which a position may be (-0 and 0 draw the same).
        const asJson = JSON.parse(JSON.stringify(s));
        expect(importScenarioJson(exportScenarioJson(s))).toEqual({ ok: true, scenario: asJson });
      }),
      { numRuns: 100 },
    );
  });

  it('names the file after the scenario', () => {
    expect(scenarioFileName({ name: 'flannel VXLAN across subnets' })).toBe('flannel-vxlan-across-subnets.json');
    expect(scenarioFileName({ name: '两个节点' })).toBe('scenario.json');
    expect(scenarioFileName({ name: 'Café / über: test!' })).toBe('cafe-uber-test.json');
  });
});

describe('Import JSON', () => {
  it('reads the example files, with or without a byte-order mark', () => {
    expect(imported(vxlanText).nodes).toHaveLength(2);
    expect(imported('\uFEFF' + vxlanText).nodes).toHaveLength(2);
  });

  it('names each bad field by its path', () => {
    const doc = JSON.parse(vxlanText);
    doc.pods[1].ip = '10.244.1.300';
    doc.nodes[0].name = 'Node_1';
    doc.cluster.cni = 'weave';
    const r = importScenarioJson(JSON.stringify(doc));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path).sort()).toEqual(['cluster.cni', 'nodes.0.name', 'pods.1.ip']);
    expect(r.message).toMatch(/^Cannot import this file: /);
    expect(r.message).toContain('pods.1.ip: not an IPv4 address');
  });

  it('explains a file that is not JSON, not a scenario, from a newer app, or too big', () => {
    const notJson = importScenarioJson('{"version": 1,');
    expect(notJson).toMatchObject({ ok: false, errors: [{ path: '(root)' }] });
    if (!notJson.ok) expect(notJson.message).toContain('not valid JSON');
    expect(importScenarioJson('[]')).toMatchObject({
      ok: false,
      errors: [{ path: '(root)', msg: { code: 'input.not-object' } }],
      message: 'Cannot import this file: (root): a scenario is a JSON object',
    });
    expect(importScenarioJson('{"nodes": []}')).toMatchObject({ ok: false, errors: [{ path: 'version' }] });
    const newer = importScenarioJson('{"version": 7}');
    expect(newer).toMatchObject({ ok: false, errors: [{ path: 'version' }] });
    if (!newer.ok) expect(newer.message).toContain('newer');
    expect(importScenarioJson(' '.repeat(MAX_SCENARIO_FILE_BYTES + 1))).toMatchObject({ ok: false, errors: [{ path: '(root)' }] });
  });

  it('names an allocation failure by path too', () => {
    const doc = {
      version: 1,
      cluster: { podCidr: '10.244.0.0/24', nodePodPrefix: 24 },
      subnets: [{ id: 's', name: 's', cidr: '192.168.0.0/24' }],
      nodes: [1, 2].map((i) => ({ id: `n${i}`, name: `n${i}`, subnet: 's', ip: `192.168.0.${i + 10}` })),
    };
    expect(importScenarioJson(JSON.stringify(doc))).toMatchObject({ ok: false, errors: [{ path: 'nodes.1.podCidr' }] });
  });
});
