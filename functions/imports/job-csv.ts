import { route } from '../http/route.ts';
import { file } from '../http/responses.ts';
import { csvLine } from '../reports/report-files.ts';
import { ImportJobs, type JobRecord } from './import-jobs.ts';
import { notFound } from '../../shared/errors.ts';
import type { UnitScope } from '../units/unit-scope.ts';

type Cell = Parameters<typeof csvLine>[0][number];

/**
 * A job the caller may see: one started in their unit's subtree (by its importer's home unit; a job from before
 * units counts as the root's). Anyone else's is 404, as a job that does not exist — its rows name children.
 */
export async function readableJob(jobs: ImportJobs, jobId: string, units: UnitScope | undefined): Promise<JobRecord> {
  const job = await jobs.get(jobId);
  if (!units?.contains(job.unitId ?? units.tree.root.id)) throw notFound('Import');
  return job;
}

/**
 * A handler for `GET /imports/{id}/<name>.csv`: one of the job's row lists (header line first) as CSV (UTF-8 with a BOM, so
 * spreadsheet programs read Vietnamese, Burmese and Arabic right), for whoever may import.
 */
export function jobCsvHandler(name: string, lines: (jobs: ImportJobs, jobId: string) => Promise<Cell[][]>) {
  return route(async (req, ctx) => {
    ctx.authorize('import.create');
    const jobs = new ImportJobs(ctx.repository);
    const job = await readableJob(jobs, req.params.id ?? '', ctx.units);
    const csv = (await lines(jobs, job.id)).map(csvLine);
    return file(`\uFEFF${csv.join('\r\n')}\r\n`, 'text/csv; charset=utf-8', `import-${job.id}-${name}.csv`);
  });
}
