import { scopeFor } from '../../shared/auth/permissions.ts';
import { forbidden } from '../../shared/errors.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { TransferService } from './transfer-service.ts';

export const handler = route(async (req, ctx) => {
  if (!scopeFor(ctx.roles, 'transfer.request') && !scopeFor(ctx.roles, 'transfer.decide')) throw forbidden('Your role does not see transfers');
  const transfer = await new TransferService(ctx.repository, ctx).read(req.params.id ?? '');
  return ok(transfer, { etag: transfer.version });
});
