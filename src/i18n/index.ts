/**
 * Interface languages without React: typed dictionaries, `translate`, the choice of language at
 * start-up, and remembering the user's choice. English is the default; the interface switches to
 * Simplified Chinese when the browser prefers Chinese, and a language the user picked always wins.
 */
import { DEFAULT_LOCALE, isLocale, type Locale, type LocalizedText } from './locale';
import type { ElementKind } from '../sim/index';
import { en, type CoreKey, type MessageKey } from './messages.en';
import type { Message } from '../sim/messages/index';
import { formatMessage, registerSimDictionary } from './sim/index';
import type { LocalePack } from './pack';
import { missingPart, partText } from './messageParts';
import { registerCatalogTranslation } from '../lessons/catalog';

export { DEFAULT_LOCALE, LOCALES, isLocale, type Locale, type LocalizedText } from './locale';
export type { MessageKey } from './messages.en';

type Messages = Readonly<Record<CoreKey, string>>;

/**
 * Core interface strings of the languages loaded so far. English is built in; another language is a pack
 * (its core interface strings and simulator sentences) fetched when it is first chosen (`loadLocaleMessages`),
 * so a reader of one language does not download the other's text before the first paint. The strings of
 * panels fetched on demand come with those panels, in every language (./messageParts.ts).
 */
const messages: Partial<Record<Locale, Messages>> = { en };

const PACKS: Record<Exclude<Locale, 'en'>, () => Promise<LocalePack>> = {
  'zh-CN': () => import('./pack.zh-CN').then((m) => m.zhCNPack),
};

/** Make a language's pack available at once (the CLI and tests, which load every language up front). */
export function registerLocalePack(locale: Locale, pack: LocalePack): void {
  messages[locale] = pack.ui;
  registerSimDictionary(locale, pack.sim);
  registerCatalogTranslation(locale, pack.lessons);
}

/** Whether `locale`'s strings are here, so it can be shown without waiting. */
export function isLocaleLoaded(locale: Locale): boolean {
  return messages[locale] !== undefined;
}

/** Fetch `locale`'s pack if it is not here yet (once; a failed fetch can be retried). */
export async function loadLocaleMessages(locale: Locale): Promise<void> {
  if (locale === 'en' || isLocaleLoaded(locale)) return;
  registerLocalePack(locale, await PACKS[locale]());
}

/** Parameters of an interface string; a simulator message is rendered in the same language. */
export type MessageParams = Readonly<Record<string, string | number | Message>>;

/**
 * The text for `key`: in `locale` once its pack is here (else in English, like the rest of the
 * interface), from the core dictionary or a registered part; a key of a part not yet loaded is
 * `missingPart`'s business (an error in development and tests).
 */
function lookup(locale: Locale, key: MessageKey): string {
  const lang = messages[locale] ? locale : 'en';
  const core = messages[lang] as Readonly<Record<string, string>>;
  return core[key] ?? partText(lang, key) ?? (en as Readonly<Record<string, string>>)[key] ?? partText('en', key) ?? missingPart(key);
}

/** The string for `key` in `locale`, with `{name}` parameters filled in (unknown ones are left as written). */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text = lookup(locale, key);
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const v = params[name]!;
    return typeof v === 'object' ? formatMessage(locale, v) : String(v);
  });
}

export type Translator = (key: MessageKey, params?: MessageParams) => string;

export function createTranslator(locale: Locale): Translator {
  return (key, params) => translate(locale, key, params);
}

/** The palette/inspector name of an element kind. */
export function elementKindKey(kind: ElementKind): MessageKey {
  return `element.${kind}`;
}

/** A lesson text (or any LocalizedText) in `locale`. */
export function localized(text: LocalizedText, locale: Locale): string {
  return text[locale];
}

/**
 * The language to start in. `stored` is the user's earlier choice (see `loadLocale`); it wins when
 * it names a known language. Otherwise `navigatorLanguages` (navigator.languages, most preferred
 * first) is read in order, and the first English or Chinese entry decides; any Chinese (zh, zh-CN,
 * zh-Hans, zh-TW, ...) chooses the Simplified Chinese interface, the only Chinese one there is.
 * Nothing recognised: English.
 */
export function detectLocale(navigatorLanguages: readonly string[] | undefined, stored?: string | null): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of navigatorLanguages ?? []) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en';
  }
  return DEFAULT_LOCALE;
}

export const LOCALE_STORAGE_KEY = 'kube-network-playground:locale';

interface LocaleStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The language the user picked earlier, if any (undefined when none, unknown, or storage refuses). */
export function loadLocale(storage: LocaleStorage | undefined): Locale | undefined {
  try {
    const v = storage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Remember the user's choice; false when the browser refuses to store it. */
export function saveLocale(storage: LocaleStorage | undefined, locale: Locale): boolean {
  if (!storage) return false;
  try {
    storage.setItem(LOCALE_STORAGE_KEY, locale);
    return true;
  } catch {
    return false;
  }
}
