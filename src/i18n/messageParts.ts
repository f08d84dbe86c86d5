/**
 * Parts of the interface dictionaries that load with the code that shows them (issue 12, first load).
 *
 * The core dictionaries (messages.en.ts, and messages.zh-CN.ts in the Chinese pack) hold what the first
 * screen and the always-loaded UI say. A panel fetched on demand (the Policies tab, the Inside view, the
 * hop inspector, the manifest dialog) brings its own strings: a part module in src/i18n/parts/ holds them
 * in every language and registers them when it is evaluated, and the panel's modules import that part
 * statically, so the strings are there before the panel's first render (ES modules evaluate their
 * imports first). Every language travels with the part, so a Chinese reader's pack, fetched before the
 * first paint, does not carry the text of panels that may never be opened.
 *
 * Keys of a part are ordinary `MessageKey`s (messages.en.ts joins them by a type-only import of
 * parts/all.ts), so `t()` call sites do not change. Using a part's key before the part is registered
 * is a programming error: `missingPart` throws in development and tests, and in a production build
 * logs it and shows the key rather than breaking the page.
 */
import type { Locale } from './locale';

/** One part: a name (its file's name in src/i18n/parts) and its strings in every interface language. */
export interface MessagePart<K extends string = string> {
  readonly name: string;
  readonly strings: { readonly [L in Locale]: Readonly<Record<K, string>> };
}

/** The keys a part defines. */
export type KeysOf<P> = P extends MessagePart<infer K> ? K : never;

const registered = new Map<string, MessagePart>();
/** Every registered part's strings, per language, with the part each key came from. */
const strings = new Map<Locale, Map<string, string>>();
const owner = new Map<string, string>();

/**
 * Make a part's strings available in every language; call it at the top level of the part's module.
 * Registering the same part again is harmless; two parts defining one key is an error.
 */
export function registerMessagePart<K extends string>(name: string, byLocale: MessagePart<K>['strings']): MessagePart<K> {
  const part: MessagePart<K> = { name, strings: byLocale };
  if (registered.has(name)) return registered.get(name) as MessagePart<K>;
  for (const key of Object.keys(byLocale.en)) {
    const other = owner.get(key);
    if (other !== undefined) throw new Error(`Interface string "${key}" is defined by two dictionary parts: ${other} and ${name}.`);
  }
  for (const [locale, dict] of Object.entries(byLocale) as [Locale, Readonly<Record<string, string>>][]) {
    const table = strings.get(locale) ?? new Map<string, string>();
    for (const [key, text] of Object.entries(dict)) table.set(key, text);
    strings.set(locale, table);
  }
  for (const key of Object.keys(byLocale.en)) owner.set(key, name);
  registered.set(name, part);
  return part;
}

/** The string for `key` in `locale` from the registered parts, if a registered part defines it. */
export function partText(locale: Locale, key: string): string | undefined {
  return strings.get(locale)?.get(key);
}

/** Names of the parts registered so far (in registration order). */
export function registeredParts(): string[] {
  return [...registered.keys()];
}

const reported = new Set<string>();

/**
 * What `translate` does with a key that neither the core dictionary nor a registered part has: in
 * development and tests it throws (the module showing it forgot to import the key's part); in a
 * production build it logs once and shows the key, so the rest of the page keeps working.
 */
export function missingPart(key: string): string {
  const problem = `Interface string "${key}" is not loaded: it belongs to a dictionary part (src/i18n/parts) that the module showing it does not import.`;
  if (import.meta.env?.DEV) throw new Error(problem);
  if (!reported.has(key)) {
    reported.add(key);
    console.error(problem);
  }
  return key;
}
