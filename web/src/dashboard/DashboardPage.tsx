import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RISK_LEVELS, STAGES } from '../../../shared/schemas/case.ts';
import type { ChildTenantDashboard, Dashboard } from '../../../shared/schemas/reports.ts';
import type { User } from '../../../shared/schemas/user.ts';
import { api, ApiError } from '../app/api.ts';
import { formatCount, formatDateTime } from '../app/format.ts';
import { useCan, useMe } from '../app/use-me.ts';
import { usePageHeading } from '../app/use-page-heading.ts';
import { ScrollTable } from '../app/ScrollTable.tsx';
import { BarChart } from './BarChart.tsx';
import { barsOf, categoryLabel } from './dashboard-bars.ts';
import { UnitFilter, useUnitParam } from '../units/UnitFilter.tsx';
import { ByUnit } from './ByUnit.tsx';
import { SummaryCells, summaryColumns } from './summary-row.tsx';

type View = 'tenant' | 'children';

/** The manager's overview: the tenant's counters (constant time), and its child tenants' aggregates. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const heading = usePageHeading();
  const me = useMe().data;
  const [view, setView] = useState<View>('tenant');
  // A province has no child tenants; a country or governorate may.
  const mayHaveChildren = me !== undefined && me.tenant.parentId === undefined;
  return (
    <section>
      <h1 ref={heading} tabIndex={-1}>{t('dashboard.title')}</h1>
      {mayHaveChildren && (
        <fieldset className="view-switch">
          <legend>{t('dashboard.view')}</legend>
          {(['tenant', 'children'] as const).map((option) => (
            <label key={option} className="checkbox">
              <input type="radio" name="dashboard-view" value={option} checked={view === option} onChange={() => setView(option)} />
              {option === 'tenant' ? t('dashboard.thisTenant', { tenant: me.tenant.name }) : t('dashboard.childTenants')}
            </label>
          ))}
        </fieldset>
      )}
      {view === 'tenant' ? <TenantDashboard /> : <ChildTenants />}
    </section>
  );
}

/** What the dashboard answers; `byUnit` and `recounting` may be missing from an older API. */
type UnitDashboard = Omit<Dashboard, 'unit' | 'byUnit' | 'recounting'> & Partial<Pick<Dashboard, 'unit' | 'byUnit' | 'recounting'>>;

function TenantDashboard() {
  const { t, i18n } = useTranslation();
  const canListUsers = useCan('user.list');
  const [unit] = useUnitParam();
  const query = useQuery({
    queryKey: ['dashboard', { unit }],
    queryFn: async () => (await api<UnitDashboard>(`/api/v1/reports/dashboard${unit ? `?unit=${encodeURIComponent(unit)}` : ''}`)).data,
  });
  // Workers' names when the user may see the tenant's users; their ids otherwise.
  const users = useQuery({
    queryKey: ['users'],
    enabled: canListUsers,
    queryFn: async () => (await api<User[]>('/api/v1/users?limit=100')).data,
  });
  const filters = <div className="filters"><UnitFilter /></div>;
  if (query.isPending) return <>{filters}<p role="status">{t('common.loading')}</p></>;
  if (query.isError) {
    const outside = query.error instanceof ApiError && query.error.status === 404 && unit !== undefined;
    return <>{filters}<p role="alert" className="error">{t(outside ? 'units.outsideScope' : 'common.error')}</p></>;
  }
  const data = query.data;
  const workerName = (userId: string) => users.data?.find((user) => user.userId === userId)?.displayName ?? userId;
  const count = (n: number) => formatCount(n, i18n.language);
  return (
    <>
      {filters}
      {data.recounting === true && <p className="notice" role="status">{t('dashboard.recounting')}</p>}
      <dl className="tiles">
        <div><dt>{t('dashboard.openCases')}</dt><dd data-testid="open-cases">{count(data.openCases)}</dd></div>
        <div><dt>{t('dashboard.closedCases')}</dt><dd>{count(data.closedCases)}</dd></div>
        <div className={data.overdueFollowUps > 0 ? 'tile-warn' : undefined}><dt>{t('dashboard.overdueFollowUps')}</dt><dd>{count(data.overdueFollowUps)}</dd></div>
        <div><dt>{t('dashboard.pendingApprovals')}</dt><dd>{count(data.pendingApprovals)}</dd></div>
      </dl>
      <div className="charts">
        <BarChart title={t('dashboard.byStage')} bars={barsOf(data.byStage, (stage) => t(`stage.${stage}`), STAGES)} />
        <BarChart title={t('dashboard.byRisk')} bars={barsOf(data.byRisk, (risk) => t(`risk.${risk}`), [...RISK_LEVELS].reverse())} />
        <BarChart title={t('dashboard.byCategory')} bars={barsOf(data.byCategory, categoryLabel(t))} />
        <BarChart title={t('dashboard.byWorker')} bars={barsOf(data.byWorker, workerName)} />
      </div>
      {data.byUnit && <ByUnit byUnit={data.byUnit} />}
      <p className="muted small">{t('dashboard.generatedAt', { at: formatDateTime(data.generatedAt, i18n.language) })}</p>
    </>
  );
}

/** A parent tenant's view of its child tenants: aggregates only, counts below 5 shown as "<5". */
function ChildTenants() {
  const { t, i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['dashboard', 'children'],
    queryFn: async () => (await api<{ children: ChildTenantDashboard[]; generatedAt: string }>('/api/v1/reports/dashboard?scope=children')).data,
  });
  if (query.isPending) return <p role="status">{t('common.loading')}</p>;
  if (query.isError) return <p role="alert" className="error">{t('common.error')}</p>;
  const { children } = query.data;
  if (children.length === 0) return <p>{t('dashboard.noChildren')}</p>;
  const count = (n: number | string) => formatCount(n, i18n.language);
  return (
    <>
      <p className="muted">{t('dashboard.maskedNote')}</p>
      <ScrollTable
        label={t('dashboard.childTenants')}
        columns={summaryColumns(t, t('nav.tenant'))}
      >
        {children.map((child) => (
          <tr key={child.tenant.id}>
            <th scope="row">{child.tenant.name}</th>
            <SummaryCells counts={child} count={count} />
          </tr>
        ))}
      </ScrollTable>
      <div className="charts">
        <BarChart title={t('dashboard.openByChild')} bars={children.map((child) => ({ key: child.tenant.id, label: child.tenant.name, value: child.openCases }))} />
      </div>
    </>
  );
}
