import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { initialLocale, LocaleProvider, useLocale, useT } from './useT';
import { LOCALE_STORAGE_KEY } from './index';

function Toolbar() {
  const t = useT();
  const [locale] = useLocale();
  return createElement('button', { lang: locale }, t('toolbar.copyLink'));
}

describe('useT', () => {
  it("translates with the provider's language, English without a provider", () => {
    expect(renderToString(createElement(LocaleProvider, { initial: 'zh-CN', children: createElement(Toolbar) }))).toBe(
      '<button lang="zh-CN">复制链接</button>',
    );
    expect(renderToString(createElement(LocaleProvider, { initial: 'en', children: createElement(Toolbar) }))).toBe('<button lang="en">Copy link</button>');
    expect(renderToString(createElement(Toolbar))).toBe('<button lang="en">Copy link</button>');
  });

  it('starts in the remembered language', () => {
    const m = new Map([[LOCALE_STORAGE_KEY, 'zh-CN']]);
    expect(initialLocale({ getItem: (k) => m.get(k) ?? null, setItem: () => {} })).toBe('zh-CN');
    expect(initialLocale(undefined)).toMatch(/^(en|zh-CN)$/);
  });
});
