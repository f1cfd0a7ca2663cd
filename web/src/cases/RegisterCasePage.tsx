import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CaseInput, DEFAULT_CATEGORY_CODES, RISK_LEVELS, SEXES, type Case } from '../../../shared/schemas/case.ts';
import { api, ApiError } from '../app/api.ts';
import { usePageHeading } from '../app/use-page-heading.ts';
import { FieldError, SERVER_ERROR } from './FieldError.tsx';
import { compileFormSchema } from '../../../shared/forms/compile.ts';
import { DEFAULT_FORM } from '../../../shared/forms/form-definition.ts';
import { TenantFormFields } from '../forms/TenantFormFields.tsx';
import { useCaseForm, useLookups } from '../forms/form-api.ts';
import { PossibleDuplicates, type PossibleDuplicate } from './PossibleDuplicates.tsx';
import { UnitPicker } from '../units/UnitPicker.tsx';
import { useScopeUnits } from '../units/unit-api.ts';

/** Server paths (`child.fullName`) are the form's field names, so server errors land on the right field. */
const FIELD_NAMES = ['child.fullName', 'child.sex', 'child.dateOfBirth', 'child.location', 'categories', 'riskLevel', 'unitId'] as const;
type FieldName = (typeof FIELD_NAMES)[number];

/** The element id of a field, and of its error message (`<id>-error`). */
const idOf = (name: FieldName) => name.replace(/^child\./, '');
const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

export default function RegisterCasePage() {
  const { t } = useTranslation();
  const heading = usePageHeading();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const definition = useCaseForm().data?.definition ?? DEFAULT_FORM;
  const locations = useLookups().data?.locations;
  // The core fields and the tenant's own, validated by the same compiled schema the API uses.
  const schema = useMemo(() => CaseInput.extend({ fields: compileFormSchema(definition).optional() }), [definition]);
  const { register, handleSubmit, setError, getFieldState, formState, control } = useForm<CaseInput>({
    resolver: zodResolver(schema),
    shouldUnregister: true,
    defaultValues: { child: { fullName: '', sex: 'unknown' }, categories: [], riskLevel: 'medium', fields: {} },
  });
  const fieldValues = useWatch({ control, name: 'fields' }) ?? {};
  // The unit the case is registered in: the user's own unit unless they choose one below it.
  const scope = useScopeUnits();
  const [created, setCreated] = useState<{ kase: Case; duplicates: PossibleDuplicate[] } | null>(null);
  // A refusal no field can show (a tenant form field, an outage) is announced above the button instead.
  const [unplacedError, setUnplacedError] = useState(false);
  const create = useMutation({
    mutationFn: async (input: CaseInput) => await api<Case>('/api/v1/cases', { method: 'POST', body: input }),
    onMutate: () => setUnplacedError(false),
    onSuccess: ({ data: kase, meta }) => {
      void queries.invalidateQueries({ queryKey: ['cases'] });
      const duplicates = (meta?.possibleDuplicates as PossibleDuplicate[] | undefined) ?? [];
      // Possible duplicates are shown before leaving the page, so the caseworker can check them.
      if (duplicates.length > 0) setCreated({ kase, duplicates });
      else void navigate(`/cases/${kase.id}`);
    },
    onError: (error) => {
      const details = error instanceof ApiError ? error.details : [];
      let placedAll = details.length > 0;
      for (const detail of details) {
        const field = FIELD_NAMES.find((name) => detail.path === name || detail.path.startsWith(`${name}.`));
        const tenantField = /^fields\.([a-zA-Z][a-zA-Z0-9_]*)/.exec(detail.path)?.[1];
        if (field) setError(field, { type: SERVER_ERROR, message: detail.message }, { shouldFocus: true });
        else if (tenantField) setError(`fields.${tenantField}`, { type: SERVER_ERROR, message: detail.message }, { shouldFocus: true });
        else placedAll = false;
      }
      setUnplacedError(!placedAll);
    },
  });
  const errorOf = (name: FieldName) => getFieldState(name, formState).error;
  const describedBy = (name: FieldName) =>
    errorOf(name) ? { 'aria-invalid': true, 'aria-describedby': `${idOf(name)}-error` } : {};
  const errorFor = (name: FieldName, messageKey?: string) => (
    <FieldError id={`${idOf(name)}-error`} error={errorOf(name)} messageKey={messageKey} />
  );

  const tenantErrorOf = (id: string) => getFieldState(`fields.${id}`, formState).error;

  if (created) return <PossibleDuplicates kase={created.kase} duplicates={created.duplicates} />;
  return (
    <section>
      <h1 ref={heading} tabIndex={-1}>{t('register.title')}</h1>
      <form className="form" onSubmit={(event) => void handleSubmit((input) => create.mutate(input))(event)} noValidate>
        <fieldset>
          <legend>{t('register.child')}</legend>
          <label htmlFor="fullName">{t('register.fullName')}</label>
          <input id="fullName" autoComplete="off" aria-required="true" {...register('child.fullName')} {...describedBy('child.fullName')} />
          {errorFor('child.fullName', 'errors.fullName')}

          <label htmlFor="sex">{t('register.sex')}</label>
          <select id="sex" {...register('child.sex')} {...describedBy('child.sex')}>
            {SEXES.map((sex) => <option key={sex} value={sex}>{t(`sex.${sex}`)}</option>)}
          </select>
          {errorFor('child.sex')}

          <label htmlFor="dateOfBirth">{t('register.dateOfBirth')}</label>
          <input id="dateOfBirth" type="date" {...register('child.dateOfBirth', { setValueAs: emptyToUndefined })} {...describedBy('child.dateOfBirth')} />
          {errorFor('child.dateOfBirth', 'errors.dateOfBirth')}

          <label htmlFor="location">{t('register.location')}</label>
          <input id="location" {...register('child.location', { setValueAs: emptyToUndefined })} {...describedBy('child.location')} />
          {errorFor('child.location')}
        </fieldset>

        <fieldset {...describedBy('categories')}>
          <legend>{t('register.categories')}</legend>
          <div className="checkbox-grid">
            {DEFAULT_CATEGORY_CODES.map((code) => (
              <label key={code} className="checkbox">
                <input type="checkbox" value={code} {...register('categories')} />
                {t(`category.${code}`)}
              </label>
            ))}
          </div>
          {errorFor('categories', 'errors.categories')}
        </fieldset>

        <fieldset {...describedBy('riskLevel')}>
          <legend>{t('register.riskLevel')}</legend>
          <div className="radio-row">
            {RISK_LEVELS.map((level) => (
              <label key={level} className="checkbox">
                <input type="radio" value={level} {...register('riskLevel')} />
                {t(`risk.${level}`)}
              </label>
            ))}
          </div>
          {errorFor('riskLevel')}
        </fieldset>

        <fieldset>
          <legend>{t('register.unitSection')}</legend>
          <UnitPicker
            id="unitId"
            label={t('register.unit')}
            defaultValue={scope.homeUnitId}
            {...register('unitId', { setValueAs: emptyToUndefined })}
            invalid={errorOf('unitId') !== undefined}
            describedBy={errorOf('unitId') ? 'unitId-error' : undefined}
          />
          {errorFor('unitId', 'errors.unit')}
        </fieldset>

        <TenantFormFields definition={definition} values={fieldValues} register={register} errorOf={tenantErrorOf} locations={locations} />

        {unplacedError && <p role="alert" className="error">{t('common.error')}</p>}
        <button type="submit" disabled={create.isPending}>{create.isPending ? t('register.saving') : t('register.submit')}</button>
      </form>
    </section>
  );
}
