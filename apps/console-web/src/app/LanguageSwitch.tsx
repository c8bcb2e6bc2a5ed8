import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session';
import { LANGUAGE_NAMES, UI_LANGUAGES, isUiLanguage } from '../i18n/languages';

/** Kazakh, Russian, English: each named in itself, so anyone finds their own. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { setLanguage } = useSession();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={i18n.language}
        onChange={(event) => {
          if (isUiLanguage(event.target.value)) void setLanguage(event.target.value).catch(() => undefined);
        }}
      >
        {UI_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
