import { randomUUID } from 'node:crypto';
import { loadExcel } from '../http/spreadsheet.ts';
import type { Case } from '../../shared/schemas/case.ts';
import { Locale } from '../../shared/schemas/common.ts';
import { ExportQuery } from '../../shared/schemas/reports.ts';
import { notFound } from '../../shared/errors.ts';
import type { UnitTree } from '../../shared/units/tree.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { caseFromItem } from '../cases/case-items.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';
import { route } from '../http/route.ts';
import { file } from '../http/responses.ts';
import { csvLine, XLSX_TYPE } from '../reports/report-files.ts';
import { getTenantProfile } from '../tenants/tenant-store.ts';
import { subtreeList, type UnitScope } from '../units/unit-scope.ts';

const COLUMNS = [
  'caseNumber', 'id', 'status', 'stage', 'riskLevel', 'categories', 'fullName', 'sex', 'dateOfBirth', 'location', 'unit', 'unitId', 'ownerId',
  'createdAt', 'updatedAt', 'closedAt',
] as const;

/** A unit's name in the export's language (English when it has none in that language). */
const unitName = (tree: UnitTree, unitId: string, lang: Locale) => {
  const name = tree.get(unitId)?.name;
  return name ? (name[lang] ?? name.en) : unitId;
};

function cells(kase: Case, tree: UnitTree, lang: Locale): (string | number)[] {
  return [
    kase.caseNumber, kase.id, kase.status, kase.stage, kase.riskLevel, kase.categories.join('|'), kase.child.fullName, kase.child.sex,
    kase.child.dateOfBirth ?? '', kase.child.location ?? '', unitName(tree, kase.unitId, lang), kase.unitId, kase.ownerId, kase.createdAt,
    kase.updatedAt, kase.closure?.closedAt ?? '',
  ];
}

/**
 * Every case of a unit's subtree (the caller's home unit, or `?unit=` inside it; the root's is the tenant's):
 * one Query, page by page, on byTenant `CASES` for the root, else on the byUnit index of the unit's depth —
 * never a Scan, never a filter after the Query.
 */
async function casesOf(repository: TenantRepository, units: UnitScope, unitId: string | undefined): Promise<Case[]> {
  return (await repository.queryAll({ ...subtreeList('CASES', units, unitId), newestFirst: true })).map(caseFromItem);
}

/**
 * `GET /exports/cases?format=csv|xlsx&unit=&lang=` (`case.export`): the cases of the caller's unit subtree
 * (`?unit=` narrows it, 404 outside the caller's scope) with their core fields and their unit (named in `?lang=`
 * or the tenant's first language, and its id). Every export is audited first — `AUDIT#EXPORT#<yyyy-mm>` /
 * `<at>#<id>`, who, when, format, unit, how many — and no audit, no file.
 */
export const handler = route(async (req, ctx) => {
  ctx.authorize('case.export');
  const query = parseOrThrow(ExportQuery, req.query, 'Query');
  const { format } = query;
  if (!ctx.units) throw notFound('Unit');
  const [cases, tenant] = await Promise.all([casesOf(ctx.repository, ctx.units, query.unit), getTenantProfile(ctx.repository)]);
  const unit = query.unit ?? ctx.units.homeUnitId;
  const lang = query.lang ?? Locale.catch('en').parse(tenant.locales[0]);
  const tree = ctx.units.tree;
  const at = new Date().toISOString();
  const id = randomUUID();
  await ctx.repository.transact([{
    put: {
      pk: `AUDIT#EXPORT#${at.slice(0, 7)}`, sk: `${at}#${id}`, entity: 'audit', action: 'case.export', at, id, userId: ctx.userId, username: ctx.username,
      format, unit, count: cases.length,
    },
  }]);
  ctx.log.info('cases exported', { exportId: id, format, unit, count: cases.length });
  const name = `cases-${ctx.tenantId}${unit === tree.root.id ? '' : `-${unit}`}-${at.slice(0, 10)}`;
  if (format === 'csv') {
    return file(`\uFEFF${[csvLine([...COLUMNS]), ...cases.map((kase) => csvLine(cells(kase, tree, lang)))].join('\r\n')}\r\n`, 'text/csv; charset=utf-8', `${name}.csv`);
  }
  const workbook = new (await loadExcel()).Workbook();
  const sheet = workbook.addWorksheet('Cases', { views: [{ rightToLeft: lang === 'ar' }] });
  sheet.addRow([...COLUMNS]).font = { bold: true };
  for (const kase of cases) sheet.addRow(cells(kase, tree, lang));
  return file(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX_TYPE, `${name}.xlsx`);
});
