/**
 * Circular 02/2020 deadlines, computed in the browser from today's date: the half-year report (January–June)
 * is due on 15 June, the annual report on 15 December. Dates are `YYYY-MM-DD` and compared as calendar days.
 */
export interface DueReport {
  kind: 'half' | 'year';
  /** The period as the report API names it: `2026-H1` or `2026`. */
  period: string;
  dueDate: string;
  /** Whole days from today to the due date: 0 on the day itself. */
  days: number;
}

/** Today's calendar date where the user is (not in UTC: a deadline falls on the ministry's day). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const dayNumber = (isoDate: string) => Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / 86_400_000;

/** Calendar days from `from` to `to` (negative when `to` is earlier); daylight saving cannot shift it. */
export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

/** The next report due on or after `today`: this year's half-year report, else this year's annual, else next year's half-year. */
export function nextDueReport(today: string): DueReport {
  const year = Number(today.slice(0, 4));
  const candidates: Omit<DueReport, 'days'>[] = [
    { kind: 'half', period: `${year}-H1`, dueDate: `${year}-06-15` },
    { kind: 'year', period: `${year}`, dueDate: `${year}-12-15` },
    { kind: 'half', period: `${year + 1}-H1`, dueDate: `${year + 1}-06-15` },
  ];
  const next = candidates.find((candidate) => candidate.dueDate >= today)!;
  return { ...next, days: daysBetween(today, next.dueDate) };
}

/** The half-year that contains `today` (`2026-H2` in November) and its year. */
export function currentPeriods(today: string): { half: string; year: string } {
  const year = today.slice(0, 4);
  return { half: `${year}-H${Number(today.slice(5, 7)) <= 6 ? 1 : 2}`, year };
}

/** An ad hoc period for the API (`2026-01-01..2026-03-31`), or undefined while the range is incomplete or backwards. */
export function customPeriod(from: string, to: string): string | undefined {
  const date = /^\d{4}-\d{2}-\d{2}$/;
  return date.test(from) && date.test(to) && from <= to ? `${from}..${to}` : undefined;
}
