import { describe, expect, it } from 'vitest';
import { contentTypeOf } from './ImportPage.tsx';

describe('contentTypeOf', () => {
  it('goes by the file name, since browsers often leave a CSV without a type', () => {
    expect(contentTypeOf(new File(['a'], 'register.CSV', { type: '' }))).toBe('text/csv');
    expect(contentTypeOf(new File(['a'], 'register.csv', { type: 'application/vnd.ms-excel' }))).toBe('text/csv');
    expect(contentTypeOf(new File(['a'], 'Sổ đăng ký.xlsx'))).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
});
