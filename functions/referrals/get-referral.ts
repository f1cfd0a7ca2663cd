import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { ReferralStore } from './referral-store.ts';

export const handler = route(async (req, ctx) => {
  const scope = ctx.authorize('referral.list');
  const referral = await new ReferralStore(ctx.repository).read(req.params.id ?? '', scope, ctx);
  return ok(referral, { etag: referral.version });
});
