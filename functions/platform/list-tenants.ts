import { PageQuery } from '../../shared/schemas/common.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { TenantRegistry } from './tenant-registry.ts';

export const handler = route(async (req, ctx) => {
  ctx.authorize('tenant.manage');
  const query = parseOrThrow(PageQuery, req.query, 'Query');
  const page = await new TenantRegistry(ctx.repository).list(query.limit, query.cursor);
  return ok(page.items, { meta: { nextCursor: page.nextCursor } });
});
