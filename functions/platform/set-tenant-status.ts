import { TenantStatusInput } from '../../shared/schemas/tenant.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { requireIfMatch } from '../http/preconditions.ts';
import { TenantRegistry } from './tenant-registry.ts';

export const handler = route(async (req, ctx) => {
  ctx.authorize('tenant.manage');
  const { status } = parseOrThrow(TenantStatusInput, req.body);
  const registration = await new TenantRegistry(ctx.repository).setStatus(req.params.id ?? '', status, requireIfMatch(req));
  return ok(registration, { etag: registration.version });
});
