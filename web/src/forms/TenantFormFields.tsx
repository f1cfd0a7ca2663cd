import type { UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseInput } from '../../../shared/schemas/case.ts';
import type { FormDefinition, FormField } from '../../../shared/forms/form-definition.ts';
import { visibleFieldIds } from '../../../shared/forms/compile.ts';
import { FieldError } from '../cases/FieldError.tsx';
import { localized, type Lookups } from './form-api.ts';

interface Props {
  definition: Pick<FormDefinition, 'sections'>;
  values: Record<string, unknown>;
  register: UseFormRegister<CaseInput>;
  errorOf: (id: string) => RhfError | undefined;
  locations?: Lookups['locations'];
  /** Prefix of element ids, so a preview and a real form never share ids on one page. */
  idPrefix?: string;
}

/** What a field's error needs to be shown: the zod issue code or the server marker (see FieldError). */
type RhfError = { type?: string };

const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);
const toNumber = (value: unknown) => (value === '' || value === undefined || value === null ? undefined : Number(value));

/**
 * The tenant's sections and fields, exactly as the API defines them: labels in the active language (English
 * when untranslated), and skip logic live — a field hidden by `showIf` is not rendered, so it is unregistered
 * and never submitted (the form must use `shouldUnregister: true`).
 */
export function TenantFormFields({ definition, values, register, errorOf, locations = [], idPrefix = 'field' }: Props) {
  const { i18n } = useTranslation();
  const visible = visibleFieldIds(definition, values);
  return (
    <>
      {definition.sections.map((section) => {
        const shown = section.fields.filter((field) => visible.has(field.id));
        if (shown.length === 0) return null;
        return (
          <fieldset key={section.id} className="tenant-section">
            <legend>{localized(section.title, i18n.language)}</legend>
            {shown.map((field) => (
              <TenantField key={field.id} field={field} register={register} error={errorOf(field.id)} locations={locations} idPrefix={idPrefix} />
            ))}
          </fieldset>
        );
      })}
    </>
  );
}

interface FieldProps {
  field: FormField;
  register: UseFormRegister<CaseInput>;
  error?: RhfError;
  locations: Lookups['locations'];
  idPrefix: string;
}

function TenantField({ field, register, error, locations, idPrefix }: FieldProps) {
  const { t, i18n } = useTranslation();
  const id = `${idPrefix}-${field.id}`;
  const name = `fields.${field.id}` as const;
  const label = localized(field.label, i18n.language);
  const aria = {
    'aria-required': field.required ? true : undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  };
  const errorLine = <FieldError id={`${id}-error`} error={error} messageKey={field.required ? 'errors.required' : undefined} />;
  const optionLabel = (option: NonNullable<FormField['options']>[number]) => localized(option.label, i18n.language);

  if (field.type === 'boolean') {
    return (
      <div className="tenant-field">
        <label className="checkbox">
          <input id={id} type="checkbox" {...register(name)} {...aria} />
          {label}
        </label>
        {errorLine}
      </div>
    );
  }
  if (field.type === 'multiselect') {
    return (
      <fieldset className="tenant-field" {...aria}>
        <legend>{label}</legend>
        <div className="checkbox-grid">
          {(field.options ?? []).map((option) => (
            <label key={option.value} className="checkbox">
              <input type="checkbox" value={option.value} {...register(name)} />
              {optionLabel(option)}
            </label>
          ))}
        </div>
        {errorLine}
      </fieldset>
    );
  }
  return (
    <div className="tenant-field">
      <label htmlFor={id}>{label}</label>
      {field.type === 'select' || field.type === 'location' ? (
        <select id={id} {...register(name, { setValueAs: blankToUndefined })} {...aria}>
          <option value="">{t('forms.choose')}</option>
          {field.type === 'select'
            ? (field.options ?? []).map((option) => <option key={option.value} value={option.value}>{optionLabel(option)}</option>)
            : locations.map((location) => <option key={location.id} value={location.id}>{location.name}</option>)}
        </select>
      ) : field.type === 'textarea' ? (
        <textarea id={id} rows={3} {...register(name, { setValueAs: blankToUndefined })} {...aria} />
      ) : (
        <input
          id={id}
          type={field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text'}
          {...register(name, { setValueAs: field.type === 'number' ? toNumber : blankToUndefined })}
          {...aria}
        />
      )}
      {errorLine}
    </div>
  );
}
