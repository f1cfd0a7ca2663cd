import { TenantPatch } from '../../shared/schemas/tenant.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { requireIfMatch } from '../http/preconditions.ts';
import { TenantRegistry } from './tenant-registry.ts';

/**
 * `PATCH /platform/tenants/{id}` (platform operator, If-Match): suspend or reactivate, re-parent, rename,
 * change the languages (see `TenantRegistry.change`). A rename also renames the root unit while it is still
 * named after the tenant; that follows the committed change, so its failure is logged, not answered.
 */
export const handler = route(async (req, ctx) => {
  ctx.authorize('tenant.manage');
  const patch = parseOrThrow(TenantPatch, req.body);
  const registry = new TenantRegistry(ctx.repository);
  const tenantId = req.params.id ?? '';
  const before = patch.name ? await registry.get(tenantId) : undefined;
  const registration = await registry.change(tenantId, patch, requireIfMatch(req));
  if (before && patch.name) {
    await registry.renameRootUnit(tenantId, before.name, patch.name).catch((error: unknown) => {
      ctx.log.warn('root unit not renamed after the tenant', { changedTenant: tenantId, error: error instanceof Error ? error.name : 'unknown' });
    });
  }
  if (patch.parentId !== undefined) ctx.log.info('tenant re-parented', { changedTenant: tenantId, parentId: patch.parentId });
  return ok(registration, { etag: registration.version });
});
