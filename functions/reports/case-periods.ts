import type { Case } from '../../shared/schemas/case.ts';
import type { StoredItem, TenantRepository, WriteOperation } from '../data/tenant-repository.ts';
import { casePartition } from '../cases/case-items.ts';

/**
 * The periods a case was open, for the Circular 02 report — a `CaseProjection` kept in the case's transaction.
 *
 * One item per case, `CASE#<id>` / `PERIODS`: `opens` and `closes` (ISO times; the i-th period runs from
 * `opens[i]` to `closes[i]`, the last one still open when `closes` is shorter), the case's current sex and
 * categories, and `openedAt` (its registration). It is indexed byTenant `PERIODS` / `<end of its last
 * period>#<caseId>` (`~open` while open), so "every case open at any moment since <from>" is ONE Query
 * `sk >= <from>`, never a Scan: it reads the cases open now plus those closed since the period began.
 *
 * The item also holds the case's `unitPath` (root first), SET in the case's transaction when the case moves
 * (a unit move's recount moves it the same way). A unit's report is the same Query filtered to the items whose
 * path holds the unit (`contains(unitPath, :unit)`), its children's counts come from the same read. Not a
 * per-unit index: the repository rewrites index partition keys only by a Put, and this item cannot be put
 * whole from the case alone (its reopenings are not on the case), so a projection could not move it.
 */
export const PERIODS_SK = 'PERIODS';
export const PERIODS_INDEX_PARTITION = 'PERIODS';
const OPEN_MARK = '~open';

const closedAtOf = (kase: Case) => kase.closure?.closedAt ?? kase.updatedAt;

export function periodsProjection(before: Case | undefined, after: Case): WriteOperation[] {
  if (!before) {
    const closes = after.status === 'closed' ? [closedAtOf(after)] : [];
    return [{
      put: {
        pk: casePartition(after.id), sk: PERIODS_SK, entity: 'periods', caseId: after.id,
        openedAt: after.createdAt, opens: [after.createdAt], closes,
        sex: after.child.sex, categories: after.categories, unitPath: after.unitPath,
        gsi2pk: PERIODS_INDEX_PARTITION, gsi2sk: `${closes[0] ?? OPEN_MARK}#${after.id}`,
      },
    }];
  }
  const set: Record<string, unknown> = {};
  const append: Record<string, unknown[]> = {};
  if (before.child.sex !== after.child.sex) set.sex = after.child.sex;
  if (before.categories.join('|') !== after.categories.join('|')) set.categories = after.categories;
  if (before.unitPath.join('/') !== after.unitPath.join('/')) set.unitPath = after.unitPath;
  if (before.status === 'open' && after.status === 'closed') {
    append.closes = [closedAtOf(after)];
    set.gsi2sk = `${closedAtOf(after)}#${after.id}`;
  }
  if (before.status === 'closed' && after.status === 'open') {
    append.opens = [after.updatedAt];
    set.gsi2sk = `${OPEN_MARK}#${after.id}`;
  }
  if (Object.keys(set).length === 0 && Object.keys(append).length === 0) return [];
  return [{ update: { pk: casePartition(after.id), sk: PERIODS_SK }, set, append }];
}

export interface CasePeriods {
  caseId: string;
  openedAt: string;
  sex: string;
  categories: string[];
  /** The case's unit path, root first (empty for items written before units: those are the root's). */
  unitPath: string[];
  /** [start, end | null] as ISO times. */
  periods: [string, string | null][];
}

function fromItem(item: StoredItem): CasePeriods {
  const opens = (item.opens as string[] | undefined) ?? [];
  const closes = (item.closes as string[] | undefined) ?? [];
  return {
    caseId: String(item.caseId),
    openedAt: String(item.openedAt),
    sex: String(item.sex),
    categories: (item.categories as string[] | undefined) ?? [],
    unitPath: (item.unitPath as string[] | undefined) ?? [],
    periods: opens.map((start, i): [string, string | null] => [start, closes[i] ?? null]),
  };
}

/**
 * Every case with a period that may touch [from, to] (dates, inclusive): one paged Query on the byTenant
 * index, `sk >= from`, filtered to cases registered by `to` — and, for a unit below the root (`unitId`), to
 * the cases whose unit path holds it.
 */
export async function casesOpenSince(repository: TenantRepository, from: string, to: string, unitId?: string): Promise<CasePeriods[]> {
  const items = await repository.queryAll({
    index: 'byTenant',
    partition: PERIODS_INDEX_PARTITION,
    sortKeyBetween: [from, '~~'],
    filter: unitId
      ? {
        expression: '#openedAt <= :toEnd AND contains(#unitPath, :unit)',
        names: { '#openedAt': 'openedAt', '#unitPath': 'unitPath' },
        values: { ':toEnd': `${to}T23:59:59.999Z`, ':unit': unitId },
      }
      : { expression: '#openedAt <= :toEnd', names: { '#openedAt': 'openedAt' }, values: { ':toEnd': `${to}T23:59:59.999Z` } },
  });
  return items.map(fromItem);
}
