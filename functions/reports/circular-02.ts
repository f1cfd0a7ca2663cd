import { DomainError } from '../../shared/errors.ts';
import { SEXES } from '../../shared/schemas/case.ts';
import type { Circular02Report, ReportCounts, UnitReportCounts } from '../../shared/schemas/reports.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';
import { casesOpenSince, type CasePeriods } from './case-periods.ts';
import { ACTIVE_RECOUNTS, recountRunning } from './recount-jobs.ts';
import type { ReportUnit } from './report-unit.ts';

export interface ReportPeriod {
  from: string;
  to: string;
  dueDate: string | null;
}

const isRealDate = (date: string) => !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);

/**
 * `2026-H1` → Jan–Jun, due 15 June; `2026` → the year, due 15 December (Circular 02/2020); `2026-H2` →
 * Jul–Dec, due 15 January of the next year (our choice: the Circular names no H2 date, and a half-year
 * cannot be reported before it ends); `2026-01-01..2026-03-31` → ad hoc, both days included, no due date.
 */
export function parsePeriod(period: string): ReportPeriod {
  const half = /^(\d{4})-H([12])$/.exec(period);
  if (half) {
    const year = Number(half[1]);
    return half[2] === '1'
      ? { from: `${year}-01-01`, to: `${year}-06-30`, dueDate: `${year}-06-15` }
      : { from: `${year}-07-01`, to: `${year}-12-31`, dueDate: `${year + 1}-01-15` };
  }
  if (/^\d{4}$/.test(period)) return { from: `${period}-01-01`, to: `${period}-12-31`, dueDate: `${period}-12-15` };
  const [from = '', to = ''] = period.split('..');
  const invalid = (message: string) => new DomainError('VALIDATION_FAILED', 'Query is not valid', [{ path: 'period', message }]);
  if (!isRealDate(from) || !isRealDate(to)) throw invalid('Use real dates, e.g. 2026-01-01..2026-03-31');
  if (from > to) throw invalid('The period ends before it starts');
  return { from, to, dueDate: null };
}

const zero = (): ReportCounts => ({ managed: 0, new: 0, closed: 0 });
const day = (iso: string) => iso.slice(0, 10);

/** What one case counts for in [from, to] (days, inclusive, UTC): each of managed/new/closed at most once. */
export function countCase(kase: CasePeriods, from: string, to: string): ReportCounts {
  const inPeriod = (date: string) => date >= from && date <= to;
  return {
    managed: kase.periods.some(([start, end]) => day(start) <= to && (end === null || day(end) >= from)) ? 1 : 0,
    new: inPeriod(day(kase.openedAt)) ? 1 : 0,
    closed: kase.periods.some(([, end]) => end !== null && inPeriod(day(end))) ? 1 : 0,
  };
}

const add = (into: ReportCounts, counts: ReportCounts) => {
  into.managed += counts.managed;
  into.new += counts.new;
  into.closed += counts.closed;
};

/** Counts of a set of cases: in total, under each of their categories and under their sex. */
class Tally {
  readonly totals = zero();
  readonly byCategory: Record<string, ReportCounts>;
  readonly bySex: Record<string, ReportCounts> = Object.fromEntries(SEXES.map((sex) => [sex, zero()]));

  constructor(categoryCodes: readonly string[]) {
    this.byCategory = Object.fromEntries(categoryCodes.map((code) => [code, zero()]));
  }

  count(kase: CasePeriods, counts: ReportCounts): void {
    add(this.totals, counts);
    for (const category of new Set(kase.categories)) add((this.byCategory[category] ??= zero()), counts);
    add((this.bySex[kase.sex] ??= zero()), counts);
  }

  get counts(): UnitReportCounts {
    return { totals: this.totals, byCategory: this.byCategory, bySex: this.bySex };
  }
}

/**
 * The Circular 02 report of a unit's subtree (the root's: the tenant's): `managed` = open at any moment of the
 * period (a case reopened within it counts once), `new` = registered in the period, `closed` = closed in the
 * period; once in the totals and once under each of its categories and its sex — and `byUnit`, the same for
 * each direct child of the unit, from the same read: a case of the subtree below the unit (at depth d) counts
 * for the child `unitPath[d + 1]`. Computed from one paged Query of the periods index (a unit below the root:
 * filtered to the periods items whose path holds it), and the recount marker.
 */
export async function circular02(repository: TenantRepository, period: ReportPeriod, categoryCodes: readonly string[], unit: ReportUnit): Promise<Circular02Report> {
  const [cases, active] = await Promise.all([
    casesOpenSince(repository, period.from, period.to, unit.isRoot ? undefined : unit.unitId),
    repository.get(ACTIVE_RECOUNTS.partition, ACTIVE_RECOUNTS.sk),
  ]);
  const depth = unit.tree.pathOf(unit.unitId).length - 1;
  const all = new Tally(categoryCodes);
  const children = new Map(unit.children.map((child) => [child, new Tally(categoryCodes)]));
  for (const kase of cases) {
    const counts = countCase(kase, period.from, period.to);
    if (counts.managed + counts.new + counts.closed === 0) continue;
    all.count(kase, counts);
    const child = kase.unitPath[depth + 1];
    if (child !== undefined) children.get(child)?.count(kase, counts);
  }
  return {
    period: { from: period.from, to: period.to }, dueDate: period.dueDate, ...all.counts,
    unit: unit.unitId,
    byUnit: Object.fromEntries([...children].map(([child, tally]) => [child, tally.counts])),
    recounting: recountRunning(active),
    generatedAt: new Date().toISOString(),
  };
}
