import type ExcelJS from 'exceljs';
import { loadExcel } from '../http/spreadsheet.ts';
import { parse } from 'csv-parse/sync';
import { DomainError, type ErrorDetail } from '../../shared/errors.ts';
import { CaseInput } from '../../shared/schemas/case.ts';
import { IMPORT_COLUMNS, ImportRow } from '../../shared/schemas/reports.ts';
import { issuesToDetails } from '../../shared/validation.ts';

/** A data row as read from the file: the known columns as text (1-based `row`, header excluded). */
export interface RawRow {
  row: number;
  values: Record<string, string>;
}

/** A row ready to register. */
export interface ValidRow {
  row: number;
  externalId: string;
  input: CaseInput;
  /** ISO times. */
  openedAt: string;
  closedAt?: string;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MAX_IMPORT_ROWS = 50_000;

function pickColumns(record: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const column of IMPORT_COLUMNS) {
    const value = record[column];
    if (value !== undefined && value !== null && String(value).trim() !== '') values[column] = String(value).trim();
  }
  return values;
}

function checkHeader(header: string[]): void {
  if (!header.includes('externalId')) {
    throw new DomainError('VALIDATION_FAILED', 'The file has no externalId column', [{ path: '(header)', message: `Columns: ${IMPORT_COLUMNS.join(', ')}` }]);
  }
}

export function rowsFromCsv(bytes: Buffer): RawRow[] {
  let records: Record<string, string>[];
  try {
    records = parse(bytes, { columns: (header: string[]) => { checkHeader(header.map((h) => h.trim())); return header.map((h) => h.trim()); }, bom: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('VALIDATION_FAILED', 'The CSV could not be read', [{ path: '(body)', message: (error as Error).message.slice(0, 300) }]);
  }
  return records.map((record, i) => ({ row: i + 1, values: pickColumns(record) }));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    return '';
  }
  return String(value);
}

/** The first worksheet: row 1 the header, every later non-empty row a data row. Dates become YYYY-MM-DD. */
export async function rowsFromXlsx(bytes: Buffer): Promise<RawRow[]> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('VALIDATION_FAILED', 'The spreadsheet could not be read', [{ path: '(body)', message: 'Send an .xlsx workbook' }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new DomainError('VALIDATION_FAILED', 'The spreadsheet has no sheet', [{ path: '(body)', message: 'Add a sheet' }]);
  const header: string[] = [];
  sheet.getRow(1).eachCell((cell, column) => { header[column] = cellText(cell.value).trim(); });
  checkHeader(header);
  const rows: RawRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const record: Record<string, string> = {};
    sheet.getRow(r).eachCell((cell, column) => { const name = header[column]; if (name) record[name] = cellText(cell.value); });
    const values = pickColumns(record);
    if (Object.keys(values).length > 0) rows.push({ row: r - 1, values });
  }
  return rows;
}

/**
 * Tenant-specific validation of a row's case (the tenant's case form). SEAM: the forms issue adds
 * validation of `fields` against the tenant's form; imports carry no `fields` yet, so this checks the core
 * CaseInput schema only. Swap in the tenant's validator here.
 */
export type CaseValidator = (input: CaseInput) => ErrorDetail[];
export const coreCaseValidator: CaseValidator = (input) => {
  const result = CaseInput.safeParse(input);
  return result.success ? [] : issuesToDetails(result.error.issues);
};

const FIELD_PATHS: Record<string, string> = { 'child.fullName': 'fullName', 'child.sex': 'sex', 'child.dateOfBirth': 'dateOfBirth', 'child.location': 'location' };

/** A row → a case to register, or its errors (`path` = the column). */
export function validateRow(raw: RawRow, validateCase: CaseValidator = coreCaseValidator): ValidRow | ErrorDetail[] {
  const { categories, ...rest } = raw.values;
  const parsed = ImportRow.safeParse({ ...rest, categories: categories ? categories.split('|').map((c) => c.trim()).filter(Boolean) : [] });
  if (!parsed.success) {
    return issuesToDetails(parsed.error.issues).map((d) => ({
      path: d.path.split('.')[0] ?? d.path,
      message: d.message.endsWith('received undefined') ? 'Required' : d.message,
    }));
  }
  const row = parsed.data;
  const input: CaseInput = {
    child: {
      fullName: row.fullName, sex: row.sex,
      ...(row.dateOfBirth ? { dateOfBirth: row.dateOfBirth } : {}),
      ...(row.location ? { location: row.location } : {}),
    },
    categories: [...new Set(row.categories)],
    riskLevel: row.riskLevel,
  };
  const errors = validateCase(input).map((d) => ({ ...d, path: FIELD_PATHS[d.path] ?? d.path }));
  if (errors.length > 0) return errors;
  const time = (date: string) => `${date}T00:00:00.000Z`;
  return {
    row: raw.row,
    externalId: row.externalId,
    input,
    openedAt: row.openedAt ? time(row.openedAt) : new Date().toISOString(),
    ...(row.closedAt ? { closedAt: time(row.closedAt) } : {}),
  };
}
