import { useTranslation } from 'react-i18next';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { LANGUAGES, type LanguageCode } from '../i18n/i18n.ts';
import { useMe } from '../app/use-me.ts';
import type { UnitFormValues } from './unit-form.ts';

/** English (required: the fallback everywhere) and then each other language the tenant works in. */
export function useTenantLanguages(): LanguageCode[] {
  const locales = useMe().data?.tenant.locales ?? [];
  return ['en', ...LANGUAGES.map((language) => language.code).filter((code) => code !== 'en' && locales.includes(code))];
}

/** A unit's name in each of the tenant's languages, each input typed in its own script and direction. */
export function UnitNameInputs({ idPrefix, register, errors }: { idPrefix: string; register: UseFormRegister<UnitFormValues>; errors: FieldErrors<UnitFormValues> }) {
  const { t } = useTranslation();
  const languages = useTenantLanguages();
  return (
    <fieldset>
      <legend>{t('units.name')}</legend>
      {languages.map((code) => {
        const id = `${idPrefix}-name-${code}`;
        const error = errors.name?.[code];
        return (
          <div key={code} className="unit-name">
            <label htmlFor={id}>{t('units.nameIn', { language: LANGUAGES.find((language) => language.code === code)!.name })}</label>
            <input
              id={id}
              lang={code}
              dir="auto"
              autoComplete="off"
              aria-required={code === 'en' || undefined}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              {...register(`name.${code}`)}
            />
            {error && <p id={`${id}-error`} className="field-error">{t(code === 'en' ? 'units.errors.nameEn' : 'errors.generic')}</p>}
          </div>
        );
      })}
    </fieldset>
  );
}
