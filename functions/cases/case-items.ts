import { Case } from '../../shared/schemas/case.ts';
import type { ItemInput } from '../data/tenant-repository.ts';
import { unitIndexKeys } from '../units/unit-scope.ts';

/**
 * A case's items, all in its own partition `T#<t>#CASE#<id>` so the case page is one Query:
 *   `META`                      — the case; also indexed byOwner (`OWNER#<userId>`), byTenant (`CASES`) and
 *                                 byUnit<d> (`CASES#U#<ancestor>`), all sorted by `<updatedAt>#<id>` for
 *                                 "newest update first"
 *   `HIST#<seq>`                — its hash-chained history, oldest first
 *   `ASSIGNEE#<userId>`         — an assignment, indexed byOwner `ASSIGNED#<userId>` for "assigned to me"
 */
export const casePartition = (caseId: string) => `CASE#${caseId}`;

/**
 * Parts of the case stored as JSON strings: never filtered or updated on their own (a case is written whole),
 * and as nested DynamoDB maps and lists they cost far more to write. Status, stage, risk, owner and dates
 * stay attributes: list filters and the indexes use them.
 */
const STORED_AS_JSON = ['child', 'categories', 'fields', 'assignedTo', 'closure', 'links'] as const;

export function caseItem(kase: Case, chain: { historyCount: number; historyHead: string | null }): ItemInput {
  const recency = `${kase.updatedAt}#${kase.id}`;
  const encoded: Record<string, string> = {};
  for (const key of STORED_AS_JSON) if (kase[key] !== undefined) encoded[key] = JSON.stringify(kase[key]);
  return {
    pk: casePartition(kase.id),
    sk: 'META',
    entity: 'case',
    gsi1pk: `OWNER#${kase.ownerId}`,
    gsi1sk: recency,
    gsi2pk: 'CASES',
    gsi2sk: recency,
    ...unitIndexKeys('CASES', kase.unitPath),
    ...kase,
    ...encoded,
    ...chain,
  };
}

export function assignmentItem(caseId: string, userId: string, at: string): ItemInput {
  return { pk: casePartition(caseId), sk: `ASSIGNEE#${userId}`, entity: 'assignment', gsi1pk: `ASSIGNED#${userId}`, gsi1sk: `${at}#${caseId}`, caseId, userId, at };
}

/** Strips storage attributes: what leaves the API is exactly the `Case` schema. */
export function caseFromItem(item: Record<string, unknown>): Case {
  const decoded: Record<string, unknown> = { ...item };
  // Items written before these parts were stored as JSON hold them as maps and lists: read as they are.
  for (const key of STORED_AS_JSON) if (typeof item[key] === 'string') decoded[key] = JSON.parse(item[key]);
  // Cases from before units belong to the root, whose id is the tenant's (the stored key starts T#<tenant>#).
  decoded.unitId ??= String(item.pk).split('#')[1];
  decoded.unitPath ??= [decoded.unitId];
  return Case.parse(decoded);
}
