import { randomUUID } from 'node:crypto';
import type { Scope } from '../../shared/auth/permissions.ts';
import { DomainError, notFound } from '../../shared/errors.ts';
import { verifyChain, type ChainedEntry, type ChainVerification } from '../../shared/history/chain.ts';
import type { FieldChange } from '../../shared/history/diff.ts';
import type { Case, CaseInput, CaseListQuery } from '../../shared/schemas/case.ts';
import type { ItemInput, Page, TenantRepository, WriteOperation } from '../data/tenant-repository.ts';
import { getTenantProfile } from '../tenants/tenant-store.ts';
import { caseFromItem, caseItem, casePartition } from './case-items.ts';
import { caseChanges, chainDigests, EMPTY_CHAIN, entryFromItem, headFromItem, historyItem, nextEntry, type ChainHead } from './case-history.ts';
import { acceptsUnkeyedHistory, chainKeyFor, type ChainKey } from '../history/chain-key.ts';
import { formatCaseNumber } from './case-numbers.ts';
import { IdempotencyClaim, type IdempotencyKey } from './idempotency.ts';
import { atVersion } from '../data/conditions.ts';
import { projectionWrites } from './case-projections.ts';
import { unicodeChild } from './case-rules.ts';
import { subtreeList, type UnitScope } from '../units/unit-scope.ts';
import { unitTree } from '../units/unit-store.ts';

export interface Actor {
  userId: string;
  username: string;
  /** Where the caller's `unit` scope reaches (requests of users with a unit; absent for system work). */
  units?: UnitScope;
}

export interface CreateOptions {
  /** The client's `Idempotency-Key` (or a tenant-wide key): a replay with the same key and body returns the first case. */
  idempotencyKey?: IdempotencyKey;
  /** Historical registrations (imports) keep their own opening time. */
  now?: Date;
  /** Where the case came from, when another tenant transferred it here. */
  links?: Case['links'];
  /** The version of the tenant's form `input.fields` was checked against. */
  formVersion?: number;
  /** An imported row: its case id comes from its external id, and the case item says which row of which import. */
  imported?: { caseId: string; externalId: string; importId: string; row: number };
}

export interface CreateResult {
  kase: Case;
  replayed: boolean;
}

/** A change to a case: the next version of it, and what else must be written in the same transaction. */
export interface CaseChange {
  kase: Case;
  action: string;
  alsoWrite?: WriteOperation[];
  /** Changes to the case's sub-records (a follow-up added), recorded beside the case's own field changes. */
  extraChanges?: FieldChange[];
}

/** A change to a case's sub-record: what history records, and the writes that make it. */
export interface SubChange {
  action: string;
  changes: FieldChange[];
  writes: WriteOperation[];
}

/** A new sub-record: the record, its items (the first is the record itself) and what history records. */
export interface NewSubRecord<T> {
  record: T;
  items: [ItemInput, ...ItemInput[]];
  change: Omit<SubChange, 'writes'>;
}

interface LoadedCase {
  kase: Case;
  head: ChainHead;
}

/** How many times a sub-record change rebuilds on a moved history chain before answering 409. */
const SUB_CHANGE_ATTEMPTS = 40;

const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const actorOf = (caller: Actor): Actor => ({ userId: caller.userId, username: caller.username, ...(caller.units ? { units: caller.units } : {}) });

/** Case records of one tenant, read and written through its repository; every change lands with its history. */
export class CaseStore {
  constructor(private readonly repository: TenantRepository) {}

  async create(input: CaseInput, caller: Actor, options: CreateOptions = {}): Promise<CreateResult> {
    const actor = actorOf(caller);
    const claim = options.idempotencyKey ? new IdempotencyClaim(actor.userId, options.idempotencyKey, 'case', input) : undefined;
    const previous = await claim?.previous(this.repository);
    if (previous) return { kase: await this.get(String(previous.caseId), 'tenant', actor), replayed: true };
    const now = (options.now ?? new Date()).toISOString();
    const year = now.slice(0, 4);
    const tenant = await getTenantProfile(this.repository);
    const unit = await this.unitFor(input.unitId, caller);
    // The counter is bumped outside the transaction: a failed create leaves a gap in numbers, never a duplicate.
    const sequence = await this.repository.nextSequence(`COUNTER#CASE#${year}`, 'COUNTER');
    const { kase, writes } = newCaseRecord(input, actor, {
      chainKey: await chainKeyFor(this.repository.tenantId),
      caseNumber: formatCaseNumber(tenant.caseNumberPrefix, year, sequence),
      openedAt: now,
      recordedAt: now,
      action: 'create',
      unit,
      ...(options.links ? { links: options.links } : {}),
      ...(options.formVersion ? { formVersion: options.formVersion } : {}),
    });
    try {
      await this.repository.transact([...writes, ...(claim ? [claim.write({ caseId: kase.id })] : [])]);
    } catch (error) {
      // A concurrent request with the same key won the race: answer with its result.
      const winner = claim && error === claim.race ? await claim.previous(this.repository) : undefined;
      if (winner) return { kase: await this.get(String(winner.caseId), 'tenant', actor), replayed: true };
      throw error;
    }
    return { kase, replayed: false };
  }

  /**
   * The unit a new case goes to: the one named (it must be active and inside the creator's unit scope, else 400
   * at `unitId`), else the creator's home unit, else (system work) the root.
   */
  async unitFor(unitId: string | undefined, caller: Actor): Promise<{ id: string; path: string[] }> {
    const tree = caller.units?.tree ?? (await unitTree(this.repository));
    const id = unitId ?? caller.units?.homeUnitId ?? tree.root.id;
    const unit = tree.get(id);
    const inScope = caller.units ? caller.units.contains(id) : true;
    if (!unit || !unit.active || !inScope) {
      throw new DomainError('VALIDATION_FAILED', 'Choose an active unit inside your scope', [{ path: 'unitId', message: 'Not a unit you may register cases in' }]);
    }
    return { id, path: unit.path };
  }

  /** A case the caller may see in `scope`; anything else — other tenants', other caseworkers' — is 404. */
  async get(caseId: string, scope: Scope, actor: Actor): Promise<Case> {
    return (await this.load(caseId, scope, actor)).kase;
  }

  /**
   * Changes a case if it is still at `expectedVersion` (412 otherwise): the new version, its history entry and
   * anything the change implies (an approval, a follow-up) are written in one transaction, or nothing is.
   */
  async change(
    caseId: string,
    expectedVersion: number,
    scope: Scope,
    caller: Actor,
    decide: (kase: Case) => CaseChange | Promise<CaseChange>,
  ): Promise<Case> {
    const actor = actorOf(caller);
    const { kase, head } = await this.load(caseId, scope, actor);
    const stale = () => new DomainError('PRECONDITION_FAILED', `The case has changed (now version ${kase.version}); reload it`);
    if (kase.version !== expectedVersion) throw stale();
    const change = await decide(structuredClone(kase));
    const next: Case = { ...change.kase, version: kase.version + 1, updatedAt: new Date().toISOString() };
    const chained = nextEntry(await chainKeyFor(this.repository.tenantId), caseId, head, {
      at: next.updatedAt,
      action: change.action,
      actor,
      changes: [...caseChanges(kase, next), ...(change.extraChanges ?? [])],
    });
    await this.repository.transact([
      { put: caseItem(next, chained.head), ...atVersion(expectedVersion, 'case'), onConditionFailed: stale },
      { put: historyItem(caseId, chained.entry), condition: 'attribute_not_exists(pk)', onConditionFailed: stale },
      ...projectionWrites(kase, next),
      ...(change.alsoWrite ?? []),
    ]);
    return next;
  }

  /**
   * Records a change to one of the case's sub-records (a follow-up, a placement, a note): the sub-record
   * writes and the history entry land in one transaction, the chain head moves on the case item, and the
   * case's own version stays — adding a note must not invalidate a colleague's open edit of the case.
   */
  async recordSubChange(
    caseId: string,
    scope: Scope,
    caller: Actor,
    build: (kase: Case) => SubChange | Promise<SubChange>,
  ): Promise<Case> {
    const actor = actorOf(caller);
    const key = await chainKeyFor(this.repository.tenantId);
    for (let attempt = 0; ; attempt++) {
      const { kase, head } = await this.load(caseId, scope, actor);
      const { action, changes, writes } = await build(kase);
      const chained = nextEntry(key, caseId, head, { at: new Date().toISOString(), action, actor, changes });
      const chainMoved = new DomainError('CONFLICT', 'The case history moved on meanwhile; try again');
      try {
        await this.repository.transact([
          {
            update: { pk: casePartition(caseId), sk: 'META' },
            set: { ...chained.head },
            condition: '#count = :count',
            names: { '#count': 'historyCount' },
            values: { ':count': head.historyCount },
            onConditionFailed: () => chainMoved,
          },
          { put: historyItem(caseId, chained.entry), condition: 'attribute_not_exists(pk)', onConditionFailed: () => chainMoved },
          ...writes,
        ]);
        return kase;
      } catch (error) {
        // Another change took this link of the chain: build on the new head, after a random pause that grows,
        // so that many writers at once (a team's tabs, a sync after days offline) take turns instead of colliding.
        if (error !== chainMoved || attempt >= SUB_CHANGE_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 10 * 2 ** Math.min(attempt, 5))));
      }
    }
  }

  /**
   * Creates a sub-record (its items, the first being the record itself) with its history entry — once per
   * `Idempotency-Key`: a replay answers the record the first request created, and creates nothing.
   */
  async createSubRecord<T>(
    request: { caseId: string; kind: string; input: unknown; scope: Scope; actor: Actor; idempotencyKey?: IdempotencyKey; schema: { parse: (value: unknown) => T } },
    build: (kase: Case) => NewSubRecord<T> | Promise<NewSubRecord<T>>,
  ): Promise<T> {
    const { caseId, kind, scope, actor, schema } = request;
    const claim = request.idempotencyKey ? new IdempotencyClaim(actor.userId, request.idempotencyKey, `${kind}#${caseId}`, request.input) : undefined;
    const replay = async (previous: Record<string, unknown>) => this.findSubRecord(caseId, String(previous.sk), schema, kind);
    const previous = await claim?.previous(this.repository);
    if (previous) return replay(previous);
    let created: T | undefined;
    try {
      await this.recordSubChange(caseId, scope, actor, async (kase) => {
        const built = await build(kase);
        created = built.record;
        const claimWrite = claim ? [claim.write({ sk: built.items[0].sk })] : [];
        const puts = built.items.map((item) => ({ put: item, condition: 'attribute_not_exists(pk)' }));
        return { ...built.change, writes: [...puts, ...claimWrite] };
      });
    } catch (error) {
      const winner = claim && error === claim.race ? await claim.previous(this.repository) : undefined;
      if (winner) return replay(winner);
      throw error;
    }
    return created!;
  }

  /** A sub-record of the case by its sort key (`FU#…`, `REFERRAL#…`), or 404 naming `what`. */
  async findSubRecord<T>(caseId: string, sk: string, schema: { parse: (value: unknown) => T }, what: string): Promise<T> {
    const item = await this.repository.get(casePartition(caseId), sk);
    if (!item) throw notFound(what);
    return schema.parse(item);
  }

  /** All items of the case's partition — the case, its sub-records and its history — in one Query. */
  async partition(caseId: string, scope: Scope, caller: Actor): Promise<{ kase: Case; items: Record<string, unknown>[] }> {
    const actor = actorOf(caller);
    if (!CASE_ID.test(caseId)) throw notFound('Case');
    const items: Record<string, unknown>[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.repository.query({ partition: casePartition(caseId), limit: 1000, cursor });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const meta = items.find((item) => item.sk === 'META');
    if (!meta) throw notFound('Case');
    const kase = caseFromItem(meta);
    if (!visibleIn(kase, scope, actor)) throw notFound('Case');
    return { kase, items };
  }

  /** The case's history, oldest first: one Query on the case's partition. */
  async history(caseId: string, scope: Scope, actor: Actor): Promise<ChainedEntry[]> {
    await this.load(caseId, scope, actor);
    return this.entries(caseId);
  }

  /**
   * Checks the case's history: every entry's link and MAC (older, unkeyed entries with SHA-256), and that the
   * chain ends where the case's head says, with as many entries as it counts and the head's MAC. A chain that
   * moved on while it was read is read again, so a concurrent write is never reported as a break.
   */
  async verifyHistory(caseId: string, scope: Scope, caller: Actor): Promise<ChainVerification> {
    const actor = actorOf(caller);
    const digests = chainDigests(await chainKeyFor(this.repository.tenantId), caseId);
    let { head } = await this.load(caseId, scope, actor);
    for (let attempt = 0; ; attempt++) {
      const verdict = verifyChain(await this.entries(caseId), digests, { head, acceptUnkeyed: acceptsUnkeyedHistory() });
      if (verdict.valid || attempt >= 4) return verdict;
      const after = (await this.load(caseId, scope, actor)).head;
      if (after.historyCount === head.historyCount && after.historyHead === head.historyHead && after.historyHeadMac === head.historyHeadMac) return verdict;
      head = after;
    }
  }

  private async entries(caseId: string): Promise<ChainedEntry[]> {
    const entries: ChainedEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.repository.query({ partition: casePartition(caseId), sortKeyPrefix: 'HIST#', limit: 500, cursor });
      entries.push(...page.items.map(entryFromItem));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return entries;
  }

  /** The caseload, newest update first: one Query on the owner or tenant index. */
  async list(query: CaseListQuery, scope: Scope, actor: Actor): Promise<Page<Case>> {
    if (query.assigned !== undefined) return this.listAssigned(query, scope, actor);
    const owner = query.owner === 'me' ? actor.userId : query.owner;
    if (scope === 'own' && owner !== undefined && owner !== actor.userId) {
      throw new DomainError('FORBIDDEN', 'You may list only your own caseload');
    }
    const ownerToList = scope === 'own' ? actor.userId : owner;
    const page = await this.repository.query({
      ...(ownerToList ? { index: 'byOwner', partition: `OWNER#${ownerToList}` } : this.caseList(scope, actor, query.unit)),
      limit: query.limit,
      cursor: query.cursor,
      newestFirst: true,
      filter: filterFor(query),
    });
    return { items: page.items.map(caseFromItem), nextCursor: page.nextCursor };
  }

  /** The Query for the whole caseload in scope: the tenant's, or one unit subtree's (`?unit=` inside it). */
  private caseList(scope: Scope, actor: Actor, unitId: string | undefined) {
    if (scope === 'tenant' && !unitId) return { index: 'byTenant' as const, partition: 'CASES' };
    if (!actor.units) throw notFound('Unit');
    return subtreeList('CASES', actor.units, unitId);
  }

  /** Cases assigned to a user, latest assignment first: one Query on the assignment index, one BatchGet. */
  private async listAssigned(query: CaseListQuery, scope: Scope, actor: Actor): Promise<Page<Case>> {
    const assignee = query.assigned === 'me' ? actor.userId : query.assigned;
    if (scope === 'own' && assignee !== actor.userId) throw new DomainError('FORBIDDEN', 'You may list only your own assignments');
    const page = await this.repository.query({ index: 'byOwner', partition: `ASSIGNED#${assignee}`, limit: query.limit, cursor: query.cursor, newestFirst: true });
    const items = await this.repository.getMany(page.items.map((item) => ({ partition: casePartition(String(item.caseId)), sk: 'META' })));
    // Assignment items carry no status, stage or risk: those filters apply to the cases read.
    const filters = LIST_FILTERS.filter((name) => query[name] !== undefined);
    const cases = items.map(caseFromItem)
      .filter((kase) => kase.assignedTo.includes(String(assignee)) && filters.every((name) => kase[name] === query[name]));
    return { items: cases, nextCursor: page.nextCursor };
  }

  private async load(caseId: string, scope: Scope, actor: Actor): Promise<LoadedCase> {
    if (!CASE_ID.test(caseId)) throw notFound('Case');
    const item = await this.repository.get(casePartition(caseId), 'META');
    if (!item) throw notFound('Case');
    const kase = caseFromItem(item);
    if (!visibleIn(kase, scope, actor)) throw notFound('Case');
    return { kase, head: headFromItem(item) };
  }

}

export interface NewCaseOptions {
  /** The tenant's history chain key (`chainKeyFor`), fetched once by the caller — an import's thousands of cases included. */
  chainKey: ChainKey;
  caseNumber: string;
  /** When the case was opened (registration; historical for imports). */
  openedAt: string;
  /** When the record is written (the history entry's time, `updatedAt`). */
  recordedAt: string;
  /** A case imported as already closed: when it was closed. */
  closedAt?: string;
  action: 'create' | 'import';
  /** Where the case came from, when another tenant transferred it here. */
  links?: Case['links'];
  /** The version of the tenant's form `input.fields` was checked against. */
  formVersion?: number;
  /** An imported row: its case id comes from its external id, and the case item says which row of which import. */
  imported?: { caseId: string; externalId: string; importId: string; row: number };
  /** The case's unit and its path from the root (`CaseStore.unitFor`). */
  unit: { id: string; path: string[] };
}

/** Storage-only attributes of an imported case (the API's Case does not carry them). */
const importedAttributes = (imported: NewCaseOptions['imported']) =>
  imported ? { externalId: imported.externalId, importId: imported.importId, importRow: imported.row } : {};

/** A new case and every write that registers it: the case, its first history entry and its projections. */
export function newCaseRecord(input: CaseInput, actor: Actor, options: NewCaseOptions): { kase: Case; writes: WriteOperation[] } {
  const closedAt = options.closedAt;
  const kase: Case = {
    id: options.imported?.caseId ?? randomUUID(),
    caseNumber: options.caseNumber,
    status: closedAt ? 'closed' : 'open',
    stage: closedAt ? 'closed' : 'intake',
    riskLevel: input.riskLevel,
    categories: input.categories,
    child: unicodeChild(input.child),
    fields: input.fields ?? {},
    ...(options.formVersion ? { formVersion: options.formVersion } : {}),
    ownerId: actor.userId,
    assignedTo: [],
    unitId: options.unit.id,
    unitPath: options.unit.path,
    createdAt: options.openedAt,
    updatedAt: options.action === 'create' ? options.openedAt : options.recordedAt,
    version: 1,
    ...(closedAt ? { closure: { reason: 'Imported as closed', outcome: 'Closed before import', requestedAt: closedAt, closedAt } } : {}),
    ...(options.links ? { links: options.links } : {}),
  };
  const { entry, head } = nextEntry(options.chainKey, kase.id, EMPTY_CHAIN, { at: options.recordedAt, action: options.action, actor, changes: caseChanges(undefined, kase) });
  return {
    kase,
    writes: [
      { put: { ...caseItem(kase, head), ...importedAttributes(options.imported) }, condition: 'attribute_not_exists(pk)' },
      { put: historyItem(kase.id, entry) },
      ...projectionWrites(undefined, kase),
    ],
  };
}

/**
 * Whether `actor` may see the case in `scope` — the one place scope is decided for case data: the whole tenant;
 * the caller's unit subtree (by the tree as it is now) and their own cases; or only cases they own or are
 * assigned.
 */
export function visibleIn(kase: Case, scope: Scope, actor: Actor): boolean {
  if (scope === 'tenant') return true;
  const own = kase.ownerId === actor.userId || kase.assignedTo.includes(actor.userId);
  if (scope === 'own') return own;
  if (scope === 'unit') return own || (actor.units?.contains(kase.unitId) ?? false);
  return false;
}

/** The caseload filters a list may combine. */
const LIST_FILTERS = ['status', 'stage', 'riskLevel'] as const;

function filterFor(query: CaseListQuery) {
  const filters = LIST_FILTERS.filter((name) => query[name] !== undefined);
  if (filters.length === 0) return undefined;
  return {
    expression: filters.map((name) => `#${name} = :${name}`).join(' AND '),
    names: Object.fromEntries(filters.map((name) => [`#${name}`, name])),
    values: Object.fromEntries(filters.map((name) => [`:${name}`, query[name]])),
  };
}
