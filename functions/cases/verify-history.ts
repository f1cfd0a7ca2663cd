import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { CaseStore } from './case-store.ts';

/**
 * Checks the case's keyed history chain against the head on the case: reports the first entry that was
 * altered, removed, reordered or written without the tenant's key (`brokenAt`, `reason`), and how many
 * entries predate keyed history (`unkeyed`). What it proves and what not: docs/security.md.
 */
export const handler = route(async (req, ctx) => {
  const scope = ctx.authorize('case.read');
  return ok(await new CaseStore(ctx.repository).verifyHistory(req.params.id ?? '', scope, ctx));
});
