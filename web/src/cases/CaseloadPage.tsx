import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RISK_LEVELS, STAGES } from '../../../shared/schemas/case.ts';
import { formatDateTime } from '../app/format.ts';
import { ApiError } from '../app/api.ts';
import { usePageHeading } from '../app/use-page-heading.ts';
import { fetchCasePage } from './case-api.ts';
import { ExportButtons } from './ExportButtons.tsx';
import { ScrollTable } from '../app/ScrollTable.tsx';
import { UnitFilter } from '../units/UnitFilter.tsx';
import { unitName, useScopeUnits } from '../units/unit-api.ts';

const FILTERS = [
  { name: 'stage', label: 'caseload.filterStage', values: STAGES, prefix: 'stage' },
  { name: 'riskLevel', label: 'caseload.filterRisk', values: RISK_LEVELS, prefix: 'risk' },
] as const;

export default function CaseloadPage() {
  const { t, i18n } = useTranslation();
  const heading = usePageHeading();
  const [params, setParams] = useSearchParams();
  const assignedToMe = params.get('assigned') === 'me';
  const filters = {
    ...Object.fromEntries(FILTERS.flatMap((f) => (params.get(f.name) ? [[f.name, params.get(f.name)!]] : []))),
    ...(assignedToMe ? { assigned: 'me' } : {}),
    ...(params.get('q') ? { q: params.get('q')! } : {}),
    ...(params.get('unit') ? { unit: params.get('unit')! } : {}),
  };
  const query = useInfiniteQuery({
    queryKey: ['cases', filters],
    queryFn: ({ pageParam }) => fetchCasePage(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const cases = query.data?.pages.flatMap((page) => page.cases) ?? [];
  // Which unit each case is in, for those who see more than one.
  const scope = useScopeUnits({ includeInactive: true });
  const showUnit = scope.units.length > 1;
  const unitOf = (unitId: string) => unitName(scope.all.find((unit) => unit.id === unitId), i18n.language, unitId);
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <section>
      <h1 ref={heading} tabIndex={-1}>{t('caseload.title')}</h1>
      <ExportButtons />
      <form
        role="search"
        className="search"
        onSubmit={(event) => {
          event.preventDefault();
          setFilter('q', String(new FormData(event.currentTarget).get('q') ?? '').trim());
        }}
      >
        <label htmlFor="case-search">{t('caseload.search')}</label>
        <input id="case-search" name="q" type="search" defaultValue={params.get('q') ?? ''} />
        <button type="submit">{t('caseload.searchSubmit')}</button>
      </form>
      {/* The filters follow the URL, which the router updates in a transition: controlled inputs would snap back
          until it commits, so they keep their own state and are re-created (key) when the URL changes them. */}
      <div className="filters">
        <UnitFilter />
        {FILTERS.map((filter) => (
          <label key={filter.name}>
            {t(filter.label)}
            <select key={params.get(filter.name) ?? ''} defaultValue={params.get(filter.name) ?? ''} onChange={(event) => setFilter(filter.name, event.target.value)}>
              <option value="">{t('caseload.all')}</option>
              {filter.values.map((value) => <option key={value} value={value}>{t(`${filter.prefix}.${value}`)}</option>)}
            </select>
          </label>
        ))}
        <label className="checkbox">
          <input type="checkbox" key={String(assignedToMe)} defaultChecked={assignedToMe} onChange={(event) => setFilter('assigned', event.target.checked ? 'me' : '')} />
          {t('caseload.assignedToMe')}
        </label>
      </div>
      {query.isPending && <p role="status">{t('common.loading')}</p>}
      {query.isError && <p role="alert" className="error">{t(query.error instanceof ApiError && query.error.status === 404 && filters.unit ? 'units.outsideScope' : 'common.error')}</p>}
      {query.isSuccess && cases.length === 0 && <p>{t('caseload.empty')}</p>}
      {cases.length > 0 && (
        <ScrollTable label={t('caseload.title')} columns={[...['caseNumber', 'name', 'stage', 'risk'].map((column) => t(`caseload.${column}`)), ...(showUnit ? [t('units.unit')] : []), t('caseload.updated')]}>
          {cases.map((kase) => (
            <tr key={kase.id}>
              <td><Link to={`/cases/${kase.id}`}>{kase.caseNumber}</Link></td>
              <td>{kase.child.fullName}</td>
              <td>{t(`stage.${kase.stage}`)}</td>
              <td><span className={`risk risk-${kase.riskLevel}`}>{t(`risk.${kase.riskLevel}`)}</span></td>
              {showUnit && <td><bdi>{unitOf(kase.unitId)}</bdi></td>}
              <td>{formatDateTime(kase.updatedAt, i18n.language)}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
      {cases.length > 0 && <p className="muted">{t('caseload.count', { count: cases.length })}</p>}
      {query.hasNextPage && (
        <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
    </section>
  );
}
