import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded on the first spreadsheet request rather than at module init: it is most of the bundle of
 * the routes that offer XLSX, and evaluating it costs about a second of cold start that JSON and CSV requests
 * should not pay.
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
