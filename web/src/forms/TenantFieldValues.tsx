import { useTranslation } from 'react-i18next';
import { formFields } from '../../../shared/forms/form-definition.ts';
import { formatDate } from '../app/format.ts';
import { localized, useCaseForm, useLookups } from './form-api.ts';

/** A case's tenant form answers as `<dt>/<dd>` pairs, labelled in the active language, in the form's order. */
export function TenantFieldValues({ values }: { values: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const definition = useCaseForm().data?.definition;
  const locations = useLookups().data?.locations ?? [];
  if (!definition) return null;
  const language = i18n.language;
  const show = (id: string, value: unknown): string => {
    const field = formFields(definition).find((candidate) => candidate.id === id);
    const option = (code: unknown) => localized(field?.options?.find((o) => o.value === code)?.label, language) || String(code);
    if (typeof value === 'boolean') return t(value ? 'forms.yes' : 'forms.no');
    if (typeof value === 'number') return new Intl.NumberFormat(language).format(value);
    if (Array.isArray(value)) return value.map(option).join(', ');
    if (field?.type === 'date' && typeof value === 'string') return formatDate(value, language);
    if (field?.type === 'location') return locations.find((location) => location.id === value)?.name ?? String(value);
    return field?.options ? option(value) : String(value);
  };
  return (
    <>
      {formFields(definition)
        .filter((field) => values[field.id] !== undefined)
        .map((field) => (
          <div key={field.id} className="contents">
            <dt>{localized(field.label, language)}</dt>
            <dd>{show(field.id, values[field.id])}</dd>
          </div>
        ))}
    </>
  );
}
