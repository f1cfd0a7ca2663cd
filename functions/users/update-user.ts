import { UserPatch } from '../../shared/schemas/user.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { requireIfMatch } from '../http/preconditions.ts';
import { identityProvider } from '../identity/identity-provider.ts';
import { assertGrantable } from './user-service.ts';
import { getUserProfile, replaceUser } from './user-store.ts';
import { DomainError } from '../../shared/errors.ts';

/** Change roles, disable or re-enable a user of the tenant (If-Match on the user's version). */
export const handler = route(async (req, ctx) => {
  ctx.authorize('user.manage');
  const patch = parseOrThrow(UserPatch, req.body);
  const expectedVersion = requireIfMatch(req);
  if (patch.roles) assertGrantable(patch.roles);
  const current = await getUserProfile(ctx.repository, req.params.id ?? '');
  if (current.version !== expectedVersion) throw new DomainError('PRECONDITION_FAILED', 'The user has changed; reload it');
  if (current.userId === ctx.userId && (patch.status === 'disabled' || (patch.roles && !patch.roles.includes('tenant_admin')))) {
    throw new DomainError('CONFLICT', 'You cannot disable yourself or remove your own tenant admin role');
  }
  const next = { ...current, ...patch, version: current.version + 1 };
  // The profile's version check goes first, so a stale request never touches the sign-in account.
  await replaceUser(ctx.repository, next, expectedVersion);
  const identity = identityProvider();
  if (patch.roles) await identity.setRoles(ctx.tenantId, current.username, patch.roles, current.roles);
  if (patch.status && patch.status !== current.status) await identity.setEnabled(ctx.tenantId, current.username, patch.status === 'active');
  return ok(next, { etag: next.version });
});
