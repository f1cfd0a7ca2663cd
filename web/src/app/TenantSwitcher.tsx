import { useId } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { session } from './session.ts';
import { switchTenant } from './sign-in.ts';
import { useMe } from './use-me.ts';

/** For people who work in several tenants: switch without signing out. */
export function TenantSwitcher() {
  const { t } = useTranslation();
  const id = useId();
  const me = useMe().data;
  const queries = useQueryClient();
  const memberships = session.memberships();
  if (!me || memberships.length < 2) return null;
  const choose = async (tenant: string) => {
    await switchTenant(tenant);
    queries.clear();
    window.location.assign('/');
  };
  return (
    <span className="language-picker">
      <label htmlFor={id}>{t('nav.tenant')}</label>
      <select id={id} value={me.tenant.id} onChange={(event) => void choose(event.target.value)}>
        {memberships.map((m) => <option key={m.tenantId} value={m.tenantId}>{m.tenantId}</option>)}
      </select>
    </span>
  );
}
