import { IMPORT_COLUMNS } from '../../shared/schemas/reports.ts';
import { route } from '../http/route.ts';
import { file } from '../http/responses.ts';
import { csvLine } from '../reports/report-files.ts';
import { ImportJobs } from './import-jobs.ts';

/** `GET /imports/{id}/failed.csv`: the failed rows as they were sent, with their row number and errors — fix and re-import. */
export const handler = route(async (req, ctx) => {
  ctx.authorize('import.create');
  const jobs = new ImportJobs(ctx.repository);
  const job = await jobs.get(req.params.id ?? '');
  const failures = await jobs.failures(job.id);
  const lines = [
    csvLine(['row', ...IMPORT_COLUMNS, 'errors']),
    ...failures.map((f) => csvLine([f.row, ...IMPORT_COLUMNS.map((c) => f.values[c] ?? ''), f.errors.map((e) => `${e.path}: ${e.message}`).join('; ')])),
  ];
  return file(`\uFEFF${lines.join('\r\n')}\r\n`, 'text/csv; charset=utf-8', `import-${job.id}-failed.csv`);
});
