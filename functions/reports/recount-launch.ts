import type { TenantRepository } from '../data/tenant-repository.ts';
import { launchWorker } from '../jobs/launch-worker.ts';
import { RecountJobs } from './recount-jobs.ts';

/**
 * Gets a recount worked after the response: in AWS by the recount worker function
 * (`SANAD_RECOUNT_WORKER_FUNCTION`, invoked asynchronously with `{tenantId, recountId}`,
 * `functions/reports/recount-worker.ts`), locally in the server process (the runner is imported only then, so
 * the routes that start a recount in AWS never load it).
 */
export async function launchRecount(repository: TenantRepository, recountId: string): Promise<void> {
  await launchWorker('SANAD_RECOUNT_WORKER_FUNCTION', { tenantId: repository.tenantId, recountId },
    () => import('./run-recount.ts').then(({ runRecount }) => runRecount(repository, recountId)));
}

/** Resumes the tenant's running recounts whose worker stopped (lease run out): called by the report routes. */
export async function resumeStalledRecounts(repository: TenantRepository): Promise<void> {
  const stalled = (await new RecountJobs(repository).running()).filter((job) => job.leaseUntil < Date.now());
  await Promise.all(stalled.map((job) => launchRecount(repository, job.id)));
}
