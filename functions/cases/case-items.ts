import { Case } from '../../shared/schemas/case.ts';
import type { ItemInput } from '../data/tenant-repository.ts';

/**
 * A case's items, all in its own partition `T#<t>#CASE#<id>` so the case page is one Query:
 *   `META`                      — the case; also indexed byOwner (`OWNER#<userId>`) and byTenant (`CASES`),
 *                                 both sorted by `<updatedAt>#<id>` for "newest update first"
 *   `HIST#<seq>`                — its hash-chained history, oldest first
 *   `ASSIGNEE#<userId>`         — an assignment, indexed byOwner `ASSIGNED#<userId>` for "assigned to me"
 */
export const casePartition = (caseId: string) => `CASE#${caseId}`;

export function caseItem(kase: Case, chain: { historyCount: number; historyHead: string | null }): ItemInput {
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
    ...chain,
  };
}

export function assignmentItem(caseId: string, userId: string, at: string): ItemInput {
  return { pk: casePartition(caseId), sk: `ASSIGNEE#${userId}`, entity: 'assignment', gsi1pk: `ASSIGNED#${userId}`, gsi1sk: `${at}#${caseId}`, caseId, userId, at };
}

/** Strips storage attributes: what leaves the API is exactly the `Case` schema. */
export const caseFromItem = (item: Record<string, unknown>): Case => Case.parse(item);
