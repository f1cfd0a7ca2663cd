import { DomainError } from '../../shared/errors.ts';
import type { Scope } from '../../shared/auth/permissions.ts';
import type { Case, CaseListQuery } from '../../shared/schemas/case.ts';
import { caseNumberToken, looksLikeCaseNumber, searchTokens } from '../../shared/search/normalize.ts';
import type { Page, TenantRepository } from '../data/tenant-repository.ts';
import { caseFromItem, casePartition } from './case-items.ts';
import { visibleIn, type Actor } from './case-store.ts';
import { nameTokens, recencyOf, searchHit, searchPartition, type SearchKind } from './search-index.ts';

/** A query token matches at most this many index items; beyond it the search is answered from the rest. */
export const MAX_MATCHES_PER_TOKEN = 2000;
/** Query tokens considered (the most selective ones come first anyway). */
const MAX_QUERY_TOKENS = 6;

export interface TokenMatches {
  /** caseId → recency (`<createdAt>#<caseId>`). */
  cases: Map<string, string>;
  /** false when the token matched more than MAX_MATCHES_PER_TOKEN items and the rest was not read. */
  complete: boolean;
}

/**
 * The cases whose `kind` token starts with `token` (or equals it, with `exact`): Queries on one search
 * partition, `begins_with(sk, token)`. Never a Scan.
 */
export async function matchToken(repository: TenantRepository, kind: SearchKind, token: string, options: { exact?: boolean; max?: number } = {}): Promise<TokenMatches> {
  const max = options.max ?? MAX_MATCHES_PER_TOKEN;
  const cases = new Map<string, string>();
  let read = 0;
  let cursor: string | undefined;
  do {
    const page = await repository.query({
      partition: searchPartition(kind, token),
      sortKeyPrefix: options.exact ? `${token}#` : token,
      limit: Math.min(500, max - read),
      cursor,
    });
    for (const item of page.items) {
      const { caseId, recency } = searchHit(String(item.sk));
      cases.set(caseId, recency);
    }
    read += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor && read < max);
  return { cases, complete: cursor === undefined };
}

interface QueryToken {
  kind: SearchKind;
  token: string;
}

/** What a `q` asks for: a case number as one token, or the name's tokens. */
export function queryTokens(q: string): QueryToken[] {
  if (looksLikeCaseNumber(q)) return [{ kind: 'number', token: caseNumberToken(q) }];
  return searchTokens(q).slice(0, MAX_QUERY_TOKENS).map((token) => ({ kind: 'name', token }));
}

/** Whether the case has, for every query token, a token of the same kind starting with it. */
function caseMatches(kase: Case, tokens: readonly QueryToken[]): boolean {
  const own = { name: nameTokens(kase.child.fullName), number: [caseNumberToken(kase.caseNumber)] };
  return tokens.every(({ kind, token }) => own[kind].some((candidate) => candidate.startsWith(token)));
}

const encode = (recency: string) => Buffer.from(recency, 'utf8').toString('base64url');
function decode(cursor: string): string {
  const recency = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{4}-\d{2}-\d{2}T[^#]+#[0-9a-f-]{36}$/.test(recency)) {
    throw new DomainError('VALIDATION_FAILED', 'The cursor is not valid', [{ path: 'cursor', message: 'Use the nextCursor of a previous page' }]);
  }
  return recency;
}

/**
 * `GET /cases?q=`: one Query per query token on the search index, the matches intersected, newest
 * registration first; the cases are read with BatchGetItem and only those the caller may see in `scope` (and
 * that pass `status`, `stage`, `riskLevel`, `owner`) are answered.
 */
export async function searchCases(repository: TenantRepository, query: CaseListQuery & { q: string }, scope: Scope, actor: Actor): Promise<Page<Case>> {
  const owner = query.owner === 'me' ? actor.userId : query.owner;
  if (scope === 'own' && owner !== undefined && owner !== actor.userId) throw new DomainError('FORBIDDEN', 'You may search only your own caseload');
  const tokens = queryTokens(query.q);
  if (tokens.length === 0) return { items: [], nextCursor: null };
  const matches = await Promise.all(tokens.map(({ kind, token }) => matchToken(repository, kind, token)));
  // Intersect the complete match sets; when every token matched too much, start from the smallest set.
  const complete = matches.filter((match) => match.complete);
  const sets = complete.length > 0 ? complete : [matches.reduce((a, b) => (a.cases.size <= b.cases.size ? a : b))];
  const [first, ...rest] = sets.sort((a, b) => a.cases.size - b.cases.size);
  const after = query.cursor === undefined ? undefined : decode(query.cursor);
  const candidates = [...(first?.cases.values() ?? [])]
    .filter((recency) => rest.every((set) => set.cases.has(recency.slice(recency.lastIndexOf('#') + 1))))
    .filter((recency) => after === undefined || recency < after)
    .sort()
    .reverse();

  const found: Case[] = [];
  let next = 0;
  while (found.length < query.limit && next < candidates.length) {
    const batch = candidates.slice(next, next + Math.min(100, query.limit - found.length));
    next += batch.length;
    const items = await repository.getMany(batch.map((recency) => ({ partition: casePartition(recency.slice(recency.lastIndexOf('#') + 1)), sk: 'META' })));
    for (const kase of items.map(caseFromItem)) {
      if (!visibleIn(kase, scope, actor) || !caseMatches(kase, tokens) || !passesFilters(kase, query, owner)) continue;
      found.push(kase);
    }
  }
  const last = found.at(-1);
  return { items: found, nextCursor: next < candidates.length && last ? encode(recencyOf(last)) : null };
}

function passesFilters(kase: Case, query: CaseListQuery, owner: string | undefined): boolean {
  return (['status', 'stage', 'riskLevel'] as const).every((name) => query[name] === undefined || kase[name] === query[name])
    && (owner === undefined || kase.ownerId === owner);
}
