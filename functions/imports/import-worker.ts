import * as z from 'zod';
import { TenantId } from '../../shared/schemas/common.ts';
import { tenantRepository } from '../platform/tenant-registry.ts';
import { runImport } from './run-import.ts';

/** What the import routes send the worker: which tenant's job to work (the tenant comes from a verified token). */
export const ImportWorkerEvent = z.object({ tenantId: TenantId, importId: z.uuid() });
export type ImportWorkerEvent = z.infer<typeof ImportWorkerEvent>;

/**
 * The import worker in AWS, invoked asynchronously by `POST /imports/cases` (and by `GET /imports/{id}` when
 * the job's lease ran out): works the job from its cursor with the tenant's data role, for up to 15 minutes.
 * A job longer than that stops with its progress saved; its lease expires and the next GET invokes it again.
 */
export async function handler(event: unknown): Promise<void> {
  const { tenantId, importId } = ImportWorkerEvent.parse(event);
  await runImport(tenantRepository(tenantId), importId);
}
