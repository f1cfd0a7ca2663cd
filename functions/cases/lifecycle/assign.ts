import { DomainError } from '../../../shared/errors.ts';
import { AssignInput } from '../../../shared/schemas/lifecycle.ts';
import { TRANSITIONS } from '../../../shared/lifecycle/state-machine.ts';
import { parseOrThrow } from '../../../shared/validation.ts';
import { route } from '../../http/route.ts';
import { ok } from '../../http/responses.ts';
import { requireIfMatch } from '../../http/preconditions.ts';
import { findUserProfile } from '../../users/user-store.ts';
import { unitTree } from '../../units/unit-store.ts';
import { CaseStore } from '../case-store.ts';
import { lifecycleChange } from '../lifecycle-change.ts';
import { mayBeAssigned } from './unit-rules.ts';

/**
 * `POST /cases/{id}/assign` (If-Match): assigns the case to an active caseworker or supervisor whose home unit
 * is inside the case's unit subtree — anyone else is 400 at `userId`, decided on the case as it is in the
 * transaction's read (a case the caller cannot see is 404 first).
 */
export const handler = route(async (req, ctx) => {
  const input = parseOrThrow(AssignInput, req.body ?? {});
  const command = { type: 'assign' as const, userId: input.userId };
  const scope = ctx.authorize(TRANSITIONS.assign.permission);
  const expectedVersion = requireIfMatch(req);
  const [user, tree] = await Promise.all([findUserProfile(ctx.repository, input.userId), ctx.units?.tree ?? unitTree(ctx.repository)]);
  const kase = await new CaseStore(ctx.repository).change(req.params.id ?? '', expectedVersion, scope, ctx, (current) => {
    if (!user || !mayBeAssigned(user, current.unitId, tree)) {
      throw new DomainError('VALIDATION_FAILED', 'Assign the case to an active caseworker or supervisor of its unit or a unit below it', [
        { path: 'userId', message: 'No such caseworker in the case\'s unit' },
      ]);
    }
    return lifecycleChange(current, command, ctx);
  });
  ctx.log.info('case changed', { caseId: kase.id, action: command.type, version: kase.version });
  return ok(kase, { etag: kase.version });
});
