/** Validation text is written for a person: it names the field and the allowed range, never zod's own wording. */
import { describe, expect, it } from 'vitest';
import { loadExample } from '../testing/examples';
import { editCluster, editElement } from './editFields';
import { parseScenario } from './parse';
import { formatMessage } from '../../i18n/sim/index';
import type { Message } from '../../sim/messages/index';

/** Refused with exactly this English message (and on this field, when given). */
function refusedWith(r: { ok: boolean; error?: unknown; field?: string }, text: string | RegExp, field?: string) {
  expect(r.ok).toBe(false);
  const t = formatMessage('en', (r as { error: Message }).error);
  if (typeof text === 'string') expect(t).toBe(text);
  else expect(t).toMatch(text);
  if (field !== undefined) expect(r.field).toBe(field);
}

const RAW = /Too big|Too small|Invalid input|Invalid option|expected number|expected int/;

describe('messages for out-of-range and mistyped fields', () => {
  const s = loadExample('dns');

  it('a node pod prefix of 31: the field and its range 8-30, not "Too big: expected number to be <=30"', () => {
    const r = editCluster(s, { nodePodPrefix: 31 });
    refusedWith(r, 'nodePodPrefix: must be a whole number from 8 to 30 (not 31)', 'nodePodPrefix');
    refusedWith(editCluster(s, { mtu: 100 }), 'mtu: must be a whole number from 576 to 9000 (not 100)');
    refusedWith(editCluster(s, { nodePodPrefix: 24.5 }), new RegExp('a whole number from 8 to 30'.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });

  it('enums list their choices; element fields name their path', () => {
    refusedWith(editCluster(s, { flannelBackend: 'udp' as never }), 'flannelBackend: must be one of "host-gw" or "vxlan" (not "udp")');
    const port = editElement(s, 'svc-web', { ports: [{ port: 70000, protocol: 'TCP' }] });
    refusedWith(port, 'ports.0.port: must be a whole number from 1 to 65535 (not 70000)', 'ports');
    const name = editElement(s, 'web-1', { name: '' });
    expect(name).toMatchObject({ ok: false, field: 'name' });
    expect(!name.ok && formatMessage('en', name.error)).not.toMatch(RAW);
  });

  it('files: every issue of a bad scenario reads as a sentence, with its path', () => {
    const r = parseScenario({
      version: 1,
      cluster: { nodePodPrefix: 40, kubeProxyMode: 'nft' },
      nodes: [{ id: 'n', name: 'n', subnet: 's', ip: '10.0.0.1', podCidr: 5 }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.errors.map((e) => ({ path: e.path, message: formatMessage('en', e.msg) }));
    expect(text).toEqual(
      expect.arrayContaining([
        { path: 'cluster.nodePodPrefix', message: 'must be a whole number from 8 to 30 (not 40)' },
        { path: 'cluster.kubeProxyMode', message: 'must be one of "iptables" or "ipvs" (not "nft")' },
      ]),
    );
    for (const e of text) expect(e.message).not.toMatch(RAW);
    // The same problems in Chinese.
    const zh = r.errors.map((e) => ({ path: e.path, message: formatMessage('zh-CN', e.msg) }));
    expect(zh).toEqual(expect.arrayContaining([{ path: 'cluster.nodePodPrefix', message: '必须是 8 到 30 之间的整数（而不是 40）' }]));
  });

  it('zod/mini loads no locale, yet every issue reads as it did with the classic API (never "Invalid input")', () => {
    const r = parseScenario({
      version: 1,
      cluster: { mtu: 'x' },
      subnets: [{ id: 's', name: 's', cidr: '10.0.0.0/24' }],
      nodes: [{ id: 'n', name: 'n', subnet: 's', ip: '999.1.1.1' }],
      pods: [{ id: 'p', name: 'Bad_Name', node: 'n', labels: { '': 'x' }, containers: [{ name: 'c', ports: [{ containerPort: 1.5 }] }] }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.errors.map((e) => `${e.path}: ${formatMessage('en', e.msg)}`);
    expect(text).toEqual([
      'cluster.mtu: must be a whole number from 576 to 9000 (not "x")',
      'nodes.0.ip: not an IPv4 address (expected e.g. 192.168.1.10)',
      'pods.0.name: a Kubernetes name is lower-case letters, digits and "-" (RFC 1123 label)',
      // A label key outside 1-63 characters: the words zod's English locale gave (zod/mini alone would say "Invalid input").
      'pods.0.labels.: invalid (Invalid key in record)',
      'pods.0.containers.0.ports.0.containerPort: must be a whole number from 1 to 65535 (not 1.5)',
    ]);
  });
});
