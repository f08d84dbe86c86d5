import { describe, expect, it } from 'vitest';
import { MAX_LINK_JSON_BYTES, shareLinkErrorKey, type ShareLinkErrorCode } from '../io/share-link';
import { LOAD_BUDGET_MS } from '../store/loading/loader';
import { MAX_SCENARIO_FILE_BYTES } from '../io/scenario-file';
import type { ElementKind } from '../sim/index';
import {
  createTranslator,
  detectLocale,
  elementKindKey,
  loadLocale,
  LOCALE_STORAGE_KEY,
  LOCALES,
  saveLocale,
  translate,
  type Locale,
  type MessageKey,
} from './index';
import { en } from './messages.en';
import { zhCN } from './messages.zh-CN';
import { ALL_PARTS } from './parts/all';
import { formatMessage } from './sim/index';
import { msg } from '../sim/messages/index';

type Dictionary = Readonly<Record<MessageKey, string>>;
const core = { en, 'zh-CN': zhCN };
/**
 * Every language's whole dictionary as written: its core and every part (the app loads all but the English
 * core on demand; see lazy-locale.test.ts and messageParts.test.ts). A key defined twice would hide one text.
 */
const pieces = (l: Locale) => [core[l], ...ALL_PARTS.map((p) => p.strings[l])];
const MESSAGES = Object.fromEntries(LOCALES.map((l) => [l, Object.assign({}, ...pieces(l)) as Dictionary])) as Record<Locale, Dictionary>;
const keys = Object.keys(MESSAGES.en) as MessageKey[];
const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('define each key once, in the core or in one part', () => {
    for (const l of LOCALES)
      expect(
        pieces(l)
          .flatMap((d) => Object.keys(d))
          .sort(),
        l,
      ).toEqual([...keys].sort());
    expect(keys.length).toBeGreaterThan(500);
  });

  it('have the same keys, no empty strings, and the same {parameters} in every language', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(MESSAGES[locale]).sort()).toEqual([...keys].sort());
      for (const key of keys) {
        expect(MESSAGES[locale][key].trim(), `${locale} ${key}`).not.toBe('');
        expect(params(MESSAGES[locale][key]), `${locale} ${key}`).toEqual(params(MESSAGES.en[key]));
      }
    }
  });

  it('translate the interface into Chinese (only names of things may stay as they are)', () => {
    const same = keys.filter((k) => MESSAGES['zh-CN'][k] === MESSAGES.en[k]);
    // Kubernetes kind names and field names are written in English in Chinese docs too ("Ingress {name}" is a kind and a name).
    expect(same.sort()).toEqual(
      [
        'canvas.aria.ingress',
        'element.ingress',
        'element.pod',
        'field.cidr',
        'field.podCidr',
        'field.clusterIP',
        'language.en',
        'language.zh-CN',
        'hop.action.veth',
        'hop.action.arp',
        'hop.action.dns',
      ].sort(),
    );
    const patterns: MessageKey[] = ['problems.both', 'send.senderPod'];
    for (const k of keys.filter((k) => !same.includes(k) && !patterns.includes(k))) expect(MESSAGES['zh-CN'][k], k).toMatch(/[\u4e00-\u9fff]/);
  });

  it('have the words the toolbar, palette and playback need', () => {
    const t = createTranslator('en');
    expect(
      ['toolbar.copyLink', 'toolbar.new', 'toolbar.resetToLesson', 'toolbar.exportJson', 'toolbar.importJson', 'toolbar.lessons', 'toolbar.language'].map((k) =>
        t(k as MessageKey),
      ),
    ).toEqual(['Copy link', 'New', 'Reset to lesson', 'Export JSON', 'Import JSON', 'Lessons', 'Language']);
    expect(createTranslator('zh-CN')('toolbar.copyLink')).toBe('复制链接');
    const kinds: ElementKind[] = ['subnet', 'router', 'node', 'pod', 'client', 'service', 'loadBalancer', 'ingress'];
    expect(kinds.map((k) => translate('en', elementKindKey(k)))).toEqual([
      'Subnet',
      'Router',
      'Cluster node',
      'Pod',
      'Outside client',
      'Service',
      'Load balancer',
      'Ingress',
    ]);
    expect(translate('zh-CN', 'playback.pause')).toBe('暂停');
    // Terms as the Chinese Kubernetes docs write them: a Service is 服务 in prose and labels.
    expect(translate('zh-CN', elementKindKey('service'))).toBe('服务');
    expect(translate('zh-CN', 'field.serviceCidr')).toBe('服务 CIDR');
  });

  it('have a sentence for every share-link error, in both languages, matching the limits in force', () => {
    const codes: ShareLinkErrorCode[] = ['missing', 'malformed', 'truncated', 'corrupt', 'too-large', 'newer-version', 'invalid-scenario', 'too-slow'];
    for (const code of codes) for (const locale of LOCALES) expect(translate(locale, shareLinkErrorKey(code)).length).toBeGreaterThan(8);
    expect(translate('en', 'linkError.too-large')).toContain(`${MAX_LINK_JSON_BYTES / 1000} kB`);
    expect(translate('zh-CN', 'linkError.too-large')).toContain(`${MAX_LINK_JSON_BYTES / 1000} kB`);
    // A file over the limit is refused with the simulator's input sentence, which is given the limit.
    expect(formatMessage('en', msg('input.file-too-large', { mb: MAX_SCENARIO_FILE_BYTES / 1_000_000 }))).toBe('the file is larger than 16 MB');
    expect(translate('en', 'linkError.too-slow')).toContain(`${LOAD_BUDGET_MS / 1000} s`);
    expect(translate('zh-CN', 'linkError.too-slow')).toContain(`${LOAD_BUDGET_MS / 1000} 秒`);
  });
});

describe('translate', () => {
  it('fills parameters and leaves unknown ones visible', () => {
    expect(translate('en', 'send.many', { count: 20 })).toBe('Send 20');
    expect(translate('zh-CN', 'lessons.stepOf', { n: 2, total: 5 })).toBe('第 2 步，共 5 步');
    expect(translate('en', 'lessons.stepOf', { n: 2 })).toBe('Step 2 of {total}');
    expect(translate('en', 'problems.both', { errors: '1 error', warnings: '2 warnings' })).toBe('1 error, 2 warnings');
  });
});

describe('detectLocale', () => {
  it('is English unless the browser prefers Chinese', () => {
    expect(detectLocale(undefined)).toBe('en');
    expect(detectLocale([])).toBe('en');
    expect(detectLocale(['en-US', 'zh-CN'])).toBe('en');
    expect(detectLocale(['zh-CN', 'en'])).toBe('zh-CN');
    expect(detectLocale(['zh'])).toBe('zh-CN');
    expect(detectLocale(['zh-Hans-CN'])).toBe('zh-CN');
    expect(detectLocale(['zh_TW'])).toBe('zh-CN');
    expect(detectLocale(['fr-FR', 'de'])).toBe('en');
    // A language the interface does not have is skipped: the first one it has decides.
    expect(detectLocale(['fr-FR', 'zh-CN', 'en'])).toBe('zh-CN');
    expect(detectLocale(['fr-FR', 'en-GB', 'zh-CN'])).toBe('en');
  });

  it('lets a remembered choice win, and ignores a stored value it does not know', () => {
    expect(detectLocale(['zh-CN'], 'en')).toBe('en');
    expect(detectLocale(['en-US'], 'zh-CN')).toBe('zh-CN');
    expect(detectLocale(['zh-CN'], 'klingon')).toBe('zh-CN');
    expect(detectLocale(['en-US'], null)).toBe('en');
  });
});

describe('remembering the language', () => {
  it('saves and loads through a Storage', () => {
    const m = new Map<string, string>();
    const storage = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
    expect(loadLocale(storage)).toBeUndefined();
    expect(saveLocale(storage, 'zh-CN')).toBe(true);
    expect(m.get(LOCALE_STORAGE_KEY)).toBe('zh-CN');
    expect(loadLocale(storage)).toBe('zh-CN');
    expect(detectLocale(['en-US'], loadLocale(storage))).toBe('zh-CN');
    m.set(LOCALE_STORAGE_KEY, 'xx');
    expect(loadLocale(storage)).toBeUndefined();
  });

  it('survives a storage that refuses access', () => {
    const refusing = {
      getItem: (): string | null => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadLocale(refusing)).toBeUndefined();
    expect(saveLocale(refusing, 'en')).toBe(false);
    expect(saveLocale(undefined, 'en')).toBe(false);
  });
});
