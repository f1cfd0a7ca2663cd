import { describe, expect, it } from 'vitest';
import type { Case } from '../../shared/schemas/case.ts';
import { caseFromItem, caseItem } from './case-items.ts';

const KASE: Case = {
  id: '6f1c2d8e-4b1a-4c55-9a61-0d7f3c2b9e10', caseNumber: 'NA-2026-000123', status: 'closed', stage: 'closed', riskLevel: 'high',
  categories: ['neglect', 'orphan'], child: { fullName: 'Nguyễn Thị Hồng', sex: 'female', dateOfBirth: '2014-05-01', location: 'Vinh' },
  fields: { siblings: 2, needs: ['food'] }, ownerId: 'u1', assignedTo: ['u2'], unitId: 'vn', unitPath: ['vn'], createdAt: '2026-01-02T03:04:05.000Z',
  updatedAt: '2026-02-03T04:05:06.000Z', version: 4,
  closure: { reason: 'Reunified', outcome: 'With family', requestedAt: '2026-02-01T00:00:00.000Z', closedAt: '2026-02-03T04:05:06.000Z' },
} as Case;

describe('the case item', () => {
  it('keeps filtered and indexed attributes as attributes, nested parts as JSON, and reads back the same case', () => {
    const item = caseItem(KASE, { historyCount: 4, historyHead: 'abc' });
    expect(item).toMatchObject({ status: 'closed', stage: 'closed', riskLevel: 'high', ownerId: 'u1', gsi1pk: 'OWNER#u1', gsi2pk: 'CASES', historyCount: 4 });
    expect(typeof item.child).toBe('string');
    expect(typeof item.fields).toBe('string');
    expect(caseFromItem(item)).toEqual(KASE);
  });

  it('reads items written with nested maps and lists as they are', () => {
    expect(caseFromItem({ pk: 'CASE#x', sk: 'META', ...KASE })).toEqual(KASE);
  });
});
