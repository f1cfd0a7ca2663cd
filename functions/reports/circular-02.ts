import { DomainError } from '../../shared/errors.ts';
import { SEXES } from '../../shared/schemas/case.ts';
import type { Circular02Report, ReportCounts } from '../../shared/schemas/reports.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';
import { casesOpenSince, type CasePeriods } from './case-periods.ts';

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

/**
 * The Circular 02 report: `managed` = open at any moment of the period (a case reopened within it counts
 * once), `new` = registered in the period, `closed` = closed in the period; once in the totals and once
 * under each of its categories and its sex. Computed from one Query of the periods index.
 */
export async function circular02(repository: TenantRepository, period: ReportPeriod, categoryCodes: readonly string[]): Promise<Circular02Report> {
  const cases = await casesOpenSince(repository, period.from, period.to);
  const totals = zero();
  const byCategory: Record<string, ReportCounts> = Object.fromEntries(categoryCodes.map((code) => [code, zero()]));
  const bySex: Record<string, ReportCounts> = Object.fromEntries(SEXES.map((sex) => [sex, zero()]));
  for (const kase of cases) {
    const counts = countCase(kase, period.from, period.to);
    if (counts.managed + counts.new + counts.closed === 0) continue;
    add(totals, counts);
    for (const category of new Set(kase.categories)) add((byCategory[category] ??= zero()), counts);
    add((bySex[kase.sex] ??= zero()), counts);
  }
  return { period: { from: period.from, to: period.to }, dueDate: period.dueDate, totals, byCategory, bySex, generatedAt: new Date().toISOString() };
}
