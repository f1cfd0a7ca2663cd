import { verifyChain } from '../../shared/history/chain.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { CaseStore } from './case-store.ts';
import { sha256 } from './case-history.ts';

/** Recomputes the case's hash chain and reports the first entry that was altered, removed or reordered. */
export const handler = route(async (req, ctx) => {
  const scope = ctx.authorize('case.read');
  const entries = await new CaseStore(ctx.repository).history(req.params.id ?? '', scope, ctx);
  return ok(verifyChain(entries, sha256));
});
