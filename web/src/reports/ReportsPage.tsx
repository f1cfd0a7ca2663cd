import { useState, type ReactNode } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Circular02Report, ReportCounts } from '../../../shared/schemas/reports.ts';
import { api, download } from '../app/api.ts';
import { formatCount, formatDate, formatDateTime, isolate } from '../app/format.ts';
import { usePageHeading } from '../app/use-page-heading.ts';
import { ScrollTable } from '../app/ScrollTable.tsx';
import { categoryLabel } from '../dashboard/dashboard-bars.ts';
import { currentPeriods, customPeriod, daysBetween, localToday, nextDueReport } from './due-dates.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const COLUMNS = ['managed', 'new', 'closed'] as const;
type Choice = 'half' | 'year' | 'custom';

/** Circular 02: what is due next, the report for a chosen period, and the files to send. */
export default function ReportsPage() {
  const { t, i18n } = useTranslation();
  const heading = usePageHeading();
  const today = localToday();
  const next = nextDueReport(today);
  const periods = currentPeriods(today);
  const [choice, setChoice] = useState<Choice>(next.kind === 'year' ? 'year' : 'half');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const period = choice === 'custom' ? customPeriod(from, to) : periods[choice];
  const report = useQuery({
    queryKey: ['circular-02', period],
    enabled: period !== undefined,
    queryFn: async () => (await api<Circular02Report>(`/api/v1/reports/circular-02?period=${encodeURIComponent(period!)}`)).data,
  });
  const files = useMutation({
    mutationFn: ({ accept, extension }: { accept: string; extension: string }) =>
      download(`/api/v1/reports/circular-02?period=${encodeURIComponent(period!)}&lang=${i18n.language}`, accept, `circular-02-${period}.${extension}`),
  });
  const choices: { value: Choice; label: string }[] = [
    { value: 'half', label: t('reports.thisHalf', { period: isolate(periods.half) }) },
    { value: 'year', label: t('reports.thisYear', { period: isolate(periods.year) }) },
    { value: 'custom', label: t('reports.custom') },
  ];
  return (
    <section>
      <h1 ref={heading} tabIndex={-1}>{t('reports.title')}</h1>
      <p className="notice" data-testid="next-due">
        {t(next.kind === 'half' ? 'reports.nextHalf' : 'reports.nextYear', { period: isolate(next.period), date: formatDate(next.dueDate, i18n.language) })}{' '}
        <strong>{next.days === 0 ? t('reports.dueToday') : t('reports.dueIn', { count: next.days })}</strong>
      </p>
      <fieldset className="view-switch">
        <legend>{t('reports.period')}</legend>
        {choices.map((option) => (
          <label key={option.value} className="checkbox">
            <input type="radio" name="report-period" value={option.value} checked={choice === option.value} onChange={() => setChoice(option.value)} />
            {option.label}
          </label>
        ))}
        {choice === 'custom' && (
          <div className="filters">
            <label>{t('reports.from')}<input type="date" value={from} onChange={(event) => setFrom(event.target.value)} /></label>
            <label>{t('reports.to')}<input type="date" value={to} min={from || undefined} onChange={(event) => setTo(event.target.value)} /></label>
            {from && to && period === undefined && <p role="alert" className="error">{t('reports.rangeBackwards')}</p>}
          </div>
        )}
      </fieldset>
      {report.isFetching && <p role="status">{t('common.loading')}</p>}
      {report.isError && <p role="alert" className="error">{t('common.error')}</p>}
      {report.data && (
        <ReportView report={report.data} today={today}>
          <div className="dialog-actions">
            <button type="button" disabled={files.isPending} onClick={() => files.mutate({ accept: XLSX, extension: 'xlsx' })}>{t('reports.downloadXlsx')}</button>
            <button type="button" className="secondary" disabled={files.isPending} onClick={() => files.mutate({ accept: 'text/csv', extension: 'csv' })}>{t('reports.downloadCsv')}</button>
          </div>
          {files.isError && <p role="alert" className="error">{t('common.error')}</p>}
        </ReportView>
      )}
    </section>
  );
}

/** The report on screen; `children` (the download buttons) go right under the totals. */
function ReportView({ report, today, children }: { report: Circular02Report; today: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const count = (n: number) => formatCount(n, i18n.language);
  const days = report.dueDate === null ? undefined : daysBetween(today, report.dueDate);
  const rows = (counts: Record<string, ReportCounts>, label: (key: string) => string) =>
    Object.entries(counts).map(([key, values]) => (
      <tr key={key}>
        <th scope="row">{label(key)}</th>
        {COLUMNS.map((column) => <td key={column}>{count(values[column])}</td>)}
      </tr>
    ));
  const table = (caption: string, head: string, body: ReactNode) => (
    <ScrollTable label={caption} caption columns={[head, ...COLUMNS.map((column) => t(`reports.${column}`))]}>{body}</ScrollTable>
  );
  return (
    <div className="report">
      <h2>{t('reports.periodRange', { from: formatDate(report.period.from, i18n.language), to: formatDate(report.period.to, i18n.language) })}</h2>
      {report.dueDate !== null && days !== undefined && (
        <p>
          {t('reports.dueOn', { date: formatDate(report.dueDate, i18n.language) })}{' '}
          {days > 0 ? t('reports.dueIn', { count: days }) : days === 0 ? t('reports.dueToday') : t('reports.pastDue', { count: -days })}
        </p>
      )}
      <dl className="tiles">
        {COLUMNS.map((column) => (
          <div key={column}><dt>{t(`reports.${column}`)}</dt><dd data-testid={`total-${column}`}>{count(report.totals[column])}</dd></div>
        ))}
      </dl>
      {children}
      <p className="muted small">{t('reports.semantics')}</p>
      {table(t('reports.byCategory'), t('case.categories'), rows(report.byCategory, categoryLabel(t)))}
      {table(t('reports.bySex'), t('register.sex'), rows(report.bySex, (sex) => t(`sex.${sex}`, { defaultValue: sex })))}
      <p className="muted small">{t('dashboard.generatedAt', { at: formatDateTime(report.generatedAt, i18n.language) })}</p>
    </div>
  );
}
