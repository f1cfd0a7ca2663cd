import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { identityProvider } from '../identity/identity-provider.ts';
import { resetUserPassword } from './user-service.ts';

/** A new one-time password (locally returned; in AWS Cognito sends it); the user's sessions end. */
export const handler = route(async (req, ctx) => {
  ctx.authorize('user.manage');
  const { user, temporaryPassword } = await resetUserPassword(ctx.repository, identityProvider(), req.params.id ?? '', ctx);
  return ok({ userId: user.userId, ...(temporaryPassword ? { temporaryPassword } : {}) }, { etag: user.version });
});
