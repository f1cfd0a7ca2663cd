import { randomUUID } from 'node:crypto';
import type { Scope } from '../../../shared/auth/permissions.ts';
import { DomainError } from '../../../shared/errors.ts';
import type { CaseOverview } from '../../../shared/schemas/case-overview.ts';
import {
  FollowUp,
  Note,
  Placement,
  type FollowUpInput,
  type NoteInput,
  type PlacementEndInput,
  type PlacementInput,
} from '../../../shared/schemas/case-records.ts';
import { Referral } from '../../../shared/schemas/referral.ts';
import { effectiveReferral } from '../../../shared/referrals/status.ts';
import type { TenantRepository } from '../../data/tenant-repository.ts';
import { CaseStore, type Actor } from '../case-store.ts';
import { followUpItem, noteItem, placementItem } from './record-items.ts';
import { atVersion } from '../../data/conditions.ts';
import type { IdempotencyKey } from '../idempotency.ts';
import { entryFromItem } from '../case-history.ts';

/** Follow-ups, placements and notes of a case: each change lands with its history entry. */
export class CaseRecords {
  private readonly cases: CaseStore;

  constructor(private readonly repository: TenantRepository) {
    this.cases = new CaseStore(repository);
  }

  async addFollowUp(caseId: string, input: FollowUpInput, scope: Scope, actor: Actor, idempotencyKey?: string): Promise<FollowUp> {
    return this.cases.createSubRecord({ caseId, kind: 'follow-up', input, scope, actor, idempotencyKey, schema: FollowUp }, (kase) => {
      const followUp: FollowUp = { ...input, id: randomUUID(), caseId, caseNumber: kase.caseNumber, status: 'open', createdBy: actor.userId, createdAt: new Date().toISOString(), version: 1 };
      return {
        record: followUp,
        items: [followUpItem(followUp, kase)],
        change: { action: 'add_follow_up', changes: [{ path: `followUps.${followUp.id}`, from: null, to: { dueDate: input.dueDate, note: input.note, status: 'open' } }] },
      };
    });
  }

  async completeFollowUp(caseId: string, followUpId: string, expectedVersion: number, scope: Scope, actor: Actor): Promise<FollowUp> {
    let done: FollowUp | undefined;
    await this.cases.recordSubChange(caseId, scope, actor, async (kase) => {
      const current = await this.cases.findSubRecord(caseId, `FU#${followUpId}`, FollowUp, 'Follow-up');
      if (current.version !== expectedVersion) throw new DomainError('PRECONDITION_FAILED', 'The follow-up has changed; reload it');
      if (current.status === 'done') throw new DomainError('CONFLICT', 'The follow-up is already done');
      done = { ...current, status: 'done', completedAt: new Date().toISOString(), version: current.version + 1 };
      return {
        action: 'complete_follow_up',
        changes: [{ path: `followUps.${followUpId}.status`, from: 'open', to: 'done' }],
        writes: [{ put: followUpItem(done, kase), ...atVersion(expectedVersion, 'follow-up') }],
      };
    });
    return done!;
  }

  async addPlacement(caseId: string, input: PlacementInput, scope: Scope, actor: Actor, idempotencyKey?: string): Promise<Placement> {
    return this.cases.createSubRecord({ caseId, kind: 'placement', input, scope, actor, idempotencyKey, schema: Placement }, () => {
      const placement: Placement = { ...input, id: randomUUID(), caseId, createdBy: actor.userId, createdAt: new Date().toISOString(), version: 1 };
      return {
        record: placement,
        items: [placementItem(placement)],
        change: { action: 'add_placement', changes: [{ path: `placements.${placement.id}`, from: null, to: { ...input } }] },
      };
    });
  }

  async endPlacement(caseId: string, placementId: string, input: PlacementEndInput, expectedVersion: number, scope: Scope, actor: Actor): Promise<Placement> {
    let ended: Placement | undefined;
    await this.cases.recordSubChange(caseId, scope, actor, async () => {
      const current = await this.cases.findSubRecord(caseId, `PLACEMENT#${placementId}`, Placement, 'Placement');
      if (current.version !== expectedVersion) throw new DomainError('PRECONDITION_FAILED', 'The placement has changed; reload it');
      if (current.endDate) throw new DomainError('CONFLICT', 'The placement has already ended');
      if (input.endDate < current.startDate) {
        throw new DomainError('VALIDATION_FAILED', 'A placement cannot end before it starts', [{ path: 'endDate', message: `On or after ${current.startDate}` }]);
      }
      ended = { ...current, endDate: input.endDate, endReason: input.endReason, ...(input.note ? { endNote: input.note } : {}), version: current.version + 1 };
      return {
        action: 'end_placement',
        changes: [
          { path: `placements.${placementId}.endDate`, from: null, to: input.endDate },
          { path: `placements.${placementId}.endReason`, from: null, to: input.endReason },
        ],
        writes: [{ put: placementItem(ended), ...atVersion(expectedVersion, 'placement') }],
      };
    });
    return ended!;
  }

  async addNote(caseId: string, input: NoteInput, scope: Scope, actor: Actor, idempotencyKey?: IdempotencyKey): Promise<Note> {
    return this.cases.createSubRecord({ caseId, kind: 'note', input, scope, actor, idempotencyKey, schema: Note }, () => {
      const note: Note = { id: randomUUID(), caseId, text: input.text, confidential: input.confidential, authorId: actor.userId, authorName: actor.username, createdAt: new Date().toISOString() };
      // A confidential note's text stays out of the history, which more people may read than the note.
      const recorded = note.confidential ? { confidential: true } : { text: note.text, confidential: false };
      return { record: note, items: [noteItem(note)], change: { action: 'add_note', changes: [{ path: `notes.${note.id}`, from: null, to: recorded }] } };
    });
  }

  /** The case page: the case, its sub-records and its history from one Query on its partition. */
  async overview(caseId: string, scope: Scope, actor: Actor, confidentialScope: Scope | undefined): Promise<CaseOverview> {
    const { kase, items } = await this.cases.partition(caseId, scope, actor);
    const of = (entity: string) => items.filter((item) => item.entity === entity);
    // Confidential notes: the whole tenant, or the caller's unit subtree, or (every scope) the case's owner — never
    // merely an assigned worker.
    const seesConfidential = confidentialScope === 'tenant'
      || (confidentialScope === 'unit' && (actor.units?.contains(kase.unitId) ?? false))
      || (confidentialScope !== undefined && kase.ownerId === actor.userId);
    return {
      case: kase,
      followUps: of('follow-up').map((item) => FollowUp.parse(item)).sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
      placements: of('placement').map((item) => Placement.parse(item)).sort((a, b) => a.startDate.localeCompare(b.startDate)),
      notes: of('note').map((item) => Note.parse(item)).filter((note) => seesConfidential || !note.confidential),
      referrals: of('referral')
        .map((item) => effectiveReferral(Referral.parse(item), new Date().toISOString().slice(0, 10)))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
      transfers: of('transfer-out').map((item) => ({ transferId: String(item.transferId), toTenantId: String(item.toTenantId), status: String(item.status) })),
      history: of('history').map(entryFromItem).map(({ at, actor: by, action, changes }) => ({ at, actor: by, action, changes })),
    };
  }

}
