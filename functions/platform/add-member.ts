import { NewMembershipInput } from '../../shared/schemas/user.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { identityProvider } from '../identity/identity-provider.ts';
import { addMember } from '../users/user-service.ts';
import { TenantRegistry, tenantRepository } from './tenant-registry.ts';

/**
 * A membership in another tenant for an existing person (platform operator only): the one way a person's
 * password reaches a second tenant. A tenant admin who names a username taken elsewhere gets 409.
 */
export const handler = route(async (req, ctx) => {
  ctx.authorize('tenant.manage');
  const input = parseOrThrow(NewMembershipInput, req.body);
  const tenant = await new TenantRegistry(ctx.repository).get(req.params.id ?? '');
  const user = await addMember(tenantRepository(tenant.id), identityProvider(), input, ctx);
  return ok(user, { status: 201, etag: user.version });
});
