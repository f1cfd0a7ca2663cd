import { scopeFor } from '../../shared/auth/permissions.ts';
import { requireConsent } from '../../shared/referrals/consent.ts';
import { TransferInput } from '../../shared/schemas/transfer.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { TransferService } from './transfer-service.ts';

/** `POST /cases/{id}/transfers`: the body's shape first (400), then its consent (422 CONSENT_REQUIRED). */
export const handler = route(async (req, ctx) => {
  const scope = ctx.authorize('transfer.request');
  const input = parseOrThrow(TransferInput, req.body);
  const consent = requireConsent(input.consent, { today: new Date().toISOString().slice(0, 10), mayOverride: scopeFor(ctx.roles, 'consent.override') !== undefined });
  const transfer = await new TransferService(ctx.repository, ctx).request(req.params.id ?? '', { ...input, consent }, scope);
  ctx.log.info('transfer requested', { transferId: transfer.id, toTenantId: transfer.toTenantId });
  return ok(transfer, { status: 201, etag: transfer.version });
});
