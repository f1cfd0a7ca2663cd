import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryClient } from './query-client.ts';
import { Layout } from './Layout.tsx';
import { RequireSession } from './RequireSession.tsx';
import { LoginPage } from '../auth/LoginPage.tsx';
import { HomeRedirect } from './HomeRedirect.tsx';

// Screens behind sign-in load on demand, so the login page stays small on slow connections.
const CaseloadPage = lazy(() => import('../cases/CaseloadPage.tsx'));
const RegisterCasePage = lazy(() => import('../cases/RegisterCasePage.tsx'));
const CasePage = lazy(() => import('../cases/CasePage.tsx'));
const ApprovalsPage = lazy(() => import('../approvals/ApprovalsPage.tsx'));
const TenantsPage = lazy(() => import('../platform/TenantsPage.tsx'));
const UsersPage = lazy(() => import('../admin/UsersPage.tsx'));
const ReferralsPage = lazy(() => import('../referrals/ReferralsPage.tsx'));
const ReferralPage = lazy(() => import('../referrals/ReferralPage.tsx'));
const OrganizationsPage = lazy(() => import('../organizations/OrganizationsPage.tsx'));
const TransfersPage = lazy(() => import('../transfers/TransfersPage.tsx'));
const DashboardPage = lazy(() => import('../dashboard/DashboardPage.tsx'));
const ReportsPage = lazy(() => import('../reports/ReportsPage.tsx'));
const ImportPage = lazy(() => import('../imports/ImportPage.tsx'));
const FormBuilderPage = lazy(() => import('../forms/FormBuilderPage.tsx'));
const UnitsPage = lazy(() => import('../units/UnitsPage.tsx'));

function Loading() {
  const { t } = useTranslation();
  return <p role="status">{t('common.loading')}</p>;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route element={<RequireSession><Layout /></RequireSession>}>
              <Route index element={<HomeRedirect />} />
              <Route path="/cases" element={<CaseloadPage />} />
              <Route path="/cases/new" element={<RegisterCasePage />} />
              <Route path="/cases/:id" element={<CasePage />} />
              <Route path="/approvals" element={<ApprovalsPage />} />
              <Route path="/platform" element={<TenantsPage />} />
              <Route path="/admin/users" element={<UsersPage />} />
              <Route path="/admin/organizations" element={<OrganizationsPage />} />
              <Route path="/referrals" element={<ReferralsPage />} />
              <Route path="/transfers" element={<TransfersPage />} />
              <Route path="/referrals/:id" element={<ReferralPage />} />
              <Route path="/dashboard" element={<DashboardPage />} />
              <Route path="/reports" element={<ReportsPage />} />
              <Route path="/imports/new" element={<ImportPage />} />
              <Route path="/admin/forms" element={<FormBuilderPage />} />
              <Route path="/admin/units" element={<UnitsPage />} />
            </Route>
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
