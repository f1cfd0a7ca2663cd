import { TransferDeclineInput } from '../../shared/schemas/transfer.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { requireIfMatch } from '../http/preconditions.ts';
import { TransferService } from './transfer-service.ts';

export const handler = route(async (req, ctx) => {
  ctx.authorize('transfer.decide');
  const { reason } = parseOrThrow(TransferDeclineInput, req.body ?? {});
  const expectedVersion = requireIfMatch(req);
  const transfer = await new TransferService(ctx.repository, ctx).decline(req.params.id ?? '', reason, expectedVersion);
  return ok(transfer, { etag: transfer.version });
});
