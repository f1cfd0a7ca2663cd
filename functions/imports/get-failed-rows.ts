import { FIELD_COLUMN_PREFIX, IMPORT_COLUMNS } from '../../shared/schemas/reports.ts';
import { jobCsvHandler } from './job-csv.ts';

/**
 * `GET /imports/{id}/failed.csv`: the failed rows as they were sent (their `unit`, form answers in their
 * `fields.<id>` columns), with their row number and errors — fix and re-import.
 */
export const handler = jobCsvHandler('failed', async (jobs, jobId) => {
  const failures = await jobs.failures(jobId);
  const fieldColumns = [...new Set(failures.flatMap((f) => Object.keys(f.values).filter((c) => c.startsWith(FIELD_COLUMN_PREFIX))))].sort();
  // `unit` is kept when the file used it (a failed row names its unit), like the form's columns.
  const usesUnit = failures.some((f) => f.values.unit !== undefined);
  const columns = [...IMPORT_COLUMNS.filter((c) => c !== 'unit' || usesUnit), ...fieldColumns];
  return [
    ['row', ...columns, 'errors'],
    ...failures.map((f) => [f.row, ...columns.map((c) => f.values[c] ?? ''), f.errors.map((e) => `${e.path}: ${e.message}`).join('; ')]),
  ];
});
