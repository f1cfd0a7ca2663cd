import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import * as z from 'zod';
import type { Case, CaseInput } from '../../../shared/schemas/case.ts';
import { compileFormSchema } from '../../../shared/forms/compile.ts';
import { api, ApiError } from '../app/api.ts';
import { SERVER_ERROR } from '../cases/FieldError.tsx';
import { TenantFormFields } from './TenantFormFields.tsx';
import { useCaseForm, useLookups } from './form-api.ts';

/**
 * Edits the case's answers to the tenant's own form, validated by the same compiled schema as registration and
 * the API; sent as a PATCH with If-Match on the version shown. A hidden field is neither required nor sent.
 */
export function EditTenantFields({ kase }: { kase: Case }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const form = useCaseForm().data?.definition;
  const locations = useLookups().data?.locations;
  const schema = useMemo(() => z.object({ fields: form ? compileFormSchema(form) : z.record(z.string(), z.unknown()) }), [form]);
  const { register, handleSubmit, setError, getFieldState, formState, control } = useForm<CaseInput>({
    resolver: zodResolver(schema) as never,
    shouldUnregister: true,
    defaultValues: { fields: kase.fields } as CaseInput,
  });
  const values = useWatch({ control, name: 'fields' }) ?? {};
  const [problem, setProblem] = useState<string | undefined>();
  if (!form || form.sections.length === 0) return null;
  const save = handleSubmit(async ({ fields }) => {
    setProblem(undefined);
    try {
      await api(`/api/v1/cases/${kase.id}`, { method: 'PATCH', body: { fields }, headers: { 'if-match': `"${kase.version}"` } });
      await queries.invalidateQueries({ queryKey: ['case', kase.id] });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) return setProblem('referrals.changed');
      const details = error instanceof ApiError ? error.details : [];
      for (const detail of details) {
        const id = /^fields\.([a-zA-Z][a-zA-Z0-9_]*)/.exec(detail.path)?.[1];
        if (id) setError(`fields.${id}`, { type: SERVER_ERROR, message: detail.message }, { shouldFocus: true });
      }
      if (details.length === 0) setProblem('common.error');
    }
  });
  return (
    <details className="action">
      <summary>{t('forms.editAnswers')}</summary>
      <form className="form" noValidate onSubmit={(event) => void save(event)}>
        <TenantFormFields definition={form} values={values} register={register} locations={locations} idPrefix="edit-field"
          errorOf={(id) => getFieldState(`fields.${id}`, formState).error} />
        {problem && <p role="alert" className="error">{t(problem)}</p>}
        <button type="submit" disabled={formState.isSubmitting}>{t('actions.save')}</button>
      </form>
    </details>
  );
}
