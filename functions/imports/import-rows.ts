import type ExcelJS from 'exceljs';
import { loadExcel } from '../http/spreadsheet.ts';
import { parse } from 'csv-parse/sync';
import { DomainError, type ErrorDetail } from '../../shared/errors.ts';
import { CaseInput } from '../../shared/schemas/case.ts';
import { FIELD_COLUMN_PREFIX, IMPORT_COLUMNS, ImportRow } from '../../shared/schemas/reports.ts';
import { issuesToDetails } from '../../shared/validation.ts';
import { fieldValuesFromText } from '../../shared/forms/field-text.ts';
import type { FieldValues } from '../../shared/forms/compile.ts';
import type { FormDefinition } from '../../shared/forms/form-definition.ts';
import type { UnitScope } from '../units/unit-scope.ts';

/** A data row as read from the file: the known columns and `fields.<id>` columns as text (1-based `row`, header excluded). */
export interface RawRow {
  row: number;
  values: Record<string, string>;
}

/** A row ready to register. */
export interface ValidRow {
  row: number;
  externalId: string;
  input: CaseInput;
  /** The version of the tenant's form the row's answers were checked against. */
  formVersion: number;
  /** The unit the row's case goes to, and its path from the root. */
  unit: { id: string; path: string[] };
  /** ISO times. */
  openedAt: string;
  closedAt?: string;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MAX_IMPORT_ROWS = 50_000;

const KNOWN_COLUMNS = new Set<string>(IMPORT_COLUMNS);

function pickColumns(record: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [column, value] of Object.entries(record)) {
    if (!KNOWN_COLUMNS.has(column) && !column.startsWith(FIELD_COLUMN_PREFIX)) continue;
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

/** What a row is checked against besides the core columns: the tenant's case form and categories (CaseRules). */
export interface RowRules {
  readonly form: FormDefinition;
  /** Throws VALIDATION_FAILED (`categories.<i>`, `fields.<id>`); answers the form answers as stored. */
  check(input: { categories: readonly string[]; fields: Record<string, unknown> }): { fields?: FieldValues };
}

const FIELD_PATHS: Record<string, string> = { 'child.fullName': 'fullName', 'child.sex': 'sex', 'child.dateOfBirth': 'dateOfBirth', 'child.location': 'location' };

/** Problems as the columns they are in: `child.sex` → `sex`, `categories.2` → `categories`, `fields.x` stays. */
const columnOf = (path: string) => FIELD_PATHS[path] ?? (path.startsWith('categories.') ? 'categories' : path);

/** The form answers and categories of a row, checked with the tenant's rules: stored fields, or the problems. */
function checkWithRules(rules: RowRules, categories: string[], fieldTexts: Record<string, string>): { fields: FieldValues } | ErrorDetail[] {
  try {
    return { fields: rules.check({ categories, fields: fieldValuesFromText(rules.form, fieldTexts) }).fields ?? {} };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'VALIDATION_FAILED') return (error.details ?? []).map((d) => ({ ...d, path: columnOf(d.path) }));
    throw error;
  }
}

/**
 * The unit a row's case goes to: the one its `unit` column names, else the importer's home unit — active and
 * inside the importer's scope (as `CaseStore.unitFor` decides for `POST /cases`), else a problem at `unit`.
 */
export function rowUnit(units: UnitScope, unitId: string | undefined): { id: string; path: string[] } | ErrorDetail {
  const id = unitId ?? units.homeUnitId;
  const unit = units.tree.get(id);
  if (!unit || !units.contains(id)) return { path: 'unit', message: 'No such unit in your scope' };
  if (!unit.active) return { path: 'unit', message: 'The unit is deactivated' };
  return { id, path: unit.path };
}

/**
 * A row → a case to register, or its errors (`path` = the column; `fields.<id>` for form answers). `units` is
 * the importer's scope: the row's `unit` must be inside it.
 */
export function validateRow(raw: RawRow, rules: RowRules, units: UnitScope): ValidRow | ErrorDetail[] {
  const fieldTexts: Record<string, string> = {};
  const core: Record<string, string> = {};
  for (const [column, value] of Object.entries(raw.values)) {
    if (column.startsWith(FIELD_COLUMN_PREFIX)) fieldTexts[column.slice(FIELD_COLUMN_PREFIX.length)] = value;
    else core[column] = value;
  }
  const { categories, unit: unitId, ...rest } = core;
  const unit = rowUnit(units, unitId);
  const unitProblems = 'id' in unit ? [] : [unit];
  const parsed = ImportRow.safeParse({ ...rest, categories: categories ? categories.split('|').map((c) => c.trim()).filter(Boolean) : [] });
  if (!parsed.success) {
    return [...issuesToDetails(parsed.error.issues).map((d) => ({
      path: d.path.split('.')[0] ?? d.path,
      message: d.message.endsWith('received undefined') ? 'Required' : d.message,
    })), ...unitProblems];
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
  const coreCheck = CaseInput.safeParse(input);
  const errors = coreCheck.success ? [] : issuesToDetails(coreCheck.error.issues).map((d) => ({ ...d, path: columnOf(d.path) }));
  const checked = checkWithRules(rules, input.categories, fieldTexts);
  if (Array.isArray(checked)) errors.push(...checked);
  errors.push(...unitProblems);
  if (errors.length > 0 || !('id' in unit)) return errors;
  if (!Array.isArray(checked) && Object.keys(checked.fields).length > 0) input.fields = checked.fields;
  const time = (date: string) => `${date}T00:00:00.000Z`;
  return {
    row: raw.row,
    externalId: row.externalId,
    input,
    formVersion: rules.form.version,
    unit,
    openedAt: row.openedAt ? time(row.openedAt) : new Date().toISOString(),
    ...(row.closedAt ? { closedAt: time(row.closedAt) } : {}),
  };
}
