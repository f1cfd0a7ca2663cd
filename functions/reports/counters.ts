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
 * by month, category and sex). A change touches each item at most once (deltas combined per item), at most
 * three items in all.
 */
export const SHARDS = 8;

export const counterPartition = (shard: number) => `COUNTERS#${shard}`;
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

/** What a change from `before` to `after` adds to the counters, zero deltas dropped. */
export function counterDeltas(before: Case | undefined, after: Case): CounterDeltas {
  const deltas = contribution(after);
  if (before) {
    for (const [sk, attributes] of contribution(before)) {
      const item = deltas.get(sk) ?? new Map<string, number>();
      for (const [attribute, n] of attributes) item.set(attribute, (item.get(attribute) ?? 0) - n);
      deltas.set(sk, item);
    }
  }
  return dropZeros(deltas);
}

function dropZeros(deltas: CounterDeltas): CounterDeltas {
  for (const [sk, attributes] of deltas) {
    for (const [attribute, n] of attributes) if (n === 0) attributes.delete(attribute);
    if (attributes.size === 0) deltas.delete(sk);
  }
  return deltas;
}

function counterWrites(deltas: CounterDeltas, shard = randomInt(SHARDS)): UpdateOperation[] {
  return [...deltas].map(([sk, attributes]) => ({
    update: { pk: counterPartition(shard), sk },
    set: { entity: 'counters' },
    add: Object.fromEntries(attributes),
  }));
}

/** The case projection: counter deltas of one change, on one random shard. */
export const counterProjection = (before: Case | undefined, after: Case): WriteOperation[] => counterWrites(counterDeltas(before, after));

const isCounterWrite = (op: WriteOperation): op is UpdateOperation => 'update' in op && op.update.pk.startsWith('COUNTERS#') && op.add !== undefined;

/**
 * Folds the counter writes of many case changes that go into ONE transaction (an import batch) into one
 * write per counter item, on one shard: a transaction may touch an item only once, and fewer items make it
 * cheaper. Parallel writers pass distinct `shard`s so that their transactions never contend for a counter
 * item (a conflict cancels a transaction); by default the shard is random. Other writes pass through.
 */
export function combineCounterWrites(operations: WriteOperation[], shard?: number): WriteOperation[] {
  const combined: CounterDeltas = new Map();
  for (const op of operations.filter(isCounterWrite)) {
    const item = combined.get(op.update.sk) ?? new Map<string, number>();
    for (const [attribute, n] of Object.entries(op.add ?? {})) item.set(attribute, (item.get(attribute) ?? 0) + n);
    combined.set(op.update.sk, item);
  }
  dropZeros(combined);
  return [...operations.filter((op) => !isCounterWrite(op)), ...counterWrites(combined, shard === undefined ? undefined : shard % SHARDS)];
}

/** Sums the numeric attributes of the `sk` item over every shard: `attribute → total`. */
export async function readCounters(repository: TenantRepository, sks: string[]): Promise<Map<string, Map<string, number>>> {
  const keys = sks.flatMap((sk) => Array.from({ length: SHARDS }, (_, shard) => ({ partition: counterPartition(shard), sk })));
  const items = await repository.getMany(keys);
  const sums = new Map<string, Map<string, number>>(sks.map((sk) => [sk, new Map()]));
  for (const item of items) addNumbers(sums.get(String(item.sk)), item);
  return sums;
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
