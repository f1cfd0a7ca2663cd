import type * as z from 'zod';
import type { Action } from '../../shared/auth/permissions.ts';
import type { ReferralAction } from '../../shared/referrals/status.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route, type Handler } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { requireIfMatch } from '../http/preconditions.ts';
import { ReferralStore, type ReferralChange } from './referral-store.ts';

/** `POST /referrals/{id}/<action>` with If-Match on the referral's version: answers the changed referral. */
export function referralActionRoute<S extends z.ZodType<ReferralChange>>(action: ReferralAction, permission: Action, schema: S): Handler {
  return route(async (req, ctx) => {
    const scope = ctx.authorize(permission);
    const change = parseOrThrow(schema, req.body ?? {});
    const expectedVersion = requireIfMatch(req);
    const referral = await new ReferralStore(ctx.repository).act(req.params.id ?? '', action, change, expectedVersion, scope, ctx);
    ctx.log.info(`referral ${referral.status}`, { referralId: referral.id });
    return ok(referral, { etag: referral.version });
  });
}
