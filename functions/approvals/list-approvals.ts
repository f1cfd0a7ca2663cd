import * as z from 'zod';
import { PageQuery } from '../../shared/schemas/common.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { ApprovalStore } from './approval-store.ts';

const ApprovalListQuery = PageQuery.extend({
  status: z.enum(['pending', 'approved', 'rejected']).default('pending'),
  unit: z.string().min(1).max(40).optional(),
});

/** `GET /approvals`: the caller's queue — approvals of cases in their unit subtree (`?unit=` narrows). */
export const handler = route(async (req, ctx) => {
  const scope = ctx.authorize('approval.list');
  const query = parseOrThrow(ApprovalListQuery, req.query, 'Query');
  const page = await new ApprovalStore(ctx.repository).list(query, scope, ctx.units);
  return ok(page.items, { meta: { nextCursor: page.nextCursor } });
});
