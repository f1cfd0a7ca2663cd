import type { TFunction } from 'i18next';
import { RISK_LEVELS } from '../../../shared/schemas/case.ts';

/** The counts a row of a side-by-side table shows (child tenants, child units); any may be masked (`"<5"`). */
export interface SummaryCounts {
  openCases?: number | string;
  closedCases?: number | string;
  byRisk?: Partial<Record<string, number | string>>;
  pendingApprovals?: number | string;
}

/** The columns of such a table: `first` names the rows, then open, closed, each risk level, pending approvals. */
export const summaryColumns = (t: TFunction, first: string): string[] => [
  first,
  t('dashboard.openCases'),
  t('dashboard.closedCases'),
  ...RISK_LEVELS.map((risk) => t('dashboard.riskColumn', { risk: t(`risk.${risk}`) })),
  t('dashboard.pendingApprovals'),
];

/** The cells after a row's header, in `summaryColumns` order. */
export function SummaryCells({ counts, count }: { counts: SummaryCounts; count: (n: number | string) => string }) {
  return (
    <>
      <td>{count(counts.openCases ?? 0)}</td>
      <td>{count(counts.closedCases ?? 0)}</td>
      {RISK_LEVELS.map((risk) => <td key={risk}>{count(counts.byRisk?.[risk] ?? 0)}</td>)}
      <td>{count(counts.pendingApprovals ?? 0)}</td>
    </>
  );
}
