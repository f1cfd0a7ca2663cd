import { loadExcel } from '../http/spreadsheet.ts';
import type { Circular02Report, ReportCounts, UnitReportCounts } from '../../shared/schemas/reports.ts';
import { categoryLabel, type ReportLabels } from './report-labels.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the files say besides the counts: the tenant's name, and each unit's name in the report's language. */
export interface ReportNames {
  tenant: string;
  unit: (unitId: string) => string;
}

/** A table: [group label, managed, new, closed] — totals, then each category, then each sex. */
function tableRows(counts: UnitReportCounts, labels: ReportLabels): [string, number, number, number][] {
  const row = (label: string, c: ReportCounts): [string, number, number, number] => [label, c.managed, c.new, c.closed];
  return [
    row(labels.total, counts.totals),
    ...Object.entries(counts.byCategory).map(([code, c]) => row(`${labels.byCategory}: ${categoryLabel(labels, code)}`, c)),
    ...Object.entries(counts.bySex).map(([sex, c]) => row(`${labels.bySex}: ${labels.sexes[sex] ?? sex}`, c)),
  ];
}

const csvCell = (value: string | number) => {
  const text = String(value);
  // Quote what needs it; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
export const csvLine = (cells: (string | number)[]) => cells.map(csvCell).join(',');

/** The report's table for its unit, then a block per direct child unit (its name, the header, its table). */
export function reportCsv(report: Circular02Report, labels: ReportLabels, names: ReportNames): string {
  const header = csvLine([labels.group, labels.managed, labels.new, labels.closed]);
  const lines = [
    csvLine([labels.tenant, names.tenant]),
    csvLine([labels.period, `${report.period.from}..${report.period.to}`]),
    csvLine([labels.dueDate, report.dueDate ?? labels.none]),
    csvLine([labels.generatedAt, report.generatedAt]),
    csvLine([labels.unit, names.unit(report.unit)]),
    '',
    header,
    ...tableRows(report, labels).map(csvLine),
    ...Object.entries(report.byUnit).flatMap(([unitId, counts]) => ['', csvLine([labels.unit, names.unit(unitId)]), header, ...tableRows(counts, labels).map(csvLine)]),
  ];
  // A BOM so spreadsheet programs read the UTF-8 (Vietnamese, Burmese, Arabic) right.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A worksheet name from a unit's name: at most 31 characters, none of : \ / ? * [ ], unique in the book. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 28) || 'Unit';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 26)} ${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * The report as a workbook: on the first sheet A1 the title; rows 2–6 tenant, period, due date, generation
 * time and unit (label in A, value in B); row 7 the header; from row 8 the table, numbers as numbers. Then a
 * sheet per direct child unit, named after it, laid out the same. Right-to-left for Arabic.
 */
export async function reportXlsx(report: Circular02Report, labels: ReportLabels, names: ReportNames, rightToLeft: boolean): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'Sanad';
  workbook.created = new Date(report.generatedAt);
  const taken = new Set<string>(['circular 02']);
  const addSheet = (title: string, unitId: string, counts: UnitReportCounts) => {
    const sheet = workbook.addWorksheet(title, { views: [{ rightToLeft }] });
    const put = (row: number, values: (string | number)[], bold = false) => {
      const target = sheet.getRow(row);
      values.forEach((value, i) => { target.getCell(i + 1).value = value; });
      if (bold) target.font = { bold: true };
    };
    put(1, [labels.title], true);
    put(2, [labels.tenant, names.tenant]);
    put(3, [labels.period, `${report.period.from}..${report.period.to}`]);
    put(4, [labels.dueDate, report.dueDate ?? labels.none]);
    put(5, [labels.generatedAt, report.generatedAt]);
    put(6, [labels.unit, names.unit(unitId)]);
    put(7, [labels.group, labels.managed, labels.new, labels.closed], true);
    tableRows(counts, labels).forEach((row, i) => put(8 + i, row));
    sheet.getColumn(1).width = 48;
    for (const column of [2, 3, 4]) sheet.getColumn(column).width = 16;
  };
  addSheet('Circular 02', report.unit, report);
  for (const [unitId, counts] of Object.entries(report.byUnit)) addSheet(sheetName(names.unit(unitId), taken), unitId, counts);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
