import { describe, expect, it } from 'vitest';
import { currentPeriods, customPeriod, daysBetween, localToday, nextDueReport } from './due-dates.ts';

describe('nextDueReport', () => {
  it('is the half-year report, due 15 June, until the day itself', () => {
    expect(nextDueReport('2026-01-01')).toEqual({ kind: 'half', period: '2026-H1', dueDate: '2026-06-15', days: 165 });
    expect(nextDueReport('2026-06-14')).toMatchObject({ period: '2026-H1', days: 1 });
    expect(nextDueReport('2026-06-15')).toMatchObject({ period: '2026-H1', days: 0 });
  });

  it('is the annual report, due 15 December, from 16 June', () => {
    expect(nextDueReport('2026-06-16')).toEqual({ kind: 'year', period: '2026', dueDate: '2026-12-15', days: 182 });
    expect(nextDueReport('2026-11-25')).toMatchObject({ period: '2026', days: 20 });
    expect(nextDueReport('2026-12-15')).toMatchObject({ period: '2026', days: 0 });
  });

  it("is next year's half-year report after 15 December", () => {
    expect(nextDueReport('2026-12-16')).toEqual({ kind: 'half', period: '2027-H1', dueDate: '2027-06-15', days: 181 });
    expect(nextDueReport('2027-12-31')).toMatchObject({ period: '2028-H1', days: 167 });
  });

  it('counts 29 February in a leap year', () => {
    expect(nextDueReport('2028-02-28')).toMatchObject({ period: '2028-H1', days: 108 });
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
  });
});

describe('daysBetween', () => {
  it('is negative for a date already past, and ignores daylight-saving changes', () => {
    expect(daysBetween('2026-06-20', '2026-06-15')).toBe(-5);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });
});

describe('localToday', () => {
  it("is the user's calendar day, not UTC's", () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localToday(new Date(2026, 11, 31, 0, 1))).toBe('2026-12-31');
  });
});

describe('periods', () => {
  it('knows the half-year of a day', () => {
    expect(currentPeriods('2026-06-30')).toEqual({ half: '2026-H1', year: '2026' });
    expect(currentPeriods('2026-07-01')).toEqual({ half: '2026-H2', year: '2026' });
  });

  it('makes an ad hoc range only from two dates in order', () => {
    expect(customPeriod('2026-01-01', '2026-03-31')).toBe('2026-01-01..2026-03-31');
    expect(customPeriod('2026-01-01', '2026-01-01')).toBe('2026-01-01..2026-01-01');
    expect(customPeriod('2026-04-01', '2026-03-31')).toBeUndefined();
    expect(customPeriod('2026-04-01', '')).toBeUndefined();
  });
});
