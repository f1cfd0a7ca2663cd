import { scopeFor } from '../../shared/auth/permissions.ts';
import { requireConsent } from '../../shared/referrals/consent.ts';
import { ReferralInput } from '../../shared/schemas/referral.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { idempotencyKeyOf } from '../cases/idempotency.ts';
import { ReferralStore } from './referral-store.ts';

/** `POST /cases/{id}/referrals`: the body's shape first (400), then its consent (422 CONSENT_REQUIRED). */
export const handler = route(async (req, ctx) => {
  const scope = ctx.authorize('referral.create');
  const input = parseOrThrow(ReferralInput, req.body);
  const consent = requireConsent(input.consent, {
    today: new Date().toISOString().slice(0, 10),
    mayOverride: scopeFor(ctx.roles, 'consent.override') !== undefined,
  });
  const idempotencyKey = idempotencyKeyOf(req.headers);
  const referral = await new ReferralStore(ctx.repository).create(req.params.id ?? '', { ...input, consent }, req.body, scope, ctx, idempotencyKey);
  ctx.log.info('case referred', { caseId: referral.caseId, referralId: referral.id, organizationId: referral.organizationId });
  return ok(referral, { status: 201, etag: referral.version });
});
