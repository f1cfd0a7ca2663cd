import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { CaseStore } from './case-store.ts';

export const handler = route(async (req, ctx) => {
  const scope = ctx.authorize('case.read');
  const kase = await new CaseStore(ctx.repository).get(req.params.id ?? '', scope, ctx);
  return ok(kase, { etag: kase.version });
});
