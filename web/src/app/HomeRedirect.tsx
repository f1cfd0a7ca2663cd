import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from './use-me.ts';

/**
 * Each role lands where its work is: managers (who read reports but do not work cases) on the dashboard,
 * operators on tenants, tenant admins on users, partners on their inbox, everyone else on cases.
 */
export function HomeRedirect() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return <p role="status">{t('common.loading')}</p>;
  const can = (action: string) => me.data.permissions.some((p) => p === action);
  if (can('report.read') && !can('case.work')) return <Navigate to="/dashboard" replace />;
  if (can('case.list')) return <Navigate to="/cases" replace />;
  if (can('referral.respond')) return <Navigate to="/referrals" replace />;
  if (can('tenant.manage')) return <Navigate to="/platform" replace />;
  if (can('user.manage')) return <Navigate to="/admin/users" replace />;
  return <p>{t('nav.nothingHere')}</p>;
}
