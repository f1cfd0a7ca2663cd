import { CaseListQuery } from '../../shared/schemas/case.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { searchCases } from './case-search.ts';
import { CaseStore } from './case-store.ts';

export const handler = route(async (req, ctx) => {
  const scope = ctx.authorize('case.list');
  const query = parseOrThrow(CaseListQuery, req.query, 'Query');
  const page = query.q === undefined
    ? await new CaseStore(ctx.repository).list(query, scope, ctx)
    : await searchCases(ctx.repository, { ...query, q: query.q }, scope, ctx);
  return ok(page.items, { meta: { nextCursor: page.nextCursor } });
});
