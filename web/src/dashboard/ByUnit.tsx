import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RISK_LEVELS } from '../../../shared/schemas/case.ts';
import type { DashboardCounts } from '../../../shared/schemas/reports.ts';
import { formatCount } from '../app/format.ts';
import { ScrollTable } from '../app/ScrollTable.tsx';
import { unitName, useUnits } from '../units/unit-api.ts';
import { BarChart } from './BarChart.tsx';

/** The unit's direct children, side by side: a table (each row opens that unit's dashboard) and a bar chart of open cases. */
export function ByUnit({ byUnit }: { byUnit: Record<string, Pick<DashboardCounts, 'openCases'> & Partial<DashboardCounts>> }) {
  const { t, i18n } = useTranslation();
  const units = useUnits().data ?? [];
  const name = (unitId: string) => unitName(units.find((unit) => unit.id === unitId), i18n.language, unitId);
  const collator = new Intl.Collator(i18n.language);
  const rows = Object.entries(byUnit).sort(([a], [b]) => collator.compare(name(a), name(b)));
  const count = (n: number | undefined) => formatCount(n ?? 0, i18n.language);
  return (
    <div className="by-unit">
      <h2 id="by-unit-heading">{t('dashboard.byUnit')}</h2>
      {rows.length === 0 ? <p className="muted">{t('dashboard.noChildUnits')}</p> : (
        <>
          <ScrollTable
            label={t('dashboard.byUnit')}
            columns={[
              t('units.unit'),
              t('dashboard.openCases'),
              t('dashboard.closedCases'),
              ...RISK_LEVELS.map((risk) => t('dashboard.riskColumn', { risk: t(`risk.${risk}`) })),
              t('dashboard.pendingApprovals'),
            ]}
          >
            {rows.map(([unitId, counts]) => (
              <tr key={unitId}>
                <th scope="row"><Link to={{ search: `?unit=${encodeURIComponent(unitId)}` }}><bdi>{name(unitId)}</bdi></Link></th>
                <td>{count(counts.openCases)}</td>
                <td>{count(counts.closedCases)}</td>
                {RISK_LEVELS.map((risk) => <td key={risk}>{count(counts.byRisk?.[risk])}</td>)}
                <td>{count(counts.pendingApprovals)}</td>
              </tr>
            ))}
          </ScrollTable>
          <div className="charts">
            <BarChart title={t('dashboard.openByUnit')} bars={rows.map(([unitId, counts]) => ({ key: unitId, label: name(unitId), value: counts.openCases }))} />
          </div>
        </>
      )}
    </div>
  );
}
