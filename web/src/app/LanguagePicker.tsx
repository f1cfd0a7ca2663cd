import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { applyLanguage, LANGUAGES, type LanguageCode } from '../i18n/i18n.ts';

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <span className="language-picker">
      <label htmlFor={id}>{t('login.language')}</label>
      <select id={id} value={i18n.language} onChange={(event) => applyLanguage(event.target.value as LanguageCode)}>
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>{language.name}</option>
        ))}
      </select>
    </span>
  );
}
