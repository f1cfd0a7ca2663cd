import { describe, expect, it } from 'vitest';
import { diff } from './diff.ts';

describe('diff', () => {
  it('lists every leaf of a new record as a change from null', () => {
    expect(diff(undefined, { child: { fullName: 'Aung Aung', sex: 'male' }, riskLevel: 'high' })).toEqual([
      { path: 'child.fullName', from: null, to: 'Aung Aung' },
      { path: 'child.sex', from: null, to: 'male' },
      { path: 'riskLevel', from: null, to: 'high' },
    ]);
  });

  it('records only what changed, arrays as whole values', () => {
    const before = { child: { fullName: 'Hồng', location: 'Vinh' }, categories: ['neglect'] };
    const after = { child: { fullName: 'Hồng' }, categories: ['neglect', 'orphan'] };
    expect(diff(before, after)).toEqual([
      { path: 'categories', from: ['neglect'], to: ['neglect', 'orphan'] },
      { path: 'child.location', from: 'Vinh', to: null },
    ]);
  });

  it('finds nothing between equal records', () => {
    expect(diff({ a: { b: [1, 2] } }, { a: { b: [1, 2] } })).toEqual([]);
  });
});
