import { createHash, randomUUID } from 'node:crypto';
import type { Scope } from '../../shared/auth/permissions.ts';
import { DomainError, notFound } from '../../shared/errors.ts';
import { diff } from '../../shared/history/diff.ts';
import type { Case, CaseInput, CaseListQuery } from '../../shared/schemas/case.ts';
import type { Page, TenantRepository } from '../data/tenant-repository.ts';
import { getTenantProfile } from '../tenants/tenant-store.ts';
import { caseFromItem, caseItem, casePartition, historyItem } from './case-items.ts';
import { formatCaseNumber } from './case-numbers.ts';

export interface Actor {
  userId: string;
  username: string;
}

export interface CreateOptions {
  /** The client's `Idempotency-Key`: a replay with the same key and body returns the first case. */
  idempotencyKey?: string;
  /** Historical registrations (imports) keep their own opening time. */
  now?: Date;
}

export interface CreateResult {
  kase: Case;
  replayed: boolean;
}

const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Case records of one tenant, read and written through its repository. */
export class CaseStore {
  constructor(private readonly repository: TenantRepository) {}

  async create(input: CaseInput, caller: Actor, options: CreateOptions = {}): Promise<CreateResult> {
    const actor: Actor = { userId: caller.userId, username: caller.username };
    const idempotency = options.idempotencyKey ? idempotencyItemKey(actor, options.idempotencyKey) : undefined;
    const bodyHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
    if (idempotency) {
      const replay = await this.replay(idempotency, bodyHash, actor);
      if (replay) return replay;
    }
    const now = (options.now ?? new Date()).toISOString();
    const year = now.slice(0, 4);
    const tenant = await getTenantProfile(this.repository);
    // The counter is bumped outside the transaction: a failed create leaves a gap in numbers, never a duplicate.
    const sequence = await this.repository.nextSequence(`COUNTER#CASE#${year}`, 'COUNTER');
    const kase: Case = {
      id: randomUUID(),
      caseNumber: formatCaseNumber(tenant.caseNumberPrefix, year, sequence),
      status: 'open',
      stage: 'intake',
      riskLevel: input.riskLevel,
      categories: input.categories,
      child: input.child,
      fields: input.fields ?? {},
      ownerId: actor.userId,
      assignedTo: [],
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const entry = { at: now, actor, action: 'create', changes: diff(undefined, recordedFields(kase)) };
    try {
      await this.repository.transact([
        { put: caseItem(kase), condition: 'attribute_not_exists(pk)' },
        { put: historyItem(kase.id, entry, 0) },
        ...(idempotency
          ? [{
              put: { ...idempotency, entity: 'idempotency', caseId: kase.id, bodyHash },
              condition: 'attribute_not_exists(pk)',
              onConditionFailed: () => new DomainError('CONFLICT', 'IDEMPOTENT_RACE'),
            }]
          : []),
      ]);
    } catch (error) {
      // A concurrent request with the same key won the race: answer with its result.
      if (idempotency && error instanceof DomainError && error.message === 'IDEMPOTENT_RACE') {
        const replay = await this.replay(idempotency, bodyHash, actor);
        if (replay) return replay;
      }
      throw error;
    }
    return { kase, replayed: false };
  }

  /** A case the caller may see in `scope`; anything else — other tenants, other caseworkers' — is 404. */
  async get(caseId: string, scope: Scope, actor: Actor): Promise<Case> {
    if (!CASE_ID.test(caseId)) throw notFound('Case');
    const item = await this.repository.get(casePartition(caseId), 'META');
    if (!item) throw notFound('Case');
    const kase = caseFromItem(item);
    if (!visibleIn(kase, scope, actor)) throw notFound('Case');
    return kase;
  }

  /** The caseload, newest update first: one Query on the owner or tenant index. */
  async list(query: CaseListQuery, scope: Scope, actor: Actor): Promise<Page<Case>> {
    const owner = query.owner === 'me' ? actor.userId : query.owner;
    if (scope === 'own' && owner !== undefined && owner !== actor.userId) {
      throw new DomainError('FORBIDDEN', 'You may list only your own caseload');
    }
    const ownerToList = scope === 'own' ? actor.userId : owner;
    const page = await this.repository.query({
      ...(ownerToList ? { index: 'byOwner', partition: `OWNER#${ownerToList}` } : { index: 'byTenant', partition: 'CASES' }),
      limit: query.limit,
      cursor: query.cursor,
      newestFirst: true,
      filter: filterFor(query),
    });
    return { items: page.items.map(caseFromItem), nextCursor: page.nextCursor };
  }

  private async replay(key: { pk: string; sk: string }, bodyHash: string, actor: Actor): Promise<CreateResult | undefined> {
    const record = await this.repository.get(key.pk, key.sk);
    if (!record) return undefined;
    if (record.bodyHash !== bodyHash) {
      throw new DomainError('CONFLICT', 'This Idempotency-Key was already used with a different body');
    }
    return { kase: await this.get(String(record.caseId), 'tenant', actor), replayed: true };
  }
}

function idempotencyItemKey(actor: Actor, key: string) {
  return { pk: `IDEMPOTENCY#${actor.userId}#${key}`, sk: 'CASE' };
}

/** What a caseworker's history shows as created: the case's content, not its bookkeeping. */
function recordedFields(kase: Case) {
  const { child, categories, riskLevel, fields, stage, status, ownerId } = kase;
  return { child, categories, riskLevel, fields, stage, status, ownerId };
}

function visibleIn(kase: Case, scope: Scope, actor: Actor): boolean {
  if (scope === 'tenant') return true;
  if (scope === 'own') return kase.ownerId === actor.userId || kase.assignedTo.includes(actor.userId);
  return false;
}

function filterFor(query: CaseListQuery) {
  const filters = (['status', 'stage', 'riskLevel'] as const).filter((name) => query[name] !== undefined);
  if (filters.length === 0) return undefined;
  return {
    expression: filters.map((name) => `#${name} = :${name}`).join(' AND '),
    names: Object.fromEntries(filters.map((name) => [`#${name}`, name])),
    values: Object.fromEntries(filters.map((name) => [`:${name}`, query[name]])),
  };
}
