import { FollowUp, Note, Placement } from '../../../shared/schemas/case-records.ts';
import type { ItemInput } from '../../data/tenant-repository.ts';
import type { Case } from '../../../shared/schemas/case.ts';
import { casePartition } from '../case-items.ts';
import { unitIndexKeys } from '../../units/unit-scope.ts';

/**
 * A case's sub-records live in its partition beside it (`FU#`, `PLACEMENT#`, `NOTE#`), so the case page is
 * one Query. Open follow-ups are also indexed by due date, per owner (byOwner `FOLLOWUPS#<owner>`), for the
 * tenant (byTenant `FOLLOWUPS`) and for each unit above the case's (byUnit<d> `FOLLOWUPS#U#<unit>`, from the
 * case's `unitPath`); a done one drops out of all of them. A case's move rewrites them.
 */
export function followUpItem(followUp: FollowUp, kase: Pick<Case, 'ownerId' | 'unitPath'>): ItemInput {
  const due = `${followUp.dueDate}#${followUp.id}`;
  const indexed = followUp.status === 'open'
    ? { gsi1pk: `FOLLOWUPS#${kase.ownerId}`, gsi1sk: due, gsi2pk: 'FOLLOWUPS', gsi2sk: due, ...unitIndexKeys('FOLLOWUPS', kase.unitPath) }
    : {};
  return { pk: casePartition(followUp.caseId), sk: `FU#${followUp.id}`, entity: 'follow-up', ...indexed, ...followUp };
}

export const placementItem = (placement: Placement): ItemInput => ({
  pk: casePartition(placement.caseId),
  sk: `PLACEMENT#${placement.id}`,
  entity: 'placement',
  ...placement,
});

export const noteItem = (note: Note): ItemInput => ({
  pk: casePartition(note.caseId),
  sk: `NOTE#${note.createdAt}#${note.id}`,
  entity: 'note',
  ...note,
});

export const RECORD_PARSERS = {
  'follow-up': (item: Record<string, unknown>) => FollowUp.parse(item),
  placement: (item: Record<string, unknown>) => Placement.parse(item),
  note: (item: Record<string, unknown>) => Note.parse(item),
};
