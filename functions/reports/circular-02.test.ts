import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors.ts';
import { countCase, parsePeriod } from './circular-02.ts';

describe('Circular 02 periods', () => {
  it('knows the statutory periods and their due dates', () => {
    expect(parsePeriod('2026-H1')).toEqual({ from: '2026-01-01', to: '2026-06-30', dueDate: '2026-06-15' });
    expect(parsePeriod('2026-H2')).toEqual({ from: '2026-07-01', to: '2026-12-31', dueDate: '2027-01-15' });
    expect(parsePeriod('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31', dueDate: '2026-12-15' });
    expect(parsePeriod('2024-02-29..2024-03-01')).toEqual({ from: '2024-02-29', to: '2024-03-01', dueDate: null });
  });

  it('refuses dates that do not exist and ranges that end before they start', () => {
    expect(() => parsePeriod('2025-02-29..2025-03-01')).toThrow(DomainError);
    expect(() => parsePeriod('2025-03-02..2025-03-01')).toThrow(DomainError);
  });
});

describe('what a case counts for', () => {
  const kase = (openedAt: string, periods: [string, string | null][]) => ({ caseId: 'c', openedAt, sex: 'female', categories: ['neglect'], unitPath: ['t'], periods });
  const from = '2026-01-01';
  const to = '2026-06-30';

  it('counts a case opened on the last day as new and managed', () => {
    expect(countCase(kase('2026-06-30T23:00:00Z', [['2026-06-30T23:00:00Z', null]]), from, to)).toEqual({ managed: 1, new: 1, closed: 0 });
  });

  it('counts a case closed on the first day as managed and closed', () => {
    expect(countCase(kase('2025-03-01T00:00:00Z', [['2025-03-01T00:00:00Z', '2026-01-01T08:00:00Z']]), from, to)).toEqual({ managed: 1, new: 0, closed: 1 });
  });

  it('counts a case reopened and closed again within the period once for each', () => {
    const reopened = kase('2026-02-01T00:00:00Z', [['2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z'], ['2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z']]);
    expect(countCase(reopened, from, to)).toEqual({ managed: 1, new: 1, closed: 1 });
  });

  it('does not count a case closed the day before or opened the day after', () => {
    expect(countCase(kase('2025-01-01T00:00:00Z', [['2025-01-01T00:00:00Z', '2025-12-31T23:59:59Z']]), from, to)).toEqual({ managed: 0, new: 0, closed: 0 });
    expect(countCase(kase('2026-07-01T00:00:00Z', [['2026-07-01T00:00:00Z', null]]), from, to)).toEqual({ managed: 0, new: 0, closed: 0 });
  });

  it('counts a case closed before the period and reopened within it as managed, not new', () => {
    const back = kase('2024-01-01T00:00:00Z', [['2024-01-01T00:00:00Z', '2024-06-01T00:00:00Z'], ['2026-03-01T00:00:00Z', null]]);
    expect(countCase(back, from, to)).toEqual({ managed: 1, new: 0, closed: 0 });
  });
});
