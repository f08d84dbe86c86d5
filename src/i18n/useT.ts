/**
 * React access to the interface language: wrap the app in <LocaleProvider>, then `useT()` gives
 * the translator and `useLocale()` the language and its setter. Choosing a language remembers it
 * (localStorage) and sets <html lang>, so screen readers and CJK fonts follow.
 */
import { createContext, createElement, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { createTranslator, DEFAULT_LOCALE, detectLocale, loadLocale, loadLocaleMessages, saveLocale, type Locale, type Translator } from './index';
import type { Message } from '../sim/messages/index';
import { formatMessage } from './sim/index';

interface LocaleState {
  locale: Locale;
  /** Switch language once its strings are here (fetched the first time); false when they could not be fetched. */
  setLocale: (locale: Locale) => Promise<boolean>;
  /** The language the reader prefers but whose pack could not be fetched at start (the app opened in English). */
  unavailable?: Locale | undefined;
}

const LocaleContext = createContext<LocaleState>({ locale: DEFAULT_LOCALE, setLocale: () => Promise.resolve(false) });

/** The storage the app uses, or undefined where the browser refuses it. */
function browserStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/** The language to start in: the remembered choice, else the browser's preference, else English. */
export function initialLocale(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = browserStorage()): Locale {
  const languages = typeof navigator === 'undefined' ? undefined : navigator.languages;
  return detectLocale(languages, loadLocale(storage));
}

export function LocaleProvider({ initial, unavailable, children }: { initial?: Locale; unavailable?: Locale | undefined; children: ReactNode }) {
  const [locale, setState] = useState<Locale>(() => initial ?? initialLocale());
  const setLocale = useCallback(async (next: Locale) => {
    try {
      await loadLocaleMessages(next);
    } catch {
      return false;
    }
    setState(next);
    saveLocale(browserStorage(), next);
    if (typeof document !== 'undefined') document.documentElement.lang = next;
    return true;
  }, []);
  const value = useMemo(() => ({ locale, setLocale, unavailable }), [locale, setLocale, unavailable]);
  return createElement(LocaleContext.Provider, { value }, children);
}

export function useLocale(): [Locale, (locale: Locale) => Promise<boolean>] {
  const { locale, setLocale } = useContext(LocaleContext);
  return [locale, setLocale];
}

/** The preferred language that could not be fetched at start, if any (the language switch says so). */
export function useUnavailableLocale(): Locale | undefined {
  return useContext(LocaleContext).unavailable;
}

/** The translator for the current language: `const t = useT(); t('toolbar.copyLink')`. */
export function useT(): Translator {
  const { locale } = useContext(LocaleContext);
  return useMemo(() => createTranslator(locale), [locale]);
}

/** Simulator messages in the current language, as plain text (for titles, accessible names, toasts). */
export function useSimText(): (m: Message) => string {
  const { locale } = useContext(LocaleContext);
  return useCallback((m: Message) => formatMessage(locale, m), [locale]);
}
