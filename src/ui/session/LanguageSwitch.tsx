/** English / 简体中文: the choice is remembered (localStorage) and sets <html lang>. */
import { GlobeIcon } from './icons';
import { LOCALES, isLocale } from '../../i18n/index';
import { useLocale, useT } from '../../i18n/useT';

export function LanguageSwitch() {
  const t = useT();
  const [locale, setLocale] = useLocale();
  return (
    <label className="language-switch">
      <GlobeIcon size={14} />
      <select
        value={locale}
        aria-label={t('toolbar.language')}
        onChange={(e) => {
          if (isLocale(e.target.value)) setLocale(e.target.value);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
