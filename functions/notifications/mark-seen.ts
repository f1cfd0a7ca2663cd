import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { NotificationStore } from './notification-store.ts';

export const handler = route(async (_req, ctx) => {
  ctx.authorize('referral.list');
  return ok(await new NotificationStore(ctx.repository).markSeen(ctx));
});
