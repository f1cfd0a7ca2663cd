import { route } from '../http/route.ts';
import { file } from '../http/responses.ts';
import { csvLine } from '../reports/report-files.ts';
import { ImportJobs } from './import-jobs.ts';

type Cell = Parameters<typeof csvLine>[0][number];

/**
 * A handler for `GET /imports/{id}/<name>.csv`: one of the job's row lists (header line first) as CSV (UTF-8 with a BOM, so
 * spreadsheet programs read Vietnamese, Burmese and Arabic right), for whoever may import.
 */
export function jobCsvHandler(name: string, lines: (jobs: ImportJobs, jobId: string) => Promise<Cell[][]>) {
  return route(async (req, ctx) => {
    ctx.authorize('import.create');
    const jobs = new ImportJobs(ctx.repository);
    const job = await jobs.get(req.params.id ?? '');
    const csv = (await lines(jobs, job.id)).map(csvLine);
    return file(`\uFEFF${csv.join('\r\n')}\r\n`, 'text/csv; charset=utf-8', `import-${job.id}-${name}.csv`);
  });
}
