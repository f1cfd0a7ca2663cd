import { Approval } from '../../shared/schemas/lifecycle.ts';
import type { ItemInput } from '../data/tenant-repository.ts';

/**
 * An approval is its own item, `APPROVAL#<id>` / `META`, so `/approvals/{id}/…` finds it by id; the
 * supervisor's queue is the byTenant index partition `APPROVALS#<status>`, oldest request first.
 */
export const approvalPartition = (approvalId: string) => `APPROVAL#${approvalId}`;

export function approvalItem(approval: Approval): ItemInput {
  return {
    pk: approvalPartition(approval.id),
    sk: 'META',
    entity: 'approval',
    gsi2pk: `APPROVALS#${approval.status}`,
    gsi2sk: `${approval.createdAt}#${approval.id}`,
    ...approval,
  };
}

export const approvalFromItem = (item: Record<string, unknown>): Approval => Approval.parse(item);
