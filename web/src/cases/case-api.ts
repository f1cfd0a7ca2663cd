import type { Case } from '../../../shared/schemas/case.ts';
import type { CaseOverview } from '../../../shared/schemas/case-overview.ts';
import { api } from '../app/api.ts';

export type { CaseOverview };

export interface CasePage {
  cases: Case[];
  nextCursor: string | null;
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
