import type { Referral } from '../../shared/schemas/referral.ts';
import type { ItemInput } from '../data/tenant-repository.ts';
import { casePartition } from '../cases/case-items.ts';
import { unitIndexKeys } from '../units/unit-scope.ts';

/**
 * A referral lives in its case's partition (`CASE#<id>` / `REFERRAL#<rid>`), so the case page reads it with the
 * case. It is indexed for the partner's inbox (byOwner `INBOX#<orgId>`) and the tenant's outbox (byTenant
 * `REFERRALS`, and byUnit<d> `REFERRALS#U#<unit>` for each unit above the case's, from its `unitPath`: a unit
 * supervisor's outbox), all by last change, which is also what unread counts compare with. A pointer item
 * `REFERRAL#<rid>` / `CASE` finds the case from the referral id.
 */
export function referralItem(referral: Referral, context: { caseOwnerId: string; lastActorId: string; unitPath: readonly string[] }): ItemInput {
  const recency = `${referral.updatedAt}#${referral.id}`;
  const { unitPath, ...rest } = context;
  return {
    pk: casePartition(referral.caseId),
    sk: `REFERRAL#${referral.id}`,
    entity: 'referral',
    gsi1pk: `INBOX#${referral.organizationId}`,
    gsi1sk: recency,
    gsi2pk: 'REFERRALS',
    gsi2sk: recency,
    ...unitIndexKeys('REFERRALS', unitPath),
    referredById: referral.referredBy.userId,
    ...rest,
    ...referral,
  };
}

export const referralPointer = (referralId: string, caseId: string): ItemInput => ({
  pk: `REFERRAL#${referralId}`,
  sk: 'CASE',
  entity: 'referral-pointer',
  caseId,
});
