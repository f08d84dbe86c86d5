import { describe, expect, it, vi } from 'vitest';
import { msg } from '../sim/messages/index';

describe('languages load on demand', () => {
  it('English is built in; Simplified Chinese arrives with its pack, interface and simulator sentences together', async () => {
    // A fresh copy of the i18n modules, without the test setup's registration of every language.
    vi.resetModules();
    const i18n = await import('./index');
    const sim = await import('./sim/index');
    const sentence = msg('input.not-a-sender');
    expect(i18n.isLocaleLoaded('en')).toBe(true);
    expect(i18n.isLocaleLoaded('zh-CN')).toBe(false);
    // Until the pack is here, asking for Chinese gives English rather than nothing.
    expect(i18n.translate('zh-CN', 'app.title')).toBe(i18n.translate('en', 'app.title'));
    expect(sim.formatMessage('zh-CN', sentence)).toBe(sim.formatMessage('en', sentence));

    // The lesson menu's titles too: English until the pack is here (it carries the catalog's Chinese).
    const catalog = await import('../lessons/catalog');
    const lesson1 = catalog.LESSON_CATALOG[0]!;
    expect(i18n.localized(lesson1.title, 'zh-CN')).toBe('Two pods on one node');
    // A whole lesson (fetched when it opens) is in every language, its title too.
    const { LESSONS } = await import('../lessons/index');
    expect(LESSONS[0]!.title['zh-CN']).toBe('同一节点上的两个 Pod');

    await i18n.loadLocaleMessages('zh-CN');
    expect(i18n.localized(lesson1.title, 'zh-CN')).toBe('同一节点上的两个 Pod');
    expect(i18n.localized(lesson1.scenarioName, 'zh-CN')).toBe('第 1 课：同一节点上的两个 Pod');
    expect(i18n.localized(lesson1.title, 'en')).toBe('Two pods on one node');
    expect(i18n.isLocaleLoaded('zh-CN')).toBe(true);
    expect(i18n.translate('zh-CN', 'app.title')).toBe('Kube 网络演练场');
    expect(sim.formatMessage('zh-CN', sentence)).toBe('只有 Pod、节点或集群外客户端才能发送数据包。');
    expect(i18n.translate('en', 'app.title')).toBe('Kube Network Playground');
  });

  it("English trace sentences arrive with the tracer; the send form's are built in", async () => {
    vi.resetModules();
    const sim = await import('./sim/index');
    const send = msg('input.not-a-sender');
    const drop = msg('reason.no-route');
    expect(sim.formatMessage('en', send)).toBe('Only a pod, a node or an outside client can send packets.');
    // Before the tracer's sentences are here, a trace code would show as its code.
    expect(sim.formatMessage('en', drop)).toBe('reason.no-route');
    await import('./sim/trace-messages');
    expect(sim.formatMessage('en', drop)).toMatch(/^No route matches the destination/);
  });

  it("a trace's Chinese sentences and parameter shapes arrive with the tracer, not with the Chinese pack", async () => {
    vi.resetModules();
    const i18n = await import('./index');
    const sim = await import('./sim/index');
    const hop = msg('hop.veth-in', { veth: 'veth1a2b', pod: 'web-1' });
    // The Chinese pack, fetched before a Chinese reader's first paint, has the send form's sentences but no trace's.
    const { zhCNPack } = await import('./pack.zh-CN');
    expect(zhCNPack.sim['input.not-a-sender']).toBeDefined();
    expect(zhCNPack.sim['hop.veth-in']).toBeUndefined();
    expect(zhCNPack.sim['reason.no-route']).toBeUndefined();
    await i18n.loadLocaleMessages('zh-CN');
    expect(sim.formatMessage('zh-CN', hop)).toBe('hop.veth-in');
    await import('./sim/trace-messages');
    expect(sim.formatMessage('zh-CN', msg('reason.no-route'))).toMatch(/^没有路由匹配目的地址/);
    const parts = sim.messageParts('zh-CN', hop);
    expect(parts).toContainEqual({ text: 'veth1a2b', code: true });
    expect(parts).toContainEqual({ text: 'web-1', code: true });
  });
});
