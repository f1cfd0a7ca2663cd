import * as z from 'zod';
import { FollowUp, FollowUpDue } from '../../shared/schemas/case-records.ts';
import { PageQuery } from '../../shared/schemas/common.ts';
import { notFound } from '../../shared/errors.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { subtreeList } from '../units/unit-scope.ts';

const FollowUpQuery = PageQuery.extend({ due: FollowUpDue.default('overdue'), unit: z.string().min(1).max(40).optional() });
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * Open follow-ups by due date — overdue (before today) or due within a week — from one Query on the due-date
 * index: the caller's own for a caseworker; for supervisors and managers (scope `unit`) their unit subtree's
 * (byTenant `FOLLOWUPS` from the root, byUnit<d> `FOLLOWUPS#U#<unit>` below; `?unit=` narrows inside it).
 */
export const handler = route(async (req, ctx) => {
  const scope = ctx.authorize('followup.list');
  const query = parseOrThrow(FollowUpQuery, req.query, 'Query');
  const range: [string, string] = query.due === 'overdue' ? ['0000', `${day(0)}#`] : [day(0), `${day(7)}#~`];
  const where = (() => {
    if (scope === 'tenant' && query.unit === undefined) return { index: 'byTenant' as const, partition: 'FOLLOWUPS' };
    if (scope === 'own') return { index: 'byOwner' as const, partition: `FOLLOWUPS#${ctx.userId}` };
    if (!ctx.units) throw notFound('Unit');
    return subtreeList('FOLLOWUPS', ctx.units, query.unit);
  })();
  const page = await ctx.repository.query({ ...where, sortKeyBetween: range, limit: query.limit, cursor: query.cursor });
  return ok(page.items.map((item) => FollowUp.parse(item)), { meta: { nextCursor: page.nextCursor } });
});
