import { DomainError } from '../../../shared/errors.ts';
import type { Case } from '../../../shared/schemas/case.ts';
import { MoveInput } from '../../../shared/schemas/lifecycle.ts';
import { User } from '../../../shared/schemas/user.ts';
import { parseOrThrow } from '../../../shared/validation.ts';
import { route } from '../../http/route.ts';
import { ok } from '../../http/responses.ts';
import { requireIfMatch } from '../../http/preconditions.ts';
import type { TenantContext } from '../../http/tenant-context.ts';
import type { WriteOperation } from '../../data/tenant-repository.ts';
import { findUserProfile } from '../../users/user-store.ts';
import { unitTree } from '../../units/unit-store.ts';
import { casePartition } from '../case-items.ts';
import { CaseStore, type CaseChange } from '../case-store.ts';
import { projectionWrites } from '../case-projections.ts';
import { subRecordUnitWrites } from '../sub-record-unit-writes.ts';
import { homeUnitOf, mayBeAssigned } from './unit-rules.ts';

/** DynamoDB's limit on the items of one TransactWriteItems. */
const MAX_TRANSACTION_ITEMS = 100;

const refuseTarget = (message: string) => new DomainError('VALIDATION_FAILED', message, [{ path: 'unitId', message }]);

/**
 * `POST /cases/{id}/move` `{"unitId", "reason"}` (If-Match; `case.move`): the case moves to another unit of the
 * tenant. The caller's scope must hold the case (else 404, as for any case out of scope) and the target (an
 * active unit, else 400 at `unitId`). One transaction through `CaseStore.change`: the case with its new
 * `unitId`/`unitPath` and its projections, the history entry `move` with the reason, and the per-unit index
 * keys of its open follow-ups, its referrals and its pending approval, so every list follows the case at once.
 *
 * The owner keeps the case only if their home unit contains the target; otherwise the moving supervisor
 * becomes its owner (so it is never ownerless) and it is unassigned for the target unit's supervisors to
 * assign. Assignees stay only while `assign` would still accept them for the target (home unit inside its
 * subtree), and never when the owner changes.
 */
export const handler = route(async (req, ctx) => {
  const scope = ctx.authorize('case.move');
  const input = parseOrThrow(MoveInput, req.body ?? {});
  const expectedVersion = requireIfMatch(req);
  const kase = await new CaseStore(ctx.repository).change(req.params.id ?? '', expectedVersion, scope, ctx, (current) => moveChange(current, input, ctx));
  ctx.log.info('case moved', { caseId: kase.id, unitId: kase.unitId, version: kase.version });
  return ok(kase, { etag: kase.version });
});

async function moveChange(current: Case, input: MoveInput, ctx: TenantContext): Promise<CaseChange> {
  const tree = ctx.units?.tree ?? (await unitTree(ctx.repository));
  const target = tree.get(input.unitId);
  if (!target || !ctx.units?.contains(target.id)) throw refuseTarget('Choose a unit inside your scope');
  if (!target.active) throw refuseTarget('The unit is deactivated');
  if (target.id === current.unitId) throw refuseTarget('The case is already in this unit');

  const partition = casePartition(current.id);
  const [owner, assignmentItems] = await Promise.all([
    findUserProfile(ctx.repository, current.ownerId),
    ctx.repository.queryAll({ partition, sortKeyPrefix: 'ASSIGNEE#' }),
  ]);
  const ownerKeeps = owner !== undefined && tree.contains(homeUnitOf(owner, tree), target.id);
  const assignees = ownerKeeps && current.assignedTo.length > 0
    ? (await ctx.repository.getMany(current.assignedTo.map((userId) => ({ partition: `USER#${userId}`, sk: 'PROFILE' }))))
      .map((item) => User.parse(item))
      .filter((user) => mayBeAssigned(user, target.id, tree))
      .map((user) => user.userId)
    : [];
  const next: Case = {
    ...current,
    unitId: target.id,
    unitPath: target.path,
    ownerId: ownerKeeps ? current.ownerId : ctx.userId,
    assignedTo: current.assignedTo.filter((userId) => assignees.includes(userId)),
  };

  const writes: WriteOperation[] = await subRecordUnitWrites(ctx.repository, current, next);
  for (const item of assignmentItems) {
    const userId = String(item.userId);
    if (!next.assignedTo.includes(userId)) writes.push({ delete: { pk: partition, sk: `ASSIGNEE#${userId}` } });
  }
  // The case, its history entry and its projections go in the same transaction.
  if (writes.length + 2 + projectionWrites(current, next).length > MAX_TRANSACTION_ITEMS) {
    throw new DomainError('CONFLICT', 'The case has too many follow-ups and referrals to move in one step; close some of them first');
  }
  return { kase: next, action: 'move', alsoWrite: writes, extraChanges: [{ path: 'move.reason', from: null, to: input.reason }] };
}
