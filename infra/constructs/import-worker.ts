import type { Construct } from 'constructs';
import { IMPORT_WORKER_ENTRY } from '../../functions/routes.ts';
import { BackgroundWorker } from './background-worker.ts';
import type { TenantDataRole } from './tenant-data-role.ts';
import type { HistoryKey } from './history-key.ts';

export interface ImportWorkerProps {
  tableName: string;
  tenantDataRole: TenantDataRole;
  /** Each imported case's history entry is keyed: the worker derives the tenant's chain key. */
  historyKey: HistoryKey;
}

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
