import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { transferAccess } from './transfer-access.ts';
import { TransferService } from './transfer-service.ts';

/** A transfer, to those who may read its case (sending side) or answer it (receiving side); 404 to anyone else. */
export const handler = route(async (req, ctx) => {
  const transfer = await new TransferService(ctx.repository, ctx).read(req.params.id ?? '', transferAccess(ctx.roles));
  return ok(transfer, { etag: transfer.version });
});
