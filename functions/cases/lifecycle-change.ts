import { randomUUID } from 'node:crypto';
import { applyCommand, type Command } from '../../shared/lifecycle/state-machine.ts';
import type { Case } from '../../shared/schemas/case.ts';
import type { Approval } from '../../shared/schemas/lifecycle.ts';
import type { PutOperation } from '../data/tenant-repository.ts';
import { approvalItem } from '../approvals/approval-items.ts';
import type { Actor, CaseChange } from './case-store.ts';
import { assignmentItem } from './case-items.ts';
import { atVersion } from '../data/conditions.ts';

/**
 * Runs a lifecycle command through the shared state machine and lists the approval writes it implies, to go
 * in the same transaction as the case. `pending` is the approval being decided, when the command decides one.
 */
export function lifecycleChange(kase: Case, command: Command, actor: Actor, pending?: Approval): CaseChange {
  const now = new Date().toISOString();
  const outcome = applyCommand(kase, command, {
    now,
    userId: actor.userId,
    newId: randomUUID,
    pendingRequestedBy: pending?.requestedBy,
  });
  const alsoWrite: PutOperation[] = [];
  if (outcome.requested) {
    const approval: Approval = {
      id: outcome.requested.id,
      caseId: kase.id,
      caseNumber: kase.caseNumber,
      kind: outcome.requested.kind,
      status: 'pending',
      requestedBy: actor.userId,
      createdAt: now,
      version: 1,
    };
    alsoWrite.push({ put: approvalItem(approval, kase.unitPath), condition: 'attribute_not_exists(pk)' });
  }
  if (outcome.decided && pending) {
    const comment = command.type === 'approve' || command.type === 'reject' ? command.comment : undefined;
    const decided: Approval = {
      ...pending,
      status: outcome.decided.approved ? 'approved' : 'rejected',
      decidedBy: actor.userId,
      decidedAt: now,
      ...(comment ? { comment } : {}),
      version: pending.version + 1,
    };
    alsoWrite.push({
      put: approvalItem(decided, kase.unitPath),
      ...atVersion(pending.version, 'approval'),
    });
  }
  if (command.type === 'assign' && !kase.assignedTo.includes(command.userId)) {
    alsoWrite.push({ put: assignmentItem(kase.id, command.userId, now) });
  }
  return { kase: outcome.kase, action: command.type, alsoWrite };
}
