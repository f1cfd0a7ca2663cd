import { DomainError } from '../../shared/errors.ts';
import { DecisionInput, RejectInput, type Approval } from '../../shared/schemas/lifecycle.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route, type Handler } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { requireIfMatch } from '../http/preconditions.ts';
import { CaseStore } from '../cases/case-store.ts';
import { lifecycleChange } from '../cases/lifecycle-change.ts';
import { ApprovalStore } from './approval-store.ts';

/**
 * `POST /approvals/{id}/approve|reject` with If-Match of the approval: decides it and moves the case, both in
 * one transaction with the case's history entry. Answers the decided approval. Only a supervisor whose scope
 * holds the case decides (`visibleIn`, through the case store); everyone else gets 404.
 */
export function decisionRoute(decision: 'approve' | 'reject'): Handler {
  return route(async (req, ctx) => {
    const scope = ctx.authorize('approval.decide');
    const comment = decision === 'reject' ? parseOrThrow(RejectInput, req.body ?? {}).comment : parseOrThrow(DecisionInput, req.body ?? {}).comment;
    const expectedVersion = requireIfMatch(req);
    const approvals = new ApprovalStore(ctx.repository);
    const pending = await approvals.get(req.params.id ?? '');
    // The case's visibility first: outside the caller's scope (another unit's subtree) the approval is the same
    // 404 as one that does not exist — no 412 or 409 that would say it does.
    const cases = new CaseStore(ctx.repository);
    const kase = await cases.get(pending.caseId, scope, ctx);
    if (pending.version !== expectedVersion) throw new DomainError('PRECONDITION_FAILED', 'The approval has changed; reload it');
    if (pending.status !== 'pending') throw new DomainError('CONFLICT', `The approval is already ${pending.status}`);
    const command = decision === 'approve'
      ? { type: 'approve' as const, approvalId: pending.id, comment }
      : { type: 'reject' as const, approvalId: pending.id, comment: comment ?? '' };
    await cases.change(kase.id, kase.version, scope, ctx, (current) => lifecycleChange(current, command, ctx, pending));
    const decided: Approval = await approvals.get(pending.id);
    ctx.log.info('approval decided', { approvalId: decided.id, caseId: decided.caseId, status: decided.status });
    return ok(decided, { etag: decided.version });
  });
}
