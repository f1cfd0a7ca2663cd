import { IMPORT_COLUMNS } from '../../shared/schemas/reports.ts';
import { jobCsvHandler } from './job-csv.ts';

/** `GET /imports/{id}/failed.csv`: the failed rows as they were sent, with their row number and errors — fix and re-import. */
export const handler = jobCsvHandler('failed', ['row', ...IMPORT_COLUMNS, 'errors'], async (jobs, jobId) =>
  (await jobs.failures(jobId)).map((f) => [f.row, ...IMPORT_COLUMNS.map((c) => f.values[c] ?? ''), f.errors.map((e) => `${e.path}: ${e.message}`).join('; ')]));
