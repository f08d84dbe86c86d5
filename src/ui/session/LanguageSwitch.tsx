/** English / 简体中文: the choice is remembered (localStorage) and sets <html lang>. */
import { useState } from 'react';
import { GlobeIcon } from './icons';
import { LOCALES, isLocale, type Locale } from '../../i18n/index';
import { useLocale, useT, useUnavailableLocale } from '../../i18n/useT';

export function LanguageSwitch() {
  const t = useT();
  const [locale, setLocale] = useLocale();
  // Another language is fetched the first time it is chosen; if that fails the interface stays as it is and says so.
  const [failed, setFailed] = useState<Locale | undefined>(useUnavailableLocale());
  // The language being fetched: the switch shows it chosen meanwhile, and says it is loading.
  const [pending, setPending] = useState<Locale | undefined>();
  return (
    <label className="language-switch">
      <GlobeIcon size={14} />
      <select
        value={pending ?? locale}
        aria-busy={pending !== undefined}
        aria-label={t('toolbar.language')}
        onChange={(e) => {
          const next = e.target.value;
          if (!isLocale(next)) return;
          setFailed(undefined);
          setPending(next);
          void setLocale(next).then((ok) => {
            setPending(undefined);
            setFailed(ok ? undefined : next);
          });
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
      {pending && pending !== locale && (
        <span className="language-failed pending" role="status">
          {t('language.loading', { language: t(`language.${pending}`) })}
        </span>
      )}
      {failed && (
        <span className="language-failed" role="alert">
          {t('language.loadFailed', { language: t(`language.${failed}`) })}
          <button type="button" className="language-dismiss" onClick={() => setFailed(undefined)} aria-label={t('common.dismiss')}>
            ×
          </button>
        </span>
      )}
    </label>
  );
}
