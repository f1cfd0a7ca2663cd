import { DEFAULT_CATEGORY_CODES } from '../../shared/schemas/case.ts';
import { Locale } from '../../shared/schemas/common.ts';
import { Circular02Query } from '../../shared/schemas/reports.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { file, ok } from '../http/responses.ts';
import { getTenantProfile } from '../tenants/tenant-store.ts';
import { circular02, parsePeriod } from './circular-02.ts';
import { REPORT_LABELS } from './report-labels.ts';
import { reportCsv, reportXlsx, XLSX_TYPE } from './report-files.ts';
import { reportUnit } from './report-unit.ts';
import { resumeStalledRecounts } from './recount-launch.ts';

/**
 * `GET /reports/circular-02?period=[&unit=]` — JSON for a unit's subtree (default the caller's home unit; 404
 * outside the caller's scope) with `byUnit` for its direct children; the same report as XLSX (`Accept:` the
 * spreadsheet type; a sheet per child unit) or CSV (`Accept: text/csv`; a block per child unit), labelled
 * in `?lang=` or the tenant's first language, units by their name in that language.
 */
export const handler = route(async (req, ctx) => {
  const scope = ctx.authorize('report.read');
  const query = parseOrThrow(Circular02Query, req.query, 'Query');
  const period = parsePeriod(query.period);
  const unit = await reportUnit(ctx.repository, scope, ctx.units, query.unit);
  const [tenant, lookups] = await Promise.all([getTenantProfile(ctx.repository), ctx.repository.get('LOOKUPS', 'CATEGORIES')]);
  const codes = (lookups?.codes as string[] | undefined) ?? [...DEFAULT_CATEGORY_CODES];
  const report = await circular02(ctx.repository, period, codes, unit);
  if (report.recounting) await resumeStalledRecounts(ctx.repository);
  const accept = req.headers.accept ?? '';
  const lang = query.lang ?? Locale.catch('en').parse(tenant.locales[0]);
  const labels = REPORT_LABELS[lang];
  const names = {
    tenant: tenant.name,
    unit: (unitId: string) => {
      const name = unit.tree.get(unitId)?.name as Partial<Record<string, string>> | undefined;
      return name?.[lang] ?? name?.en ?? unitId;
    },
  };
  const filename = `circular-02-${tenant.id}${unit.isRoot ? '' : `-${unit.unitId}`}-${query.period.replace('..', '_')}`;
  if (accept.includes(XLSX_TYPE)) return file(await reportXlsx(report, labels, names, lang === 'ar'), XLSX_TYPE, `${filename}.xlsx`);
  if (accept.includes('text/csv')) return file(reportCsv(report, labels, names), 'text/csv; charset=utf-8', `${filename}.csv`);
  return ok(report);
});
