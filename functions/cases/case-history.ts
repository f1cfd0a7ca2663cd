import { createHash } from 'node:crypto';
import { diff, type FieldChange } from '../../shared/history/diff.ts';
import { appendEntry, type ChainDigests, type ChainedEntry, type ChainHead, type EntryContent } from '../../shared/history/chain.ts';
import type { Case } from '../../shared/schemas/case.ts';
import type { ItemInput } from '../data/tenant-repository.ts';
import type { ChainKey } from '../history/chain-key.ts';
import { casePartition } from './case-items.ts';

export type { ChainHead, EntryContent };

/** The hash of entries written before history was keyed (they carry no `alg`). */
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const EMPTY_CHAIN: ChainHead = { historyCount: 0, historyHead: null };

/** What history records of a case: its content, not its bookkeeping (id, number, timestamps, version). */
export function recordedFields(kase: Case): Record<string, unknown> {
  // unitPath is bookkeeping too: it follows unitId (which is recorded) and the tree's shape.
  const { id: _id, caseNumber: _number, createdAt: _created, updatedAt: _updated, version: _version, unitPath: _path, ...recorded } = kase;
  return recorded;
}

/** Field-level changes of the case itself between two versions. */
export const caseChanges = (before: Case | undefined, after: Case): FieldChange[] =>
  diff(before ? recordedFields(before) : undefined, recordedFields(after));

/**
 * The next link of a case's history, keyed with the tenant's chain key and bound to the case, and the head
 * the case item must then hold (`historyCount`, `historyHead`, `historyHeadMac`). Synchronous: the key is
 * fetched once beforehand (`chainKeyFor`).
 */
export function nextEntry(key: ChainKey, caseId: string, head: ChainHead, content: EntryContent): { entry: ChainedEntry; head: Required<ChainHead> } {
  return appendEntry(head, content, key.forCase(caseId));
}

/** How a case's chain is checked: its keyed entries with the tenant's key, older ones with plain SHA-256. */
export const chainDigests = (key: ChainKey, caseId: string): ChainDigests => ({ keyed: key.forCase(caseId), unkeyed: sha256 });

/**
 * History entries sort by seq inside the case's partition (`HIST#000000`…), oldest first. `changes` is stored
 * as one JSON string: entries are immutable and never filtered on, and a registration's entry lists every
 * field, which as nested DynamoDB maps costs far more to write (a bulk import writes thousands).
 */
export function historyItem(caseId: string, entry: ChainedEntry): ItemInput {
  return { pk: casePartition(caseId), sk: `HIST#${String(entry.seq).padStart(8, '0')}`, entity: 'history', ...entry, changes: JSON.stringify(entry.changes) };
}

/** The entry a history item holds (`changes` written as a list before it was stored as JSON is read as is). */
export function entryFromItem(item: Record<string, unknown>): ChainedEntry {
  const { seq, at, actor, action, changes, prevHash, alg, hash } = item as unknown as ChainedEntry & { changes: FieldChange[] | string };
  return {
    seq, at, actor, action,
    changes: typeof changes === 'string' ? (JSON.parse(changes) as FieldChange[]) : changes,
    prevHash,
    ...(alg !== undefined ? { alg } : {}),
    hash,
  };
}

/** The head a case item holds (`historyHeadMac` absent on cases last written before history was keyed). */
export function headFromItem(item: Record<string, unknown>): ChainHead {
  return {
    historyCount: Number(item.historyCount ?? 0),
    historyHead: (item.historyHead as string | null | undefined) ?? null,
    ...(typeof item.historyHeadMac === 'string' ? { historyHeadMac: item.historyHeadMac } : {}),
  };
}
