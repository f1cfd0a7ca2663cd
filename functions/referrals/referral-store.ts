import { randomUUID } from 'node:crypto';
import type { Scope } from '../../shared/auth/permissions.ts';
import { DomainError, forbidden, notFound } from '../../shared/errors.ts';
import { Note } from '../../shared/schemas/case-records.ts';
import { Referral, type ReferralInput, type ReferralListQuery } from '../../shared/schemas/referral.ts';
import { buildSnapshot } from '../../shared/referrals/snapshot.ts';
import { effectiveReferral, nextStatus, REFERRAL_TRANSITIONS, type ReferralAction } from '../../shared/referrals/status.ts';
import type { Page, TenantRepository } from '../data/tenant-repository.ts';
import { atVersion } from '../data/conditions.ts';
import { CaseStore, type Actor } from '../cases/case-store.ts';
import { OrganizationStore } from '../organizations/organization-store.ts';
import { subtreeList } from '../units/unit-scope.ts';
import { referralItem, referralPointer } from './referral-items.ts';

/** Who asks: partner users act for their organisation (scope `organization`), staff for cases in their scope. */
export interface ReferralCaller extends Actor {
  organizationId?: string;
}

/** What a list shows: everything but the snapshot, which only the (audited) single read returns. */
export type ReferralSummary = Omit<Referral, 'snapshot'>;

export interface ReferralChange {
  reason?: string;
  outcome?: string;
  note?: string;
}

const REFERRAL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const today = () => new Date().toISOString().slice(0, 10);
const summaryOf = ({ snapshot: _snapshot, ...summary }: Referral): ReferralSummary => summary;

/** Referrals of one tenant: made on a case, answered by a partner, every step on the case's history. */
export class ReferralStore {
  private readonly cases: CaseStore;

  constructor(private readonly repository: TenantRepository) {
    this.cases = new CaseStore(repository);
  }

  /** Refers a case: the snapshot of the consented sections is taken now, on the server. */
  async create(caseId: string, input: ReferralInput, rawInput: unknown, scope: Scope, actor: Actor, idempotencyKey?: string): Promise<Referral> {
    const organization = await new OrganizationStore(this.repository).find(input.organizationId);
    if (!organization?.active) {
      throw new DomainError('VALIDATION_FAILED', 'No such partner organisation', [{ path: 'organizationId', message: 'Choose an organisation from the directory' }]);
    }
    const service = organization.services.find((s) => s.id === input.service || s.name === input.service);
    if (organization.services.length > 0 && !service) {
      throw new DomainError('VALIDATION_FAILED', 'The organisation does not offer this service', [{ path: 'service', message: 'Choose one of its services' }]);
    }
    const { items } = await this.cases.partition(caseId, scope, actor);
    const notes = items.filter((item) => item.entity === 'note').map((item) => Note.parse(item));
    return this.cases.createSubRecord({ caseId, kind: 'referral', input: rawInput, scope, actor, idempotencyKey, schema: Referral }, (kase) => {
      if (kase.status === 'closed') throw new DomainError('CONFLICT', 'A closed case cannot be referred; reopen it first');
      const now = new Date().toISOString();
      const referral: Referral = {
        id: randomUUID(),
        caseId,
        caseNumber: kase.caseNumber,
        organizationId: organization.id,
        organizationName: organization.name,
        service: service?.name ?? input.service,
        reason: input.reason,
        status: 'pending',
        share: input.share,
        snapshot: buildSnapshot(kase, notes, input.share),
        consent: input.consent,
        bestInterestsOverride: input.consent.givenBy === 'not_required_best_interests',
        referredBy: { userId: actor.userId, username: actor.username },
        events: [{ at: now, status: 'pending', by: actor.username }],
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      const { consent } = input;
      return {
        record: referral,
        items: [referralItem(referral, { caseOwnerId: kase.ownerId, lastActorId: actor.userId, unitPath: kase.unitPath }), referralPointer(referral.id, caseId)],
        change: {
          action: 'refer',
          changes: [{
            path: `referrals.${referral.id}`,
            from: null,
            to: { organizationId: organization.id, service: referral.service, share: input.share, consent: { givenBy: consent.givenBy, givenAt: consent.givenAt, expiresAt: consent.expiresAt ?? null } },
          }],
        },
      };
    });
  }

  /** One referral. A partner's read is recorded on the case's history; a revoked one no longer exists for them. */
  async read(referralId: string, scope: Scope, caller: ReferralCaller): Promise<Referral> {
    const { referral } = await this.locate(referralId, scope, caller);
    if (scope === 'organization') {
      await this.cases.recordSubChange(referral.caseId, 'tenant', caller, () => ({
        action: 'partner_read_referral',
        changes: [{ path: `referrals.${referral.id}.readBy`, from: null, to: { organizationId: referral.organizationId, username: caller.username } }],
        writes: [],
      }));
    }
    return referral;
  }

  /** Accept, decline, complete (the partner) or revoke (the referring side), at `expectedVersion`. */
  async act(referralId: string, action: ReferralAction, change: ReferralChange, expectedVersion: number, scope: Scope, caller: ReferralCaller): Promise<Referral> {
    const partnerSide = REFERRAL_TRANSITIONS[action].side === 'partner';
    if (partnerSide !== (scope === 'organization')) throw forbidden(partnerSide ? 'Only the partner answers a referral' : 'Only the referring side revokes');
    const { referral, caseOwnerId } = await this.locate(referralId, scope, caller);
    if (referral.version !== expectedVersion) throw new DomainError('PRECONDITION_FAILED', `The referral has changed (now version ${referral.version}); reload it`);
    const status = nextStatus(referral, action);
    const at = new Date().toISOString();
    const note = change.reason ?? change.outcome ?? change.note;
    const next: Referral = {
      ...referral,
      status,
      ...(action === 'decline' ? { declineReason: change.reason } : {}),
      ...(action === 'complete' ? { outcome: change.outcome } : {}),
      ...(action === 'revoke' ? { revokeReason: change.reason } : {}),
      events: [...referral.events, { at, status, by: caller.username, ...(note ? { note } : {}) }],
      updatedAt: at,
      version: referral.version + 1,
    };
    // The partner cannot see the case, so its answer is recorded with the tenant's authority, not the partner's.
    await this.cases.recordSubChange(referral.caseId, partnerSide ? 'tenant' : scope, caller, (kase) => ({
      action: `referral_${action}`,
      changes: [{ path: `referrals.${referral.id}.status`, from: referral.status, to: status }],
      writes: [{ put: referralItem(next, { caseOwnerId, lastActorId: caller.userId, unitPath: kase.unitPath }), ...atVersion(expectedVersion, 'referral') }],
    }));
    return next;
  }

  /**
   * The partner's inbox, the referring side's outbox (a caseworker's own, a unit supervisor's subtree, the whole
   * tenant's from the root), or one case's referrals; newest change first.
   */
  async list(query: ReferralListQuery, scope: Scope, caller: ReferralCaller): Promise<Page<ReferralSummary>> {
    const box = query.box ?? (scope === 'organization' ? 'inbox' : 'outbox');
    if ((box === 'inbox') !== (scope === 'organization')) throw forbidden(box === 'inbox' ? 'Only partner organisations have an inbox' : 'Partners have only an inbox');
    // A partner's inbox is read beside the check of its organisation; a deactivated one's inbox is empty.
    const [page, reachable] = await Promise.all([this.queryBox(query, scope, caller), scope === 'organization' ? this.partnerMayReach(caller) : true]);
    if (!reachable) return { items: [], nextCursor: null };
    const referrals = page.items
      .map((item) => effectiveReferral(Referral.parse(item), today()))
      .filter((referral) => (scope !== 'organization' || referral.status !== 'revoked') && (!query.status || referral.status === query.status));
    return { items: referrals.map(summaryOf), nextCursor: page.nextCursor };
  }

  private async queryBox(query: ReferralListQuery, scope: Scope, caller: ReferralCaller) {
    const statusFilter = query.status ? { expression: '#status = :status', names: { '#status': 'status' }, values: { ':status': query.status } } : undefined;
    if (query.caseId !== undefined) {
      if (scope === 'organization') throw forbidden('Partners see referrals, not cases');
      await this.cases.get(query.caseId, scope, caller);
      return this.repository.query({ partition: `CASE#${query.caseId}`, sortKeyPrefix: 'REFERRAL#', limit: query.limit, cursor: query.cursor });
    }
    if (scope === 'organization') {
      if (!caller.organizationId) return { items: [], nextCursor: null };
      return this.repository.query({ index: 'byOwner', partition: `INBOX#${caller.organizationId}`, limit: query.limit, cursor: query.cursor, newestFirst: true, filter: statusFilter });
    }
    const mine = scope === 'own'
      ? { expression: '(#referredBy = :me OR #owner = :me)', names: { '#referredBy': 'referredById', '#owner': 'caseOwnerId' }, values: { ':me': caller.userId } }
      : undefined;
    const filters = [mine, statusFilter].filter((filter) => filter !== undefined);
    const filter = filters.length === 0 ? undefined : {
      expression: filters.map((f) => f.expression).join(' AND '),
      names: Object.assign({}, ...filters.map((f) => f.names)) as Record<string, string>,
      values: Object.assign({}, ...filters.map((f) => f.values)) as Record<string, unknown>,
    };
    // A unit's supervisors and managers: their subtree's referrals, one Query on its byUnit<d> index (the root's is byTenant).
    const where = scope === 'unit'
      ? (caller.units ? subtreeList('REFERRALS', caller.units) : undefined)
      : { index: 'byTenant' as const, partition: 'REFERRALS' };
    if (!where) return { items: [], nextCursor: null };
    return this.repository.query({ ...where, limit: query.limit, cursor: query.cursor, newestFirst: true, filter });
  }

  /**
   * A referral as it stands today, if the caller may see it: a partner only its organisation's, never a
   * revoked one, and none while its organisation is deactivated; the referring side only those on cases it may
   * see. Anything else is the same 404 as a referral that does not exist.
   */
  private async locate(referralId: string, scope: Scope, caller: ReferralCaller): Promise<{ referral: Referral; caseOwnerId: string }> {
    if (!REFERRAL_ID.test(referralId)) throw notFound('Referral');
    const [pointer, reachable] = await Promise.all([
      this.repository.get(`REFERRAL#${referralId}`, 'CASE'),
      scope === 'organization' ? this.partnerMayReach(caller) : true,
    ]);
    if (!pointer || !reachable) throw notFound('Referral');
    const item = await this.repository.get(`CASE#${String(pointer.caseId)}`, `REFERRAL#${referralId}`);
    if (!item) throw notFound('Referral');
    const referral = effectiveReferral(Referral.parse(item), today());
    if (scope === 'organization') {
      if (referral.organizationId !== caller.organizationId || referral.status === 'revoked') throw notFound('Referral');
    } else {
      await this.cases.get(referral.caseId, scope, caller);
    }
    return { referral, caseOwnerId: String(item.caseOwnerId) };
  }

  private partnerMayReach(caller: ReferralCaller): Promise<boolean> {
    return partnerOrganizationActive(this.repository, caller);
  }
}

/**
 * Whether a partner user's organisation is (still) active: a tenant admin who deactivates an organisation
 * cuts its users off its referrals (and their notifications) at once. One consistent GetItem of `ORG#<id>` /
 * `PROFILE`, made beside the request's own first read, so it adds no round trip.
 */
export async function partnerOrganizationActive(repository: TenantRepository, caller: ReferralCaller): Promise<boolean> {
  if (!caller.organizationId) return false;
  const organization = await new OrganizationStore(repository).find(caller.organizationId);
  return organization?.active === true;
}
