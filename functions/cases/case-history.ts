import { createHash } from 'node:crypto';
import { diff, type FieldChange } from '../../shared/history/diff.ts';
import { entryHash, type ChainedEntry } from '../../shared/history/chain.ts';
import type { Case } from '../../shared/schemas/case.ts';
import type { ItemInput } from '../data/tenant-repository.ts';
import { casePartition } from './case-items.ts';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Where a case's chain stands: kept on the case item, written in the same transaction as each entry. */
export interface ChainHead {
  historyCount: number;
  historyHead: string | null;
}

export const EMPTY_CHAIN: ChainHead = { historyCount: 0, historyHead: null };

/** What history records of a case: its content, not its bookkeeping (id, number, timestamps, version). */
export function recordedFields(kase: Case): Record<string, unknown> {
  const { id: _id, caseNumber: _number, createdAt: _created, updatedAt: _updated, version: _version, ...recorded } = kase;
  return recorded;
}

export interface EntryContent {
  at: string;
  action: string;
  actor: { userId: string; username: string };
  changes: FieldChange[];
}

/** Field-level changes of the case itself between two versions. */
export const caseChanges = (before: Case | undefined, after: Case): FieldChange[] =>
  diff(before ? recordedFields(before) : undefined, recordedFields(after));

/** The next link of a case's history. */
export function nextEntry(head: ChainHead, content: EntryContent): { entry: ChainedEntry; head: ChainHead } {
  const unsigned = {
    seq: head.historyCount,
    at: content.at,
    actor: { userId: content.actor.userId, username: content.actor.username },
    action: content.action,
    changes: content.changes,
    prevHash: head.historyHead,
  };
  const entry: ChainedEntry = { ...unsigned, hash: entryHash(unsigned, sha256) };
  return { entry, head: { historyCount: head.historyCount + 1, historyHead: entry.hash } };
}

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
  const { seq, at, actor, action, changes, prevHash, hash } = item as unknown as ChainedEntry & { changes: FieldChange[] | string };
  return { seq, at, actor, action, changes: typeof changes === 'string' ? (JSON.parse(changes) as FieldChange[]) : changes, prevHash, hash };
}
