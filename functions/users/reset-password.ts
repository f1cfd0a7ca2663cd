import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { identityProvider } from '../identity/identity-provider.ts';
import { getUserProfile } from './user-store.ts';

/** A new one-time password (locally returned; in AWS Cognito sends it). */
export const handler = route(async (req, ctx) => {
  ctx.authorize('user.manage');
  const user = await getUserProfile(ctx.repository, req.params.id ?? '');
  const { temporaryPassword } = await identityProvider().resetPassword(ctx.tenantId, user.username);
  return ok({ userId: user.userId, ...(temporaryPassword ? { temporaryPassword } : {}) });
});
