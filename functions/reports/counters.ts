import { randomInt } from 'node:crypto';
import type { Case } from '../../shared/schemas/case.ts';
import type { StoredItem, TenantRepository, UpdateOperation, WriteOperation } from '../data/tenant-repository.ts';

/**
 * Dashboard counters, kept in the same transaction as every case change (a `CaseProjection`).
 *
 * A case contributes +1 to a set of counter attributes that depends only on its current state (its stage,
 * status, risk, categories, owner, pending approval, the month it was registered and the month of its latest
 * closure). A change adds `contribution(after) − contribution(before)`, so the counters always equal a recount
 * of the records. The counters are write-sharded: each transaction adds its deltas to one of `SHARDS`
 * partitions `COUNTERS#<n>` picked at random — the sum over shards is what counts, so which shard took which
 * delta does not matter — and one busy tenant has no hot key. A dashboard reads every shard's items in one
 * BatchGetItem and sums: constant time whatever the caseload.
 *
 * Items: `COUNTERS#<n>` / `CURRENT` (the caseload now) and `COUNTERS#<n>` / `MONTHLY#<yyyy>` (new and closed
 * by month, category and sex) — the tenant's, which is its root unit's. Each unit below the root has the same
 * items under `UNIT#<unitId>#COUNTERS#<n>`: a case counts in every unit of its `unitPath`, so a unit's
 * dashboard is its own items, never a sum over its subtree. A change touches each item at most once (deltas
 * combined per item): at most three items per unit of the path (the tree is at most `MAX_UNIT_DEPTH` = 6
 * levels deep, so ≤ 18), and a move between units ≤ 33 (the old path's units and the new path's; common
 * ancestors' deltas cancel out and are not written).
 */
export const SHARDS = 8;

/** The counters of the root unit (the tenant) — where the child-aggregate role may read — or of a unit below it. */
export const counterPartition = (shard: number, unitId?: string) => (unitId ? `UNIT#${unitId}#COUNTERS#${shard}` : `COUNTERS#${shard}`);
const COUNTER_PARTITION = /^(?:UNIT#([^#]+)#)?COUNTERS#(\d+)$/;
const CURRENT = 'CURRENT';
const monthlyKey = (year: string) => `MONTHLY#${year}`;

/** sk → attribute → delta. */
export type CounterDeltas = Map<string, Map<string, number>>;

function contribution(kase: Case): CounterDeltas {
  const items: CounterDeltas = new Map();
  const bump = (sk: string, attribute: string) => {
    const item = items.get(sk) ?? new Map<string, number>();
    item.set(attribute, (item.get(attribute) ?? 0) + 1);
    items.set(sk, item);
  };
  bump(CURRENT, 'total');
  bump(CURRENT, `status:${kase.status}`);
  bump(CURRENT, `stage:${kase.stage}`);
  if (kase.status === 'open') {
    bump(CURRENT, `risk:${kase.riskLevel}`);
    for (const category of new Set(kase.categories)) bump(CURRENT, `category:${category}`);
    bump(CURRENT, `owner:${kase.ownerId}`);
    if (kase.pendingApproval) bump(CURRENT, `pending:${kase.pendingApproval.kind}`);
  }
  const monthly = (event: 'new' | 'closed', at: string) => {
    const month = at.slice(0, 7);
    const sk = monthlyKey(at.slice(0, 4));
    bump(sk, `${event}:${month}`);
    for (const category of new Set(kase.categories)) bump(sk, `${event}:${month}:category:${category}`);
    bump(sk, `${event}:${month}:sex:${kase.child.sex}`);
  };
  monthly('new', kase.createdAt);
  if (kase.status === 'closed' && kase.closure?.closedAt) monthly('closed', kase.closure.closedAt);
  return items;
}

/** What a change from `before` to `after` adds to the counters (of any one unit on both paths), zero deltas dropped. */
export function counterDeltas(before: Case | undefined, after: Case | undefined): CounterDeltas {
  const deltas = after ? contribution(after) : new Map<string, Map<string, number>>();
  if (before) {
    for (const [sk, attributes] of contribution(before)) {
      const item = deltas.get(sk) ?? new Map<string, number>();
      for (const [attribute, n] of attributes) item.set(attribute, (item.get(attribute) ?? 0) - n);
      deltas.set(sk, item);
    }
  }
  return dropZeros(deltas);
}

/** `undefined` for the root unit (the tenant's own counters), else the unit's id. */
type CounterUnit = string | undefined;

/**
 * The deltas of a change per unit: each unit of `after.unitPath` gains the case's new contribution, each
 * unit of `before.unitPath` loses its old one (a move takes the case out of the old units and into the new;
 * a unit on both paths gets the difference). The root (`unitPath[0]`) is the tenant's own counters.
 */
export function unitCounterDeltas(before: Case | undefined, after: Case): Map<CounterUnit, CounterDeltas> {
  const unitsOf = (kase: Case | undefined) => (kase ? kase.unitPath.slice(1) : []);
  const out = new Map<CounterUnit, CounterDeltas>();
  const root = counterDeltas(before, after);
  if (root.size > 0) out.set(undefined, root);
  const beforeUnits = new Set(unitsOf(before));
  const afterUnits = new Set(unitsOf(after));
  for (const unitId of new Set([...afterUnits, ...beforeUnits])) {
    const deltas = counterDeltas(beforeUnits.has(unitId) ? before : undefined, afterUnits.has(unitId) ? after : undefined);
    if (deltas.size > 0) out.set(unitId, deltas);
  }
  return out;
}

function dropZeros(deltas: CounterDeltas): CounterDeltas {
  for (const [sk, attributes] of deltas) {
    for (const [attribute, n] of attributes) if (n === 0) attributes.delete(attribute);
    if (attributes.size === 0) deltas.delete(sk);
  }
  return deltas;
}

function counterWrites(byUnit: Map<CounterUnit, CounterDeltas>, shard = randomInt(SHARDS)): UpdateOperation[] {
  return [...byUnit].flatMap(([unitId, deltas]) => [...deltas].map(([sk, attributes]) => ({
    update: { pk: counterPartition(shard, unitId), sk },
    set: { entity: 'counters' },
    add: Object.fromEntries(attributes),
  })));
}

/** The case projection: counter deltas of one change for each unit on its path(s), on one random shard. */
export const counterProjection = (before: Case | undefined, after: Case): WriteOperation[] => counterWrites(unitCounterDeltas(before, after));

const isCounterWrite = (op: WriteOperation): op is UpdateOperation => 'update' in op && COUNTER_PARTITION.test(op.update.pk) && op.add !== undefined;

/**
 * Folds the counter writes of many case changes that go into ONE transaction (an import batch) into one
 * write per counter item, on one shard: a transaction may touch an item only once, and fewer items make it
 * cheaper. Parallel writers pass distinct `shard`s so that their transactions never contend for a counter
 * item (a conflict cancels a transaction); by default the shard is random. Other writes pass through.
 */
export function combineCounterWrites(operations: WriteOperation[], shard?: number): WriteOperation[] {
  const combined = new Map<CounterUnit, CounterDeltas>();
  for (const op of operations.filter(isCounterWrite)) {
    const unitId = COUNTER_PARTITION.exec(op.update.pk)?.[1];
    const deltas = combined.get(unitId) ?? new Map<string, Map<string, number>>();
    const item = deltas.get(op.update.sk) ?? new Map<string, number>();
    for (const [attribute, n] of Object.entries(op.add ?? {})) item.set(attribute, (item.get(attribute) ?? 0) + n);
    deltas.set(op.update.sk, item);
    combined.set(unitId, deltas);
  }
  for (const [unitId, deltas] of combined) if (dropZeros(deltas).size === 0) combined.delete(unitId);
  return [...operations.filter((op) => !isCounterWrite(op)), ...counterWrites(combined, shard === undefined ? undefined : shard % SHARDS)];
}

/** Sums the numeric attributes of the `sk` item over every shard: `attribute → total` (the tenant's counters). */
export async function readCounters(repository: TenantRepository, sks: string[]): Promise<Map<string, Map<string, number>>> {
  return (await readUnitCounters(repository, [undefined], sks)).get(undefined)!;
}

/** The keys of a unit's counter items (`undefined`: the root's, i.e. the tenant's) over every shard. */
export const counterKeys = (unitId: CounterUnit, sks: string[]) =>
  sks.flatMap((sk) => Array.from({ length: SHARDS }, (_, shard) => ({ partition: counterPartition(shard, unitId), sk })));

/** Sums counter items as read (any units, any sks): unit → sk → attribute → total. */
export function sumCounters(items: StoredItem[], units: CounterUnit[], sks: string[]): Map<CounterUnit, Map<string, Map<string, number>>> {
  const sums = new Map(units.map((unitId) => [unitId, new Map<string, Map<string, number>>(sks.map((sk) => [sk, new Map()]))]));
  for (const item of items) {
    const match = COUNTER_PARTITION.exec(String(item.pk).replace(/^T#[^#]+#/, ''));
    if (!match) continue;
    addNumbers(sums.get(match[1])?.get(String(item.sk)), item);
  }
  return sums;
}

/** Several units' counters in one BatchGetItem (100 keys per call): unit → sk → attribute → total. */
export async function readUnitCounters(repository: TenantRepository, units: CounterUnit[], sks: string[]): Promise<Map<CounterUnit, Map<string, Map<string, number>>>> {
  const items = await repository.getMany(units.flatMap((unitId) => counterKeys(unitId, sks)));
  return sumCounters(items, units, sks);
}

function addNumbers(into: Map<string, number> | undefined, item: StoredItem): void {
  if (!into) return;
  for (const [attribute, value] of Object.entries(item)) {
    if (typeof value === 'number' && (attribute.includes(':') || attribute === 'total')) {
      into.set(attribute, (into.get(attribute) ?? 0) + Number(value));
    }
  }
}

export const CURRENT_COUNTERS = CURRENT;
export const monthlyCounters = monthlyKey;
