import { randomUUID } from 'node:crypto';
import { loadExcel } from '../http/spreadsheet.ts';
import type { Case } from '../../shared/schemas/case.ts';
import { ExportQuery } from '../../shared/schemas/reports.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { caseFromItem } from '../cases/case-items.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';
import { route } from '../http/route.ts';
import { file } from '../http/responses.ts';
import { csvLine, XLSX_TYPE } from '../reports/report-files.ts';

const COLUMNS = ['caseNumber', 'id', 'status', 'stage', 'riskLevel', 'categories', 'fullName', 'sex', 'dateOfBirth', 'location', 'ownerId', 'createdAt', 'updatedAt', 'closedAt'] as const;

function cells(kase: Case): (string | number)[] {
  return [
    kase.caseNumber, kase.id, kase.status, kase.stage, kase.riskLevel, kase.categories.join('|'), kase.child.fullName, kase.child.sex,
    kase.child.dateOfBirth ?? '', kase.child.location ?? '', kase.ownerId, kase.createdAt, kase.updatedAt, kase.closure?.closedAt ?? '',
  ];
}

/** Every case of the tenant: the byTenant index `CASES`, page by page (an export reads them all; no Scan). */
async function allCases(repository: TenantRepository): Promise<Case[]> {
  return (await repository.queryAll({ index: 'byTenant', partition: 'CASES', newestFirst: true })).map(caseFromItem);
}

/**
 * `GET /exports/cases?format=csv|xlsx` (`case.export`): the tenant's cases with their core fields. Every
 * export is audited first — `AUDIT#EXPORT#<yyyy-mm>` / `<at>#<id>`, who, when, format, how many — and no
 * audit, no file.
 */
export const handler = route(async (req, ctx) => {
  ctx.authorize('case.export');
  const { format } = parseOrThrow(ExportQuery, req.query, 'Query');
  const cases = await allCases(ctx.repository);
  const at = new Date().toISOString();
  const id = randomUUID();
  await ctx.repository.transact([{
    put: { pk: `AUDIT#EXPORT#${at.slice(0, 7)}`, sk: `${at}#${id}`, entity: 'audit', action: 'case.export', at, id, userId: ctx.userId, username: ctx.username, format, count: cases.length },
  }]);
  ctx.log.info('cases exported', { exportId: id, format, count: cases.length });
  const name = `cases-${ctx.tenantId}-${at.slice(0, 10)}`;
  if (format === 'csv') {
    return file(`\uFEFF${[csvLine([...COLUMNS]), ...cases.map((kase) => csvLine(cells(kase)))].join('\r\n')}\r\n`, 'text/csv; charset=utf-8', `${name}.csv`);
  }
  const workbook = new (await loadExcel()).Workbook();
  const sheet = workbook.addWorksheet('Cases');
  sheet.addRow([...COLUMNS]).font = { bold: true };
  for (const kase of cases) sheet.addRow(cells(kase));
  return file(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX_TYPE, `${name}.xlsx`);
});
