import type { Case } from '../../../shared/schemas/case.ts';
import { api } from '../app/api.ts';

export interface CasePage {
  cases: Case[];
  nextCursor: string | null;
}

export async function fetchCasePage(filters: Record<string, string>, cursor?: string): Promise<CasePage> {
  const query = new URLSearchParams({ limit: '25', ...filters, ...(cursor ? { cursor } : {}) });
  const result = await api<Case[]>(`/api/v1/cases?${query.toString()}`);
  return { cases: result.data, nextCursor: (result.meta?.nextCursor as string | null | undefined) ?? null };
}

export async function fetchCase(id: string): Promise<Case> {
  return (await api<Case>(`/api/v1/cases/${encodeURIComponent(id)}`)).data;
}
