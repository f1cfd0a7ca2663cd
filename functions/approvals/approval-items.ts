import { Approval } from '../../shared/schemas/lifecycle.ts';
import type { ItemInput } from '../data/tenant-repository.ts';
import { unitIndexKeys } from '../units/unit-scope.ts';

/**
 * An approval is its own item, `APPROVAL#<id>` / `META`, so `/approvals/{id}/…` finds it by id; the
 * supervisor's queue is the byTenant index partition `APPROVALS#<status>`, oldest request first, and for a
 * unit's supervisors the byUnit<d> partition `APPROVALS#<status>#U#<unit>` of each unit above the case's own
 * (`unitPath`, the case's path from the root): every supervisor whose subtree holds the case finds it in their
 * queue — the nearest in their own unit's, those above in theirs. The keys are rewritten with every status
 * change and when the case moves.
 */
export const approvalPartition = (approvalId: string) => `APPROVAL#${approvalId}`;

export function approvalItem(approval: Approval, unitPath: readonly string[]): ItemInput {
  return {
    pk: approvalPartition(approval.id),
    sk: 'META',
    entity: 'approval',
    gsi2pk: `APPROVALS#${approval.status}`,
    gsi2sk: `${approval.createdAt}#${approval.id}`,
    ...unitIndexKeys(`APPROVALS#${approval.status}`, unitPath),
    ...approval,
  };
}

export const approvalFromItem = (item: Record<string, unknown>): Approval => Approval.parse(item);
