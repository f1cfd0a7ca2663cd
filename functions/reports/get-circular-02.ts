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

/**
 * `GET /reports/circular-02?period=` — JSON; the same report as XLSX (`Accept:` the spreadsheet type) or CSV
 * (`Accept: text/csv`), labelled in `?lang=` or the tenant's first language.
 */
export const handler = route(async (req, ctx) => {
  ctx.authorize('report.read');
  const query = parseOrThrow(Circular02Query, req.query, 'Query');
  const period = parsePeriod(query.period);
  const [tenant, lookups] = await Promise.all([getTenantProfile(ctx.repository), ctx.repository.get('LOOKUPS', 'CATEGORIES')]);
  const codes = (lookups?.codes as string[] | undefined) ?? [...DEFAULT_CATEGORY_CODES];
  const report = await circular02(ctx.repository, period, codes);
  const accept = req.headers.accept ?? '';
  const lang = query.lang ?? Locale.catch('en').parse(tenant.locales[0]);
  const labels = REPORT_LABELS[lang];
  const filename = `circular-02-${tenant.id}-${query.period.replace('..', '_')}`;
  if (accept.includes(XLSX_TYPE)) return file(await reportXlsx(report, labels, tenant.name, lang === 'ar'), XLSX_TYPE, `${filename}.xlsx`);
  if (accept.includes('text/csv')) return file(reportCsv(report, labels, tenant.name), 'text/csv; charset=utf-8', `${filename}.csv`);
  return ok(report);
});
