import { TransferListQuery } from '../../shared/schemas/transfer.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { transferAccess } from './transfer-access.ts';
import { TransferService } from './transfer-service.ts';

export const handler = route(async (req, ctx) => {
  const query = parseOrThrow(TransferListQuery, req.query);
  const page = await new TransferService(ctx.repository, ctx).list(query, transferAccess(ctx.roles));
  return ok(page.items, { meta: { nextCursor: page.nextCursor } });
});
