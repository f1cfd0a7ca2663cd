import type { Case, HistoryEntry } from './case.ts';
import type { FollowUp, Note, Placement } from './case-records.ts';
import type { Referral } from './referral.ts';

/** A case page's data in one response (`GET /cases/{id}/overview`), for the handler and the SPA alike. */
export interface CaseOverview {
  case: Case;
  followUps: FollowUp[];
  placements: Placement[];
  notes: Note[];
  /** Referrals made on the case, with their timelines, newest first. */
  referrals: Referral[];
  /** Transfers this case was sent on, as this tenant last knew them (reading the transfer brings them up to date). */
  transfers: { transferId: string; toTenantId: string; status: string }[];
  /** The case's history, oldest first. */
  history: HistoryEntry[];
}
