import type { TenantRepository } from '../data/tenant-repository.ts';
import { launchWorker } from '../jobs/launch-worker.ts';
import type { ImportWorkerEvent } from './import-worker.ts';

/**
 * Gets an import job worked after the response: in AWS by the import worker function
 * (`SANAD_IMPORT_WORKER_FUNCTION`, invoked asynchronously), locally in the server process (`launchWorker`).
 */
export async function launchImportWorker(repository: TenantRepository, importId: string): Promise<void> {
  const event: ImportWorkerEvent = { tenantId: repository.tenantId, importId };
  // Imported here, not at the top: in AWS the import routes never run the import themselves.
  await launchWorker('SANAD_IMPORT_WORKER_FUNCTION', event, () => import('./run-import.ts').then(({ runImport }) => runImport(repository, importId)));
}
