import { PageQuery } from '../../shared/schemas/common.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { listUserAudit } from './user-audit.ts';

/** Who created, changed, disabled or reset whom in the tenant, newest first (tenant admins). */
export const handler = route(async (req, ctx) => {
  ctx.authorize('user.manage');
  const query = parseOrThrow(PageQuery, req.query, 'Query');
  const page = await listUserAudit(ctx.repository, query.limit, query.cursor);
  return ok(page.items, { meta: { nextCursor: page.nextCursor } });
});
