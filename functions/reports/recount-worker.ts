import * as z from 'zod';
import { TenantId } from '../../shared/schemas/common.ts';
import { tenantRepository } from '../platform/tenant-registry.ts';
import { runRecount } from './run-recount.ts';

/** What `PATCH /units/{id}` and the report routes send the worker: which tenant's recount job to work. */
export const RecountWorkerEvent = z.object({ tenantId: TenantId, recountId: z.uuid() });

/**
 * The unit-move recount worker in AWS, invoked asynchronously by `PATCH /units/{id}` (a move) and by the
 * dashboard and Circular 02 when a running job's lease ran out: works the job from its cursor with the
 * tenant data role of the job's tenant, for up to 15 minutes; a longer one stops with its progress saved and
 * is invoked again by the next report request.
 */
export async function handler(event: unknown): Promise<void> {
  const { tenantId, recountId } = RecountWorkerEvent.parse(event);
  await runRecount(tenantRepository(tenantId), recountId);
}
