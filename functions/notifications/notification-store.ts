import type { Scope } from '../../shared/auth/permissions.ts';
import { Referral, type Notifications } from '../../shared/schemas/referral.ts';
import { effectiveReferral } from '../../shared/referrals/status.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';
import { partnerOrganizationActive, type ReferralCaller } from '../referrals/referral-store.ts';

/** How many changes one count looks at: the badge says "99+" beyond it rather than paging on. */
const UNREAD_WINDOW = 100;

/**
 * Unread counts: referrals changed by someone else since the user last looked — new referrals in a partner's
 * inbox; answers on the referrals a caseworker made or owns the case of. One Query from the last-seen time on
 * the index sorted by change time, so the cost follows what is unread, not the size of the tenant.
 */
export class NotificationStore {
  constructor(private readonly repository: TenantRepository) {}

  async unread(referralScope: Scope | undefined, caller: ReferralCaller): Promise<Notifications> {
    const none = { referrals: { unread: 0, more: false } };
    if (!referralScope) return none;
    const [seen, reachable] = await Promise.all([
      this.repository.get(`SEEN#${caller.userId}`, 'referrals'),
      referralScope === 'organization' ? partnerOrganizationActive(this.repository, caller) : true,
    ]);
    if (!reachable) return none;
    // Sort keys start with an ISO time; '0' sorts before all of them (never looked = everything is unread).
    const since: [string, string] = [String(seen?.at ?? '0'), '~'];
    const notMine = { expression: '#lastActor <> :me', names: { '#lastActor': 'lastActorId' }, values: { ':me': caller.userId } };
    const page = referralScope === 'organization'
      ? await this.repository.query({ index: 'byOwner', partition: `INBOX#${caller.organizationId}`, sortKeyBetween: since, limit: UNREAD_WINDOW, filter: notMine })
      : await this.repository.query({
        index: 'byTenant', partition: 'REFERRALS', sortKeyBetween: since, limit: UNREAD_WINDOW,
        filter: {
          expression: `${notMine.expression} AND (#referredBy = :me OR #owner = :me)`,
          names: { ...notMine.names, '#referredBy': 'referredById', '#owner': 'caseOwnerId' },
          values: notMine.values,
        },
      });
    const today = new Date().toISOString().slice(0, 10);
    const unread = page.items
      .map((item) => effectiveReferral(Referral.parse(item), today))
      .filter((referral) => referralScope !== 'organization' || referral.status !== 'revoked').length;
    return { referrals: { unread, more: page.nextCursor !== null } };
  }

  /** The user has looked: everything changed until now is read. */
  async markSeen(caller: ReferralCaller): Promise<{ seenAt: string }> {
    const seenAt = new Date().toISOString();
    await this.repository.transact([{ put: { pk: `SEEN#${caller.userId}`, sk: 'referrals', entity: 'seen-marker', at: seenAt } }]);
    return { seenAt };
  }
}
