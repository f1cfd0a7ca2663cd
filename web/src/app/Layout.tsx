import { NavLink, Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { session } from './session.ts';
import { useCan, useMe } from './use-me.ts';
import { LanguagePicker } from './LanguagePicker.tsx';
import { TenantSwitcher } from './TenantSwitcher.tsx';
import { NotificationBadge } from '../referrals/NotificationBadge.tsx';

export function Layout() {
  const { t } = useTranslation();
  const me = useMe().data;
  const canRegister = useCan('case.create');
  const canReviewApprovals = useCan('approval.list');
  const canListCases = useCan('case.list');
  const canManageTenants = useCan('tenant.manage');
  const canManageUsers = useCan('user.manage');
  const canListReferrals = useCan('referral.list');
  const canDecideTransfers = useCan('transfer.decide');
  const canManageOrganizations = useCan('organization.manage');
  const canReadReports = useCan('report.read');
  const canImport = useCan('import.create');
  const canManageForms = useCan('form.manage');
  const canManageUnits = useCan('unit.manage');
  const navigate = useNavigate();
  const queries = useQueryClient();
  const signOut = () => {
    session.clear();
    queries.clear();
    void navigate('/login');
  };
  return (
    <>
      <a className="skip-link" href="#main">{t('app.skip')}</a>
      <header className="app-header">
        <span className="brand">{t('app.name')}</span>
        <nav aria-label={t('nav.main')}>
          {canReadReports && <NavLink to="/dashboard">{t('nav.dashboard')}</NavLink>}
          {canListCases && <NavLink to="/cases" end>{t('nav.caseload')}</NavLink>}
          {canRegister && <NavLink to="/cases/new">{t('nav.register')}</NavLink>}
          {canReviewApprovals && <NavLink to="/approvals">{t('nav.approvals')}</NavLink>}
          {canListReferrals && <NavLink to="/referrals">{t('nav.referrals')} <NotificationBadge /></NavLink>}
          {canDecideTransfers && <NavLink to="/transfers">{t('nav.transfers')}</NavLink>}
          {canReadReports && <NavLink to="/reports">{t('nav.reports')}</NavLink>}
          {canImport && <NavLink to="/imports/new">{t('nav.import')}</NavLink>}
          {canManageUnits && <NavLink to="/admin/units">{t('nav.units')}</NavLink>}
          {canManageUsers && <NavLink to="/admin/users">{t('nav.users')}</NavLink>}
          {canManageOrganizations && <NavLink to="/admin/organizations">{t('nav.organizations')}</NavLink>}
          {canManageForms && <NavLink to="/admin/forms">{t('nav.forms')}</NavLink>}
          {canManageTenants && <NavLink to="/platform">{t('nav.tenants')}</NavLink>}
        </nav>
        <div className="session">
          {me && <span className="who">{t('nav.signedInAs', { name: me.displayName, tenant: me.tenant.name })}</span>}
          <TenantSwitcher />
          <LanguagePicker />
          <button type="button" className="link-button" onClick={signOut}>{t('nav.signOut')}</button>
        </div>
      </header>
      <main id="main">
        <Outlet />
      </main>
    </>
  );
}
