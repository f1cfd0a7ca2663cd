import type { Case } from '../../shared/schemas/case.ts';
import { caseNumberToken, searchTokens } from '../../shared/search/normalize.ts';
import type { WriteOperation } from '../data/tenant-repository.ts';
import type { CaseProjection } from './case-projections.ts';

/**
 * The search index: one item per normalised name token of a case, and one for its case number, written in the
 * same transaction as the case (a CaseProjection), so search never sees a half-registered case.
 *   pk `SEARCH#<kind>#<first two characters of the token>`   kind `name` or `number`
 *   sk `<token>#<createdAt>#<caseId>`
 * A Query with `begins_with(sk, <query token>)` on the partition of the query token's first two characters
 * finds every case with a token starting with it (prefix search); `createdAt` never changes, so a rename
 * replaces only the tokens that changed, and results come newest registration first.
 */
export type SearchKind = 'name' | 'number';

/** Names have at most this many indexed tokens (keeps a rename well inside one transaction). */
export const MAX_NAME_TOKENS = 12;

export interface SearchKey {
  pk: string;
  sk: string;
}

const prefixOf = (token: string) => Array.from(token).slice(0, 2).join('');

export const searchPartition = (kind: SearchKind, token: string) => `SEARCH#${kind}#${prefixOf(token)}`;

/** Sort order of results: newest registration first. */
export const recencyOf = (kase: Pick<Case, 'createdAt' | 'id'>) => `${kase.createdAt}#${kase.id}`;

/** The index keys of a case. */
export function searchKeys(kase: Case): SearchKey[] {
  const recency = recencyOf(kase);
  const key = (kind: SearchKind, token: string): SearchKey => ({ pk: searchPartition(kind, token), sk: `${token}#${recency}` });
  return [
    ...nameTokens(kase.child.fullName).map((token) => key('name', token)),
    key('number', caseNumberToken(kase.caseNumber)),
  ];
}

export const nameTokens = (fullName: string): string[] => searchTokens(fullName).slice(0, MAX_NAME_TOKENS);

export const searchIndexProjection: CaseProjection = (before, after) => {
  const id = (key: SearchKey) => `${key.pk}|${key.sk}`;
  const old = before ? searchKeys(before) : [];
  const next = searchKeys(after);
  const oldIds = new Set(old.map(id));
  const nextIds = new Set(next.map(id));
  const removed: WriteOperation[] = old.filter((key) => !nextIds.has(id(key))).map((key) => ({ delete: key }));
  const added: WriteOperation[] = next
    .filter((key) => !oldIds.has(id(key)))
    .map((key) => ({ put: { ...key, entity: 'search' } }));
  return [...removed, ...added];
};

/**
 * What an index item points at, from its sort key alone (`<token>#<createdAt>#<caseId>`): the item carries
 * nothing else, which keeps the four or so index items of every registration small.
 */
export function searchHit(sk: string): { token: string; caseId: string; recency: string } {
  const first = sk.indexOf('#');
  return { token: sk.slice(0, first), caseId: sk.slice(sk.lastIndexOf('#') + 1), recency: sk.slice(first + 1) };
}
