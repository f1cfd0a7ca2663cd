import { useState, type ReactElement } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Locale } from '../../../shared/schemas/common.ts';
import { TenantKind, TenantOnboardingInput, type Tenant } from '../../../shared/schemas/tenant.ts';
import { api } from '../app/api.ts';
import { usePageHeading } from '../app/use-page-heading.ts';
import { parseForm, optional, type FieldErrors } from '../cases/parse-form.ts';
import { postChange } from '../cases/case-api.ts';

type Registration = Tenant & { version: number };

/** The platform console: the tenant registry and the onboarding wizard. No case data here, ever. */
export default function TenantsPage() {
  const { t } = useTranslation();
  const heading = usePageHeading();
  const queries = useQueryClient();
  const tenants = useQuery({ queryKey: ['tenants'], queryFn: async () => (await api<Registration[]>('/api/v1/platform/tenants?limit=100')).data });
  const setStatus = useMutation({
    mutationFn: (tenant: Registration) =>
      api(`/api/v1/platform/tenants/${tenant.id}`, { method: 'PATCH', body: { status: tenant.status === 'active' ? 'suspended' : 'active' }, headers: { 'if-match': `"${tenant.version}"` } }),
    onSettled: () => queries.invalidateQueries({ queryKey: ['tenants'] }),
  });
  return (
    <section>
      <h1 ref={heading} tabIndex={-1}>{t('platform.title')}</h1>
      {tenants.isPending && <p role="status">{t('common.loading')}</p>}
      {tenants.data && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('platform.title')}>
          <table>
            <thead><tr><th scope="col">{t('platform.id')}</th><th scope="col">{t('platform.name')}</th><th scope="col">{t('platform.kind')}</th><th scope="col">{t('platform.parent')}</th><th scope="col">{t('platform.status')}</th><th scope="col" /></tr></thead>
            <tbody>
              {tenants.data.map((tenant) => (
                <tr key={tenant.id}>
                  <td><code>{tenant.id}</code></td><td>{tenant.name}</td><td>{t(`platform.kinds.${tenant.kind}`)}</td><td>{tenant.parentId ?? '—'}</td>
                  <td>{t(`platform.statuses.${tenant.status}`)}</td>
                  <td><button type="button" className="secondary small" onClick={() => setStatus.mutate(tenant)}>{tenant.status === 'active' ? t('platform.suspend') : t('platform.reactivate')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <OnboardingWizard parents={tenants.data ?? []} />
    </section>
  );
}

function OnboardingWizard({ parents }: { parents: Registration[] }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<{ tenant: string; username: string; temporaryPassword?: string }>();
  const [failed, setFailed] = useState<string>();
  const submit = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const parsed = parseForm(TenantOnboardingInput, {
      id: data.get('id'), name: data.get('name'), kind: data.get('kind'), parentId: optional(data.get('parentId')),
      region: data.get('region'), locales: data.getAll('locales'),
      admin: { username: data.get('adminUsername'), displayName: data.get('adminName'), email: optional(data.get('adminEmail')) },
    });
    setErrors(parsed.errors ?? {});
    setFailed(undefined);
    if (!parsed.data) return;
    try {
      const created = await postChange<{ tenant: Tenant; admin: { username: string; temporaryPassword?: string } }>('/api/v1/platform/tenants', parsed.data);
      setResult({ tenant: created.tenant.id, username: created.admin.username, temporaryPassword: created.admin.temporaryPassword });
      form.reset();
      void queries.invalidateQueries({ queryKey: ['tenants'] });
    } catch (error) {
      setFailed((error as Error).message);
    }
  };
  const field = (name: string, label: string, input: ReactElement) => (
    <>
      <label htmlFor={`onboard-${name}`}>{label}</label>
      {input}
      {errors[name] && <p className="field-error">{t('errors.generic')}</p>}
    </>
  );
  return (
    <form className="form" onSubmit={(event) => { event.preventDefault(); void submit(event.currentTarget); }} noValidate>
      <h2>{t('platform.onboard')}</h2>
      <fieldset>
        <legend>{t('platform.tenant')}</legend>
        {field('id', t('platform.id'), <input id="onboard-id" name="id" placeholder="vn-ht" spellCheck={false} />)}
        {field('name', t('platform.name'), <input id="onboard-name" name="name" />)}
        {field('kind', t('platform.kind'), <select id="onboard-kind" name="kind">{TenantKind.options.map((k) => <option key={k} value={k}>{t(`platform.kinds.${k}`)}</option>)}</select>)}
        {field('parentId', t('platform.parent'), <select id="onboard-parentId" name="parentId"><option value="">—</option>{parents.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}</select>)}
        {field('region', t('platform.region'), <input id="onboard-region" name="region" defaultValue="ap-southeast-1" />)}
        <p className="muted">{t('platform.locales')}</p>
        <div className="radio-row">
          {Locale.options.map((locale) => <label key={locale} className="checkbox"><input type="checkbox" name="locales" value={locale} defaultChecked={locale === 'en'} />{locale}</label>)}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('platform.firstAdmin')}</legend>
        {field('admin.username', t('login.username'), <input id="onboard-admin.username" name="adminUsername" spellCheck={false} />)}
        {field('admin.displayName', t('users.displayName'), <input id="onboard-admin.displayName" name="adminName" />)}
        {field('admin.email', t('users.email'), <input id="onboard-admin.email" name="adminEmail" type="email" />)}
      </fieldset>
      {failed && <p role="alert" className="error">{failed}</p>}
      {result && (
        <p role="status" className="notice">
          {t('platform.onboarded', { tenant: result.tenant, username: result.username })}
          {result.temporaryPassword && <> {t('users.oneTimePassword')}: <code data-testid="temporary-password">{result.temporaryPassword}</code></>}
        </p>
      )}
      <button type="submit">{t('platform.onboardSubmit')}</button>
    </form>
  );
}
