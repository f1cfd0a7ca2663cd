import { ReferralListQuery } from '../../shared/schemas/referral.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { ReferralStore } from './referral-store.ts';

export const handler = route(async (req, ctx) => {
  const scope = ctx.authorize('referral.list');
  const query = parseOrThrow(ReferralListQuery, req.query);
  const page = await new ReferralStore(ctx.repository).list(query, scope, ctx);
  return ok(page.items, { meta: { nextCursor: page.nextCursor } });
});
