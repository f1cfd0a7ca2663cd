import { scopeFor } from '../../shared/auth/permissions.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { NotificationStore } from './notification-store.ts';

export const handler = route(async (_req, ctx) => {
  ctx.authorize('session.read');
  return ok(await new NotificationStore(ctx.repository).unread(scopeFor(ctx.roles, 'referral.list'), ctx));
});
