import { describe, expect, it } from 'vitest';
import type { Case } from '../../shared/schemas/case.ts';
import { searchHit, searchIndexProjection } from './search-index.ts';

const kase = (fullName: string) => ({
  id: '6f1c2d8e-4b1a-4c55-9a61-0d7f3c2b9e10', caseNumber: 'NA-2026-000123', createdAt: '2026-03-01T08:00:00.000Z', child: { fullName },
}) as unknown as Case;

describe('the search index', () => {
  it('writes one small item per name token and one for the case number, each pointing back at the case', () => {
    const writes = searchIndexProjection(undefined, kase('Nguyễn Thị Hồng'));
    const items = writes.map((write) => (write as { put: { pk: string; sk: string } }).put);
    expect(items.map((item) => [item.pk, searchHit(item.sk).token])).toEqual([
      ['SEARCH#name#ng', 'nguyen'], ['SEARCH#name#th', 'thi'], ['SEARCH#name#ho', 'hong'], ['SEARCH#number#na', 'na2026000123'],
    ]);
    for (const item of items) {
      expect(searchHit(item.sk)).toMatchObject({ caseId: '6f1c2d8e-4b1a-4c55-9a61-0d7f3c2b9e10', recency: '2026-03-01T08:00:00.000Z#6f1c2d8e-4b1a-4c55-9a61-0d7f3c2b9e10' });
      expect(Object.keys(item).sort()).toEqual(['entity', 'pk', 'sk']);
    }
  });

  it('on a rename replaces only the tokens that changed', () => {
    const writes = searchIndexProjection(kase('Nguyễn Thị Hồng'), kase('Nguyễn Thị Lan'));
    expect(writes.map((write) => ('delete' in write ? `- ${searchHit(write.delete.sk).token}` : `+ ${searchHit((write as { put: { sk: string } }).put.sk).token}`))).toEqual(['- hong', '+ lan']);
  });
});
