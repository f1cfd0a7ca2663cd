import { PageQuery } from '../../shared/schemas/common.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { OrganizationStore } from './organization-store.ts';

/** The partner directory; a partner user sees only its own organisation. */
export const handler = route(async (req, ctx) => {
  const scope = ctx.authorize('organization.list');
  const query = parseOrThrow(PageQuery, req.query);
  const organizations = new OrganizationStore(ctx.repository);
  if (scope === 'organization') {
    const own = ctx.organizationId ? await organizations.find(ctx.organizationId) : undefined;
    return ok(own ? [own] : [], { meta: { nextCursor: null } });
  }
  const page = await organizations.list(query.limit, query.cursor);
  return ok(page.items, { meta: { nextCursor: page.nextCursor } });
});
