import { useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import * as z from 'zod';
import { ORGANIZATION_KINDS, OrganizationInput } from '../../../shared/schemas/organization.ts';
import { api, ApiError } from '../app/api.ts';

/** Lists are typed comma-separated. */
const list = (text: string) => text.split(',').map((item) => item.trim()).filter(Boolean);
/** A service's id from its name: ASCII slug, or a numbered fallback for names in other scripts. */
const slug = (name: string, index: number) =>
  name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').replace(/^(?![a-z])/, 's-').slice(0, 60) || `service-${index + 1}`;

const FormValues = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  description: z.string(),
  services: z.array(z.object({ name: z.string(), eligibility: z.string(), areaServed: z.string(), languages: z.string() })),
});
type FormValues = z.infer<typeof FormValues>;

/** What the API takes, from what the form holds: the shared schema validates both sides the same way. */
const toInput = (values: FormValues) => OrganizationInput.safeParse({
  id: values.id,
  name: values.name,
  kind: values.kind,
  ...(values.description.trim() ? { description: values.description } : {}),
  services: values.services.map((service, index) => ({
    id: slug(service.name, index),
    name: service.name,
    ...(service.eligibility.trim() ? { eligibility: service.eligibility } : {}),
    areaServed: list(service.areaServed),
    languages: list(service.languages),
  })),
});

export function OrganizationForm() {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const { register, control, handleSubmit, reset, setError, formState: { errors } } = useForm<FormValues>({
    resolver: zodResolver(FormValues),
    defaultValues: { id: '', name: '', kind: 'ngo', description: '', services: [{ name: '', eligibility: '', areaServed: '', languages: '' }] },
  });
  const services = useFieldArray({ control, name: 'services' });
  const create = useMutation({
    mutationFn: async (input: OrganizationInput) => (await api('/api/v1/organizations', { method: 'POST', body: input })).data,
    onSuccess: () => {
      reset();
      void queries.invalidateQueries({ queryKey: ['organizations'] });
    },
    onError: (error) => {
      for (const detail of error instanceof ApiError ? error.details : []) setError(detail.path.split('.')[0] as 'id', { message: detail.message });
    },
  });
  const submit = handleSubmit((values) => {
    const parsed = toInput(values);
    if (parsed.success) create.mutate(parsed.data);
    else for (const issue of parsed.error.issues) setError(String(issue.path[0] ?? 'id') as 'id', { message: issue.message });
  });
  const problem = (name: 'id' | 'name' | 'services') => errors[name] && <p id={`org-${name}-error`} className="field-error">{t(`organizations.errors.${name}`)}</p>;
  const described = (name: 'id' | 'name' | 'services') => (errors[name] ? { 'aria-invalid': true, 'aria-describedby': `org-${name}-error` } : {});
  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor="org-name">{t('organizations.name')}</label>
      <input id="org-name" {...register('name')} {...described('name')} />
      {problem('name')}
      <label htmlFor="org-id">{t('organizations.id')}</label>
      <input id="org-id" {...register('id')} {...described('id')} autoCapitalize="none" spellCheck={false} />
      {problem('id')}
      <label htmlFor="org-kind">{t('organizations.kind')}</label>
      <select id="org-kind" {...register('kind')}>
        {ORGANIZATION_KINDS.map((kind) => <option key={kind} value={kind}>{t(`organizationKind.${kind}`)}</option>)}
      </select>
      <label htmlFor="org-description">{t('organizations.description')}</label>
      <textarea id="org-description" rows={2} {...register('description')} />
      {services.fields.map((field, index) => (
        <fieldset key={field.id}>
          <legend>{t('organizations.service', { number: index + 1 })}</legend>
          <label htmlFor={`svc-${index}-name`}>{t('organizations.serviceName')}</label>
          <input id={`svc-${index}-name`} {...register(`services.${index}.name`)} />
          <label htmlFor={`svc-${index}-eligibility`}>{t('organizations.eligibility')}</label>
          <input id={`svc-${index}-eligibility`} {...register(`services.${index}.eligibility`)} />
          <label htmlFor={`svc-${index}-area`}>{t('organizations.areaServed')}</label>
          <input id={`svc-${index}-area`} {...register(`services.${index}.areaServed`)} />
          <label htmlFor={`svc-${index}-languages`}>{t('organizations.languages')}</label>
          <input id={`svc-${index}-languages`} {...register(`services.${index}.languages`)} />
          <button type="button" className="link-button" onClick={() => services.remove(index)}>{t('organizations.removeService')}</button>
        </fieldset>
      ))}
      {problem('services')}
      <button type="button" className="secondary" onClick={() => services.append({ name: '', eligibility: '', areaServed: '', languages: '' })}>{t('organizations.addService')}</button>
      {create.isError && Object.keys(errors).length === 0 && <p role="alert" className="error">{t('common.error')}</p>}
      <button type="submit" disabled={create.isPending}>{t('organizations.save')}</button>
    </form>
  );
}
