import { scopeFor } from '../../shared/auth/permissions.ts';
import type { Role } from '../../shared/auth/roles.ts';
import type { Case, Child } from '../../shared/schemas/case.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';
import { visibleIn, type Actor } from './case-store.ts';
import { caseFromItem, casePartition } from './case-items.ts';
import { matchToken } from './case-search.ts';
import { nameTokens, searchHit, searchPartition } from './search-index.ts';
import { inParallel } from '../data/in-parallel.ts';

export interface PossibleDuplicate {
  /** Only when the caller may read the case (`mayRead`): the check is tenant-wide, the record is not. */
  id?: string;
  caseNumber: string;
  /** 0…1: name-token overlap (60 %), same sex (20 %), date of birth within a year (20 %); unknowns count half. */
  score: number;
}

export interface DuplicateOptions {
  /** The case being registered, which matches itself. */
  excludeCaseId?: string;
  /** At most this many, best first (default 10). */
  limit?: number;
  /**
   * Whether the caller may read a case: only then is its id given (see `readableBy`). Without it no id is
   * given; the case number and the score always are.
   */
  mayRead?: (kase: Case) => boolean;
}

/**
 * The cases a user may read, as `GET /cases/{id}` decides it (`case.read` in the user's scope): a supervisor's
 * whole tenant, a caseworker's own and assigned cases, nothing for a role without `case.read`.
 */
export function readableBy(user: Actor & { roles: readonly Role[] }): (kase: Case) => boolean {
  const scope = scopeFor(user.roles, 'case.read');
  return (kase) => scope !== undefined && visibleIn(kase, scope, user);
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
/** A search partition is read whole only for at least this many tokens, and only up to this size. */
const PARTITION_READ_MIN_TOKENS = 4;
const PARTITION_READ_MAX_ITEMS = 1_000;
const PARTITION_READS_AT_ONCE = 8;
const YEAR_MS = 366 * 24 * 3600 * 1000;

/**
 * Cases of the tenant that may be the same person as a child, from the search index: candidates share at least
 * half of the normalised name tokens (exact tokens, so `Nguyễn Thị Hồng` and `nguyen thi hong` meet), then
 * they are scored by token overlap, sex and date of birth. Tenant-wide on purpose: the duplicate is usually
 * another caseworker's case — so a case is named by its number and score, and by its id only to a caller who
 * may read it (`mayRead`). For registration and for the import alike.
 *
 * A finder remembers the token matches and cases it has read, so checking many children at once (a window of
 * an import, where most share tokens like `Nguyễn` or `Thị`) reads each token and each candidate once. Use a
 * new finder when the cases may have changed.
 */
export class DuplicateFinder {
  private readonly casesWithToken = new Map<string, Promise<string[]>>();
  private readonly casesById = new Map<string, Promise<Candidate | undefined>>();

  constructor(private readonly repository: TenantRepository) {}

  async find(child: Person, options: DuplicateOptions = {}): Promise<PossibleDuplicate[]> {
    const person = asCompared(child);
    const tokens = [...person.tokens];
    if (tokens.length === 0) return [];
    const matches = await Promise.all(tokens.map((token) => this.casesMatching(token)));
    const hits = new Map<string, number>();
    for (const caseIds of matches) for (const caseId of caseIds) hits.set(caseId, (hits.get(caseId) ?? 0) + 1);
    hits.delete(options.excludeCaseId ?? '');
    const candidates = mostShared(hits, Math.ceil(tokens.length / 2), tokens.length);
    if (candidates.length === 0) return [];
    const cases = await this.load(candidates);
    const mayRead = options.mayRead ?? (() => false);
    return cases
      .map((candidate) => ({ candidate, ...similarity(person, candidate) }))
      .filter((scored) => scored.overlap >= MIN_NAME_OVERLAP && scored.score >= MIN_SCORE)
      .sort((a, b) => b.score - a.score || a.candidate.caseNumber.localeCompare(b.candidate.caseNumber))
      .slice(0, options.limit ?? 10)
      .map(({ candidate, score }) => ({ ...(mayRead(candidate.kase) ? { id: candidate.id } : {}), caseNumber: candidate.caseNumber, score }));
  }

  /**
   * Reads ahead for children about to be checked together: a search partition (tokens sharing their first two
   * characters) holding several of their tokens is read whole in one Query when it is small, instead of one
   * Query per token; large partitions (common prefixes such as `ng`) are left to the per-token Queries.
   */
  async prefetch(children: Person[]): Promise<void> {
    const tokensByPartition = new Map<string, Set<string>>();
    for (const child of children) {
      for (const token of nameTokens(child.fullName)) {
        if (this.casesWithToken.has(token)) continue;
        const partition = searchPartition('name', token);
        tokensByPartition.set(partition, (tokensByPartition.get(partition) ?? new Set()).add(token));
      }
    }
    const worthReading = [...tokensByPartition].filter(([, tokens]) => tokens.size >= PARTITION_READ_MIN_TOKENS);
    await inParallel(worthReading.map(([partition, tokens]) => () => this.readPartition(partition, tokens)), PARTITION_READS_AT_ONCE);
  }

  private async readPartition(partition: string, tokens: Set<string>): Promise<void> {
    const page = await this.repository.query({ partition, limit: PARTITION_READ_MAX_ITEMS });
    if (page.nextCursor) return;
    const casesOf = new Map<string, string[]>();
    for (const item of page.items) {
      const { token, caseId } = searchHit(String(item.sk));
      const cases = casesOf.get(token) ?? [];
      if (cases.length < MAX_MATCHES) cases.push(caseId);
      casesOf.set(token, cases);
    }
    for (const token of tokens) this.casesWithToken.set(token, Promise.resolve(casesOf.get(token) ?? []));
  }

  private casesMatching(token: string): Promise<string[]> {
    let found = this.casesWithToken.get(token);
    if (!found) {
      found = matchToken(this.repository, 'name', token, { exact: true, max: MAX_MATCHES }).then((match) => [...match.cases.keys()]);
      this.casesWithToken.set(token, found);
    }
    return found;
  }

  /** The cases by id, reading those not read yet in one BatchGet. */
  private async load(caseIds: string[]): Promise<Candidate[]> {
    const missing = caseIds.filter((caseId) => !this.casesById.has(caseId));
    if (missing.length > 0) {
      const read = this.repository
        .getMany(missing.map((caseId) => ({ partition: casePartition(caseId), sk: 'META' })))
        .then((items) => new Map(items.map(caseFromItem).map((kase) => [kase.id, { id: kase.id, caseNumber: kase.caseNumber, kase, ...asCompared(kase.child) }])));
      for (const caseId of missing) this.casesById.set(caseId, read.then((cases) => cases.get(caseId)));
    }
    const cases = await Promise.all(caseIds.map((caseId) => this.casesById.get(caseId)!));
    return cases.filter((candidate) => candidate !== undefined);
  }
}

/** Possible duplicates of one child (registration, the check before it). */
export const findPossibleDuplicates = (repository: TenantRepository, child: Person, options: DuplicateOptions = {}): Promise<PossibleDuplicate[]> =>
  new DuplicateFinder(repository).find(child, options);

type Person = Pick<Child, 'fullName' | 'sex' | 'dateOfBirth'>;

/** What is compared of a person: the name's tokens (normalised once), sex and date of birth. */
interface Compared {
  tokens: Set<string>;
  sex: Person['sex'];
  dateOfBirth?: string | undefined;
}

interface Candidate extends Compared {
  id: string;
  caseNumber: string;
  /** The case as read, for `mayRead`. */
  kase: Case;
}

/**
 * The cases sharing at least `needed` of the `most` tokens, most shared first (first seen first among equals),
 * at most `MAX_CANDIDATES`. Bucketed by count rather than sorted: an import checks thousands of children
 * whose common tokens (`Nguyễn`, `Thị`) each bring hundreds of hits.
 */
function mostShared(hits: Map<string, number>, needed: number, most: number): string[] {
  const byCount: string[][] = Array.from({ length: most + 1 }, () => []);
  for (const [caseId, count] of hits) if (count >= needed) byCount[count]!.push(caseId);
  const chosen: string[] = [];
  for (let count = most; count >= needed && chosen.length < MAX_CANDIDATES; count--) {
    chosen.push(...byCount[count]!.slice(0, MAX_CANDIDATES - chosen.length));
  }
  return chosen;
}

const asCompared = (person: Person): Compared => ({ tokens: new Set(nameTokens(person.fullName)), sex: person.sex, dateOfBirth: person.dateOfBirth });

/** Name overlap (shared tokens / all tokens of both) and the overall score, rounded to two decimals. */
function similarity(a: Compared, b: Compared): { overlap: number; score: number } {
  let shared = 0;
  for (const token of a.tokens) if (b.tokens.has(token)) shared++;
  const overlap = shared / (a.tokens.size + b.tokens.size - shared || 1);
  const knownSex = a.sex !== 'unknown' && b.sex !== 'unknown';
  const sex = knownSex ? Number(a.sex === b.sex) : 0.5;
  const birth = a.dateOfBirth && b.dateOfBirth
    ? Number(Math.abs(Date.parse(a.dateOfBirth) - Date.parse(b.dateOfBirth)) <= YEAR_MS)
    : 0.5;
  return { overlap, score: Math.round((0.6 * overlap + 0.2 * sex + 0.2 * birth) * 100) / 100 };
}
