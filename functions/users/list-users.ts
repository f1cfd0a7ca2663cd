import { PageQuery } from '../../shared/schemas/common.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { listUsers } from './user-store.ts';

export const handler = route(async (req, ctx) => {
  ctx.authorize('user.list');
  const query = parseOrThrow(PageQuery, req.query, 'Query');
  const page = await listUsers(ctx.repository, query.limit, query.cursor);
  return ok(page.items, { meta: { nextCursor: page.nextCursor } });
});
