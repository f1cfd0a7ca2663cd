import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { ImportJobs, publicJob } from './import-jobs.ts';
import { launchImportWorker } from './worker-launch.ts';

/** `GET /imports/{id}`: progress and outcome; resumes a running job whose worker stopped (lease expired). */
export const handler = route(async (req, ctx) => {
  ctx.authorize('import.create');
  const jobs = new ImportJobs(ctx.repository);
  const job = await jobs.get(req.params.id ?? '');
  if (job.status === 'running' && job.leaseUntil < Date.now()) await launchImportWorker(ctx.repository, job.id);
  return ok(publicJob(job, await jobs.failures(job.id)));
});
