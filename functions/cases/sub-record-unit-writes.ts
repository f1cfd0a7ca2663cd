import type { Case } from '../../shared/schemas/case.ts';
import { FollowUp } from '../../shared/schemas/case-records.ts';
import { Referral } from '../../shared/schemas/referral.ts';
import type { TenantRepository, WriteOperation } from '../data/tenant-repository.ts';
import { atVersion } from '../data/conditions.ts';
import { approvalItem } from '../approvals/approval-items.ts';
import { ApprovalStore } from '../approvals/approval-store.ts';
import { referralItem } from '../referrals/referral-items.ts';
import { casePartition } from './case-items.ts';
import { followUpItem } from './records/record-items.ts';

/**
 * The case's sub-records that are listed per unit — open follow-ups, referrals, its pending approval — put
 * again with the unit keys of `next.unitPath`, each at the version read (`POST /cases/{id}/move` and a unit move's recount).
 */
export async function subRecordUnitWrites(repository: TenantRepository, current: Case, next: Case): Promise<WriteOperation[]> {
  const partition = casePartition(current.id);
  const [followUps, referrals, approval] = await Promise.all([
    repository.queryAll({ partition, sortKeyPrefix: 'FU#' }),
    repository.queryAll({ partition, sortKeyPrefix: 'REFERRAL#' }),
    current.pendingApproval ? new ApprovalStore(repository).get(current.pendingApproval.id).catch(() => undefined) : undefined,
  ]);
  const writes: WriteOperation[] = [];
  for (const item of followUps) {
    const followUp = FollowUp.parse(item);
    if (followUp.status === 'open') writes.push({ put: followUpItem(followUp, next), ...atVersion(followUp.version, 'follow-up') });
  }
  for (const item of referrals) {
    const referral = Referral.parse(item);
    const lastActorId = typeof item.lastActorId === 'string' ? item.lastActorId : referral.referredBy.userId;
    writes.push({ put: referralItem(referral, { caseOwnerId: next.ownerId, lastActorId, unitPath: next.unitPath }), ...atVersion(referral.version, 'referral') });
  }
  if (approval?.status === 'pending') writes.push({ put: approvalItem(approval, next.unitPath), ...atVersion(approval.version, 'approval') });
  return writes;
}

