import { FollowUp, FollowUpDue } from '../../shared/schemas/case-records.ts';
import { PageQuery } from '../../shared/schemas/common.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';

const FollowUpQuery = PageQuery.extend({ due: FollowUpDue.default('overdue') });
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * Open follow-ups by due date — overdue (before today) or due within a week — from one Query on the due-date
 * index: the caller's own for a caseworker, the tenant's for supervisors and managers.
 */
export const handler = route(async (req, ctx) => {
  const scope = ctx.authorize('followup.list');
  const query = parseOrThrow(FollowUpQuery, req.query, 'Query');
  const range: [string, string] = query.due === 'overdue' ? ['0000', `${day(0)}#`] : [day(0), `${day(7)}#~`];
  const page = await ctx.repository.query({
    ...(scope === 'tenant' ? { index: 'byTenant', partition: 'FOLLOWUPS' } : { index: 'byOwner', partition: `FOLLOWUPS#${ctx.userId}` }),
    sortKeyBetween: range,
    limit: query.limit,
    cursor: query.cursor,
  });
  return ok(page.items.map((item) => FollowUp.parse(item)), { meta: { nextCursor: page.nextCursor } });
});
