import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { CaseStore } from './case-store.ts';

/** API.md's history shape; the chain links stay inside (verify them with `/history/verify`). */
export const handler = route(async (req, ctx) => {
  const scope = ctx.authorize('case.read');
  const entries = await new CaseStore(ctx.repository).history(req.params.id ?? '', scope, ctx);
  return ok(entries.map(({ at, actor, action, changes }) => ({ at, actor, action, changes })), { meta: { nextCursor: null } });
});
