import { expect, it } from 'vitest';
import { formatCaseNumber } from './case-numbers.ts';

it('pads the sequence to six digits and keeps larger ones whole', () => {
  expect(formatCaseNumber('NA', '2026', 123)).toBe('NA-2026-000123');
  expect(formatCaseNumber('MM', '2027', 1_234_567)).toBe('MM-2027-1234567');
});
