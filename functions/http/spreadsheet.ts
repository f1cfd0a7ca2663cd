import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded on the first spreadsheet request rather than at module init, and not bundled: it would be
 * most of the bundle of every route that offers XLSX (about 1 MB). In AWS it comes from the spreadsheet layer
 * (`/opt/nodejs/node_modules`, on Lambda's NODE_PATH, which `require` follows and ESM `import` would not);
 * locally from node_modules.
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
  return createRequire(import.meta.url)('exceljs') as typeof ExcelJS;
}
