import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { TenantRegistry } from '../platform/tenant-registry.ts';
import { exchangeSpace } from './transfer-exchange.ts';

/** Where a case may be transferred: the other active tenants, by id and name only. */
export const handler = route(async (_req, ctx) => {
  ctx.authorize('transfer.request');
  const registry = new TenantRegistry(exchangeSpace(ctx.tenantId));
  const destinations: { id: string; name: string; kind: string; parentId?: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await registry.list(100, cursor);
    for (const tenant of page.items) {
      if (tenant.status === 'active' && tenant.id !== ctx.tenantId) destinations.push({ id: tenant.id, name: tenant.name, kind: tenant.kind, ...(tenant.parentId ? { parentId: tenant.parentId } : {}) });
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ok(destinations);
});
