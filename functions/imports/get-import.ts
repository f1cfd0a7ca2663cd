import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { ImportJobs, publicJob } from './import-jobs.ts';
import { launchImportWorker } from './worker-launch.ts';
import { readableJob } from './job-csv.ts';

/**
 * `GET /imports/{id}`: progress and outcome of a job of the caller's unit subtree; resumes a running job whose
 * worker stopped (lease expired).
 */
export const handler = route(async (req, ctx) => {
  ctx.authorize('import.create');
  const jobs = new ImportJobs(ctx.repository);
  const job = await readableJob(jobs, req.params.id ?? '', ctx.units);
  if (job.status === 'running' && job.leaseUntil < Date.now()) await launchImportWorker(ctx.repository, job.id);
  return ok(publicJob(job, await jobs.failures(job.id)));
});
