import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALL_PARTS } from './parts/all';

/** A fresh copy of the i18n modules, without the test setup's registration of every language and part. */
async function freshI18n() {
  vi.resetModules();
  return { i18n: await import('./index'), parts: await import('./messageParts') };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('dictionary parts', () => {
  it("arrive with the module that shows them, in every language; Chinese shows once the reader's pack is here", async () => {
    const { i18n, parts } = await freshI18n();
    expect(parts.registeredParts()).toEqual([]);
    // The core is built in.
    expect(i18n.translate('en', 'side.policies')).toBe('Policies');
    await import('./parts/policy');
    expect(parts.registeredParts()).toEqual(['policy']);
    expect(i18n.translate('en', 'policy.title')).toBe('NetworkPolicies');
    expect(i18n.translate('en', 'policy.nsLabelsOf', { namespace: 'shop' })).toBe('Labels of namespace shop');
    // Like the core, a part speaks Chinese only once the Chinese pack is loaded (until then the whole interface is English).
    expect(i18n.translate('zh-CN', 'policy.title')).toBe('NetworkPolicies');
    await i18n.loadLocaleMessages('zh-CN');
    expect(i18n.translate('zh-CN', 'policy.title')).toBe('NetworkPolicy 网络策略');
    expect(i18n.translate('zh-CN', 'policy.nsLabelsOf', { namespace: 'shop' })).toBe('命名空间 shop 的标签');
    expect(i18n.translate('zh-CN', 'side.policies')).toBe('策略');
    // A part that arrives after the pack speaks Chinese at once: it carries its own Chinese.
    await import('./parts/inside');
    expect(i18n.translate('zh-CN', 'inside.title', { name: 'node-1' })).toBe('node-1 内部');
  });

  it('make a key shown before its part is loaded an error in development and tests, not a key name on screen', async () => {
    const { i18n } = await freshI18n();
    expect(import.meta.env.DEV).toBe(true);
    expect(() => i18n.translate('en', 'hop.action.dnat')).toThrow(/"hop\.action\.dnat" is not loaded: it belongs to a dictionary part/);
    expect(() => i18n.translate('zh-CN', 'manifests.import')).toThrow(/"manifests\.import"/);
    await import('./parts/hops');
    expect(i18n.translate('en', 'hop.action.dnat')).toBe('DNAT');
  });

  it('in a production build, log the mistake once and show the key rather than break the page', async () => {
    const { i18n } = await freshI18n();
    vi.stubEnv('DEV', false);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(i18n.translate('en', 'inside.tools')).toBe('inside.tools');
    expect(i18n.translate('en', 'inside.tools')).toBe('inside.tools');
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]![0])).toContain('"inside.tools" is not loaded');
  });

  it('refuse two parts defining one key; registering a part again changes nothing', async () => {
    const { parts } = await freshI18n();
    const first = parts.registerMessagePart('a', { en: { 'x.one': 'One' }, 'zh-CN': { 'x.one': '一' } });
    expect(parts.registerMessagePart('a', { en: { 'x.one': 'One' }, 'zh-CN': { 'x.one': '一' } })).toBe(first);
    expect(() => parts.registerMessagePart('b', { en: { 'x.one': 'Uno' }, 'zh-CN': { 'x.one': '一' } })).toThrow(
      'Interface string "x.one" is defined by two dictionary parts: a and b.',
    );
    expect(parts.partText('en', 'x.one')).toBe('One');
    expect(parts.registeredParts()).toEqual(['a']);
  });

  it('are all listed in parts/all.ts (what the CLI, the tests and the dictionary checks load), each named after its file', () => {
    const files = readdirSync(resolve(import.meta.dirname, 'parts'))
      .filter((f) => f.endsWith('.ts') && f !== 'all.ts' && !f.endsWith('.test.ts'))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(ALL_PARTS.map((p) => p.name).sort()).toEqual(files.sort());
    expect(files.length).toBeGreaterThanOrEqual(4);
  });
});
