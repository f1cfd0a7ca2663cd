import { loadExcel } from '../http/spreadsheet.ts';
import type { Circular02Report, ReportCounts } from '../../shared/schemas/reports.ts';
import { categoryLabel, type ReportLabels } from './report-labels.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The report's table: [group label, managed, new, closed] — totals, then each category, then each sex. */
function tableRows(report: Circular02Report, labels: ReportLabels): [string, number, number, number][] {
  const row = (label: string, c: ReportCounts): [string, number, number, number] => [label, c.managed, c.new, c.closed];
  return [
    row(labels.total, report.totals),
    ...Object.entries(report.byCategory).map(([code, c]) => row(`${labels.byCategory}: ${categoryLabel(labels, code)}`, c)),
    ...Object.entries(report.bySex).map(([sex, c]) => row(`${labels.bySex}: ${labels.sexes[sex] ?? sex}`, c)),
  ];
}

const csvCell = (value: string | number) => {
  const text = String(value);
  // Quote what needs it; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
export const csvLine = (cells: (string | number)[]) => cells.map(csvCell).join(',');

export function reportCsv(report: Circular02Report, labels: ReportLabels, tenantName: string): string {
  const lines = [
    csvLine([labels.tenant, tenantName]),
    csvLine([labels.period, `${report.period.from}..${report.period.to}`]),
    csvLine([labels.dueDate, report.dueDate ?? labels.none]),
    csvLine([labels.generatedAt, report.generatedAt]),
    '',
    csvLine([labels.group, labels.managed, labels.new, labels.closed]),
    ...tableRows(report, labels).map(csvLine),
  ];
  // A BOM so spreadsheet programs read the UTF-8 (Vietnamese, Burmese, Arabic) right.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The report as a workbook: A1 the title; rows 2–5 tenant, period, due date, generation time (label in A,
 * value in B); row 7 the header; from row 8 the table, numbers as numbers. Right-to-left for Arabic.
 */
export async function reportXlsx(report: Circular02Report, labels: ReportLabels, tenantName: string, rightToLeft: boolean): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'Sanad';
  workbook.created = new Date(report.generatedAt);
  const sheet = workbook.addWorksheet('Circular 02', { views: [{ rightToLeft }] });
  const put = (row: number, values: (string | number)[], bold = false) => {
    const target = sheet.getRow(row);
    values.forEach((value, i) => { target.getCell(i + 1).value = value; });
    if (bold) target.font = { bold: true };
  };
  put(1, [labels.title], true);
  put(2, [labels.tenant, tenantName]);
  put(3, [labels.period, `${report.period.from}..${report.period.to}`]);
  put(4, [labels.dueDate, report.dueDate ?? labels.none]);
  put(5, [labels.generatedAt, report.generatedAt]);
  put(7, [labels.group, labels.managed, labels.new, labels.closed], true);
  tableRows(report, labels).forEach((row, i) => put(8 + i, row));
  sheet.getColumn(1).width = 48;
  for (const column of [2, 3, 4]) sheet.getColumn(column).width = 16;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
