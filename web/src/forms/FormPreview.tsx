import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseInput } from '../../../shared/schemas/case.ts';
import type { FormSection } from '../../../shared/forms/form-definition.ts';
import { TenantFormFields } from './TenantFormFields.tsx';
import { useLookups } from './form-api.ts';

/** The form as the register page renders it (same component), live while the admin edits. */
export function FormPreview({ sections }: { sections: FormSection[] }) {
  const { t } = useTranslation();
  const { register, control } = useForm<CaseInput>({ shouldUnregister: true, defaultValues: { fields: {} } });
  const values = useWatch({ control, name: 'fields' }) ?? {};
  const locations = useLookups().data?.locations;
  return (
    <section className="preview form" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('forms.preview')}</h2>
      <TenantFormFields definition={{ sections }} values={values} register={register} errorOf={() => undefined} locations={locations} idPrefix="preview" />
    </section>
  );
}
