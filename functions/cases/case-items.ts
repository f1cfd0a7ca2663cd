import { Case, type HistoryEntry } from '../../shared/schemas/case.ts';
import type { ItemInput } from '../data/tenant-repository.ts';

/**
 * A case's items, all in its own partition `T#<t>#CASE#<id>` so the case page is one Query:
 *   `META`                      — the case; also indexed byOwner (`OWNER#<userId>`) and byTenant (`CASES`),
 *                                 both sorted by `<updatedAt>#<id>` for "newest update first"
 *   `HIST#<at>#<seq>`           — its history, oldest first
 */
export const casePartition = (caseId: string) => `CASE#${caseId}`;

export function caseItem(kase: Case): ItemInput {
  const recency = `${kase.updatedAt}#${kase.id}`;
  return {
    pk: casePartition(kase.id),
    sk: 'META',
    entity: 'case',
    gsi1pk: `OWNER#${kase.ownerId}`,
    gsi1sk: recency,
    gsi2pk: 'CASES',
    gsi2sk: recency,
    ...kase,
  };
}

export function historyItem(caseId: string, entry: HistoryEntry, sequence: number): ItemInput {
  return {
    pk: casePartition(caseId),
    sk: `HIST#${entry.at}#${String(sequence).padStart(6, '0')}`,
    entity: 'history',
    ...entry,
  };
}

/** Strips storage attributes: what leaves the API is exactly the `Case` schema. */
export const caseFromItem = (item: Record<string, unknown>): Case => Case.parse(item);
