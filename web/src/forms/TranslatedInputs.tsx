import type { LocalizedText } from '../../../shared/forms/form-definition.ts';
import { LANGUAGES } from '../i18n/i18n.ts';

/**
 * One text in every language the SPA speaks, an input each (typed in that language's script and direction).
 * English is required by the form definition; an emptied translation is left out, so English shows instead.
 */
export function TranslatedInputs({ id, label, value, onChange }: {
  id: string;
  label: string;
  value: Partial<LocalizedText>;
  onChange: (next: LocalizedText) => void;
}) {
  return (
    <>
      {LANGUAGES.map((language) => (
        <div key={language.code} className="row">
          <label htmlFor={`${id}-${language.code}`}>
            {label} (<span lang={language.code}>{language.name}</span>)
          </label>
          <input
            id={`${id}-${language.code}`}
            lang={language.code}
            dir="auto"
            value={value[language.code] ?? ''}
            onChange={(event) => onChange({ ...value, en: value.en ?? '', [language.code]: language.code === 'en' ? event.target.value : event.target.value || undefined } as LocalizedText)}
          />
        </div>
      ))}
    </>
  );
}
