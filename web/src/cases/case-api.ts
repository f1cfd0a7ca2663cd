import type { Case, HistoryEntry } from '../../../shared/schemas/case.ts';
import type { FollowUp, Note, Placement } from '../../../shared/schemas/case-records.ts';
import type { Referral } from '../../../shared/schemas/referral.ts';
import { api } from '../app/api.ts';

export interface CasePage {
  cases: Case[];
  nextCursor: string | null;
}

export interface CaseOverview {
  case: Case;
  followUps: FollowUp[];
  placements: Placement[];
  notes: Note[];
  referrals: Referral[];
  transfers: { transferId: string; toTenantId: string; status: string }[];
  history: HistoryEntry[];
}

export async function fetchCasePage(filters: Record<string, string>, cursor?: string): Promise<CasePage> {
  const query = new URLSearchParams({ limit: '25', ...filters, ...(cursor ? { cursor } : {}) });
  const result = await api<Case[]>(`/api/v1/cases?${query.toString()}`);
  return { cases: result.data, nextCursor: (result.meta?.nextCursor as string | null | undefined) ?? null };
}

/** The case page's data: one request, one Query on the case's partition. */
export async function fetchOverview(id: string): Promise<CaseOverview> {
  return (await api<CaseOverview>(`/api/v1/cases/${encodeURIComponent(id)}/overview`)).data;
}

/** A change to an existing record: `If-Match` with the version the user was looking at. */
export async function postChange<T>(path: string, body: unknown, version?: number): Promise<T> {
  const headers: Record<string, string> = version === undefined ? {} : { 'if-match': `"${version}"` };
  return (await api<T>(path, { method: 'POST', body, headers })).data;
}
