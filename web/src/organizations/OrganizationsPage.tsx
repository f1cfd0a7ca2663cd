import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../shared/schemas/organization.ts';
import { api } from '../app/api.ts';
import { usePageHeading } from '../app/use-page-heading.ts';
import { fetchOrganizations } from '../referrals/referral-api.ts';
import { OrganizationForm } from './OrganizationForm.tsx';

/** The tenant admin's partner directory: who the tenant refers to, what they offer, who is active. */
export default function OrganizationsPage() {
  const { t } = useTranslation();
  const heading = usePageHeading();
  const organizations = useQuery({ queryKey: ['organizations'], queryFn: fetchOrganizations });
  return (
    <section>
      <h1 ref={heading} tabIndex={-1}>{t('organizations.title')}</h1>
      {organizations.isPending && <p role="status">{t('common.loading')}</p>}
      {organizations.isError && <p role="alert" className="error">{t('common.error')}</p>}
      <ul className="record-list">
        {organizations.data?.map((organization) => <OrganizationEntry key={organization.id} organization={organization} />)}
      </ul>
      <details className="action">
        <summary>{t('organizations.add')}</summary>
        <OrganizationForm />
      </details>
    </section>
  );
}

function OrganizationEntry({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => api(`/api/v1/organizations/${organization.id}`, { method: 'PATCH', body: { active: !organization.active }, headers: { 'if-match': `"${organization.version}"` } }),
    onSettled: () => queries.invalidateQueries({ queryKey: ['organizations'] }),
  });
  return (
    <li>
      <p>
        <strong>{organization.name}</strong> <span className="muted small">({t(`organizationKind.${organization.kind}`)} · {organization.id})</span>{' '}
        {!organization.active && <span className="status status-revoked">{t('organizations.inactive')}</span>}
      </p>
      {organization.description && <p className="prose">{organization.description}</p>}
      <ul>
        {organization.services.map((service) => (
          <li key={service.id}>{service.name}{service.eligibility && <span className="muted small"> · {service.eligibility}</span>}</li>
        ))}
      </ul>
      <button type="button" className="secondary small" disabled={toggle.isPending} onClick={() => toggle.mutate()}>
        {organization.active ? t('organizations.deactivate') : t('organizations.activate')}
      </button>
      {toggle.isError && <p role="alert" className="error">{t('common.error')}</p>}
    </li>
  );
}
