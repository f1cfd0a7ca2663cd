import type { Construct } from 'constructs';
import { IMPORT_WORKER_ENTRY } from '../../functions/routes.ts';
import { BackgroundWorker, type WorkerDeploymentProps } from './background-worker.ts';

export type ImportWorkerProps = WorkerDeploymentProps;

/**
 * The register import worker (`functions/imports/import-worker.ts`): invoked asynchronously by the import
 * routes (`SANAD_IMPORT_WORKER_FUNCTION`), it works a job for up to 15 minutes with the tenant data role of
 * the job's tenant, like any route.
 */
export class ImportWorker extends BackgroundWorker {
  constructor(scope: Construct, id: string, props: ImportWorkerProps) {
    super(scope, id, { ...props, entry: IMPORT_WORKER_ENTRY, startVariable: 'SANAD_IMPORT_WORKER_FUNCTION' });
  }
}
