import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DashboardCounts } from '../../../shared/schemas/reports.ts';
import { formatCount } from '../app/format.ts';
import { ScrollTable } from '../app/ScrollTable.tsx';
import { unitName, useUnits } from '../units/unit-api.ts';
import { BarChart } from './BarChart.tsx';
import { SummaryCells, summaryColumns } from './summary-row.tsx';

/** The unit's direct children, side by side: a table (each row opens that unit's dashboard) and a bar chart of open cases. */
export function ByUnit({ byUnit }: { byUnit: Record<string, Pick<DashboardCounts, 'openCases'> & Partial<DashboardCounts>> }) {
  const { t, i18n } = useTranslation();
  const units = useUnits().data ?? [];
  const name = (unitId: string) => unitName(units.find((unit) => unit.id === unitId), i18n.language, unitId);
  const collator = new Intl.Collator(i18n.language);
  const rows = Object.entries(byUnit).sort(([a], [b]) => collator.compare(name(a), name(b)));
  const count = (n: number | string) => formatCount(n, i18n.language);
  return (
    <div className="by-unit">
      <h2 id="by-unit-heading">{t('dashboard.byUnit')}</h2>
      {rows.length === 0 ? <p className="muted">{t('dashboard.noChildUnits')}</p> : (
        <>
          <ScrollTable
            label={t('dashboard.byUnit')}
            columns={summaryColumns(t, t('units.unit'))}
          >
            {rows.map(([unitId, counts]) => (
              <tr key={unitId}>
                <th scope="row"><Link to={{ search: `?unit=${encodeURIComponent(unitId)}` }}><bdi>{name(unitId)}</bdi></Link></th>
                <SummaryCells counts={counts} count={count} />
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
