import { scopeFor } from '../../shared/auth/permissions.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { CaseRecords } from './records/case-records.ts';

/** The case page in one request — and one Query on the case's partition. */
export const handler = route(async (req, ctx) => {
  const scope = ctx.authorize('case.read');
  const overview = await new CaseRecords(ctx.repository).overview(req.params.id ?? '', scope, ctx, scopeFor(ctx.roles, 'note.confidential'));
  return ok(overview, { etag: overview.case.version });
});
