import { UserPatch } from '../../shared/schemas/user.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { requireIfMatch } from '../http/preconditions.ts';
import { identityProvider } from '../identity/identity-provider.ts';
import { changeUser } from './user-service.ts';

/** Change roles, disable or re-enable a user of the tenant (If-Match on the user's version). */
export const handler = route(async (req, ctx) => {
  ctx.authorize('user.manage');
  const patch = parseOrThrow(UserPatch, req.body);
  const next = await changeUser(ctx.repository, identityProvider(), req.params.id ?? '', patch, requireIfMatch(req), ctx);
  return ok(next, { etag: next.version });
});
