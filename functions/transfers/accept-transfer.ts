import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { requireIfMatch } from '../http/preconditions.ts';
import { TransferService } from './transfer-service.ts';

export const handler = route(async (req, ctx) => {
  ctx.authorize('transfer.decide');
  const expectedVersion = requireIfMatch(req);
  const transfer = await new TransferService(ctx.repository, ctx).accept(req.params.id ?? '', expectedVersion);
  ctx.log.info('transfer accepted', { transferId: transfer.id, caseId: transfer.receivedCase?.id });
  return ok(transfer, { etag: transfer.version });
});
