import type { Construct } from 'constructs';
import { RECOUNT_WORKER_ENTRY } from '../../functions/routes.ts';
import { BackgroundWorker, type WorkerDeploymentProps } from './background-worker.ts';

export type RecountWorkerProps = WorkerDeploymentProps;

/**
 * The unit-move recount worker (`functions/reports/recount-worker.ts`): invoked asynchronously by `PATCH
 * /units/{id}` when a unit moves, and by the dashboard and Circular 02 when a running recount's lease ran out
 * (`SANAD_RECOUNT_WORKER_FUNCTION`); up to 15 minutes with the tenant data role of the job's tenant.
 */
export class RecountWorker extends BackgroundWorker {
  constructor(scope: Construct, id: string, props: RecountWorkerProps) {
    super(scope, id, { ...props, entry: RECOUNT_WORKER_ENTRY, startVariable: 'SANAD_RECOUNT_WORKER_FUNCTION' });
  }
}
