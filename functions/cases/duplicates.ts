import type { Child } from '../../shared/schemas/case.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';
import { caseFromItem, casePartition } from './case-items.ts';
import { matchToken } from './case-search.ts';
import { nameTokens } from './search-index.ts';

export interface PossibleDuplicate {
  id: string;
  caseNumber: string;
  /** 0…1: name-token overlap (60 %), same sex (20 %), date of birth within a year (20 %); unknowns count half. */
  score: number;
}

export interface DuplicateOptions {
  /** The case being registered, which matches itself. */
  excludeCaseId?: string;
  /** At most this many, best first (default 10). */
  limit?: number;
}

/**
 * Below these a case is not shown as a possible duplicate. 0.6 lets a missing middle name through (`Hoàng Thu`
 * vs `Hoàng Thị Thu`: 2/3) but not a different given name (`Lê Thị Cúc` vs `Lê Thị Mai`: 2/4).
 */
const MIN_NAME_OVERLAP = 0.6;
const MIN_SCORE = 0.5;
/** Per name token, the index items read; very common tokens (Thị, Nguyễn) are capped. */
const MAX_MATCHES = 500;
const MAX_CANDIDATES = 100;
const YEAR_MS = 366 * 24 * 3600 * 1000;

/**
 * Cases of the tenant that may be the same person as `child`, from the search index: candidates share at least
 * half of the normalised name tokens (exact tokens, so `Nguyễn Thị Hồng` and `nguyen thi hong` meet), then
 * they are scored by token overlap, sex and date of birth. Tenant-wide on purpose: the duplicate is usually
 * another caseworker's case. For registration and for the import alike.
 */
export async function findPossibleDuplicates(repository: TenantRepository, child: Pick<Child, 'fullName' | 'sex' | 'dateOfBirth'>, options: DuplicateOptions = {}): Promise<PossibleDuplicate[]> {
  const tokens = nameTokens(child.fullName);
  if (tokens.length === 0) return [];
  const matches = await Promise.all(tokens.map((token) => matchToken(repository, 'name', token, { exact: true, max: MAX_MATCHES })));
  const hits = new Map<string, number>();
  for (const match of matches) for (const caseId of match.cases.keys()) hits.set(caseId, (hits.get(caseId) ?? 0) + 1);
  hits.delete(options.excludeCaseId ?? '');
  const needed = Math.ceil(tokens.length / 2);
  const candidates = [...hits].filter(([, count]) => count >= needed).sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES);
  if (candidates.length === 0) return [];
  const items = await repository.getMany(candidates.map(([caseId]) => ({ partition: casePartition(caseId), sk: 'META' })));
  return items
    .map(caseFromItem)
    .map((kase) => ({ id: kase.id, caseNumber: kase.caseNumber, ...similarity(child, kase.child) }))
    .filter((candidate) => candidate.overlap >= MIN_NAME_OVERLAP && candidate.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.caseNumber.localeCompare(b.caseNumber))
    .slice(0, options.limit ?? 10)
    .map(({ id, caseNumber, score }) => ({ id, caseNumber, score }));
}

type Person = Pick<Child, 'fullName' | 'sex' | 'dateOfBirth'>;

/** Name overlap (shared tokens / all tokens of both) and the overall score, rounded to two decimals. */
export function similarity(a: Person, b: Person): { overlap: number; score: number } {
  const left = new Set(nameTokens(a.fullName));
  const right = new Set(nameTokens(b.fullName));
  const shared = [...left].filter((token) => right.has(token)).length;
  const overlap = shared / (left.size + right.size - shared || 1);
  const knownSex = a.sex !== 'unknown' && b.sex !== 'unknown';
  const sex = knownSex ? Number(a.sex === b.sex) : 0.5;
  const birth = a.dateOfBirth && b.dateOfBirth
    ? Number(Math.abs(Date.parse(a.dateOfBirth) - Date.parse(b.dateOfBirth)) <= YEAR_MS)
    : 0.5;
  return { overlap, score: Math.round((0.6 * overlap + 0.2 * sex + 0.2 * birth) * 100) / 100 };
}
