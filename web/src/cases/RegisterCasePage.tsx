import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CaseInput, DEFAULT_CATEGORY_CODES, RISK_LEVELS, SEXES, type Case } from '../../../shared/schemas/case.ts';
import { api, ApiError } from '../app/api.ts';
import { usePageHeading } from '../app/use-page-heading.ts';
import { FieldError } from './FieldError.tsx';

/** Server paths (`child.fullName`) are the form's field names, so server errors land on the right field. */
type FieldName = 'child.fullName' | 'child.sex' | 'child.dateOfBirth' | 'child.location' | 'categories' | 'riskLevel';
const FIELD_NAMES: FieldName[] = ['child.fullName', 'child.sex', 'child.dateOfBirth', 'child.location', 'categories', 'riskLevel'];
const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

export default function RegisterCasePage() {
  const { t } = useTranslation();
  const heading = usePageHeading();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { register, handleSubmit, setError, formState: { errors } } = useForm<CaseInput>({
    resolver: zodResolver(CaseInput),
    defaultValues: { child: { fullName: '', sex: 'unknown' }, categories: [], riskLevel: 'medium' },
  });
  const create = useMutation({
    mutationFn: async (input: CaseInput) => (await api<Case>('/api/v1/cases', { method: 'POST', body: input })).data,
    onSuccess: (kase) => {
      void queries.invalidateQueries({ queryKey: ['cases'] });
      void navigate(`/cases/${kase.id}`);
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      for (const detail of error.details) {
        const field = FIELD_NAMES.find((name) => detail.path === name || detail.path.startsWith(`${name}.`));
        if (field) setError(field, { message: detail.message });
      }
    },
  });
  const describedBy = (id: string, invalid: boolean) => (invalid ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {});

  return (
    <section>
      <h1 ref={heading} tabIndex={-1}>{t('register.title')}</h1>
      <form className="form" onSubmit={(event) => void handleSubmit((input) => create.mutate(input))(event)} noValidate>
        <fieldset>
          <legend>{t('register.child')}</legend>
          <label htmlFor="fullName">{t('register.fullName')}</label>
          <input id="fullName" autoComplete="off" {...register('child.fullName')} {...describedBy('fullName', !!errors.child?.fullName)} />
          <FieldError id="fullName-error" error={errors.child?.fullName} messageKey="errors.fullName" />

          <label htmlFor="sex">{t('register.sex')}</label>
          <select id="sex" {...register('child.sex')}>
            {SEXES.map((sex) => <option key={sex} value={sex}>{t(`sex.${sex}`)}</option>)}
          </select>

          <label htmlFor="dateOfBirth">{t('register.dateOfBirth')}</label>
          <input id="dateOfBirth" type="date" {...register('child.dateOfBirth', { setValueAs: emptyToUndefined })} {...describedBy('dateOfBirth', !!errors.child?.dateOfBirth)} />
          <FieldError id="dateOfBirth-error" error={errors.child?.dateOfBirth} messageKey="errors.dateOfBirth" />

          <label htmlFor="location">{t('register.location')}</label>
          <input id="location" {...register('child.location', { setValueAs: emptyToUndefined })} />
        </fieldset>

        <fieldset {...describedBy('categories', !!errors.categories)}>
          <legend>{t('register.categories')}</legend>
          <div className="checkbox-grid">
            {DEFAULT_CATEGORY_CODES.map((code) => (
              <label key={code} className="checkbox">
                <input type="checkbox" value={code} {...register('categories')} />
                {t(`category.${code}`)}
              </label>
            ))}
          </div>
          <FieldError id="categories-error" error={errors.categories} messageKey="errors.categories" />
        </fieldset>

        <fieldset>
          <legend>{t('register.riskLevel')}</legend>
          <div className="radio-row">
            {RISK_LEVELS.map((level) => (
              <label key={level} className="checkbox">
                <input type="radio" value={level} {...register('riskLevel')} />
                {t(`risk.${level}`)}
              </label>
            ))}
          </div>
        </fieldset>

        {create.isError && !(create.error instanceof ApiError && create.error.details.length > 0) && (
          <p role="alert" className="error">{t('common.error')}</p>
        )}
        <button type="submit" disabled={create.isPending}>{create.isPending ? t('register.saving') : t('register.submit')}</button>
      </form>
    </section>
  );
}
