import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { TenantRegistry } from '../platform/tenant-registry.ts';
import { exchangeSpace } from './transfer-exchange.ts';
import { transferDestinations } from './destinations.ts';

/** Where a case may be transferred: the other active tenants of the same country, by id and name only. */
export const handler = route(async (_req, ctx) => {
  ctx.authorize('transfer.request');
  const destinations = await transferDestinations(new TenantRegistry(exchangeSpace(ctx.tenantId)), ctx.tenantId);
  return ok(destinations.map(({ id, name, kind, parentId }) => ({ id, name, kind, ...(parentId ? { parentId } : {}) })));
});
