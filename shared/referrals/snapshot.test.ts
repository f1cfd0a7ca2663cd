import { describe, expect, it } from 'vitest';
import type { Case } from '../schemas/case.ts';
import type { Note } from '../schemas/case-records.ts';
import { buildSnapshot } from './snapshot.ts';

const kase = {
  id: 'c1', caseNumber: 'NA-2026-000001', status: 'open', stage: 'implementation', riskLevel: 'high', categories: ['gbv'],
  child: { fullName: 'Nour Haddad', sex: 'female', ageYears: 14, location: 'Homs' }, fields: { secret: 'x' }, ownerId: 'u', assignedTo: [], unitId: 't', unitPath: ['t'],
  createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', version: 3,
  assessment: { needs: ['shelter'], summary: 'At risk at home', submittedAt: '2026-01-02T00:00:00.000Z', approved: true },
} as Case;
const notes: Note[] = [
  { id: 'n1', caseId: 'c1', text: 'School visit done', confidential: false, authorId: 'u', authorName: 'cw', createdAt: '2026-01-03T00:00:00.000Z' },
  { id: 'n2', caseId: 'c1', text: 'Disclosure details', confidential: true, authorId: 'u', authorName: 'cw', createdAt: '2026-01-04T00:00:00.000Z' },
];

describe('buildSnapshot', () => {
  it('copies only the chosen sections', () => {
    expect(buildSnapshot(kase, notes, ['child.basic'])).toEqual({ child: { fullName: 'Nour Haddad', sex: 'female', ageYears: 14 } });
    expect(buildSnapshot(kase, notes, ['child.contact'])).toEqual({ child: { location: 'Homs' } });
    expect(buildSnapshot(kase, notes, ['assessment'])).toEqual({ assessment: { categories: ['gbv'], riskLevel: 'high', needs: ['shelter'], summary: 'At risk at home' } });
  });

  it('never shares confidential notes, tenant fields, or a care plan that does not exist', () => {
    const all = buildSnapshot(kase, notes, ['child.basic', 'child.contact', 'assessment', 'care_plan', 'notes']);
    expect(all.notes).toEqual([{ text: 'School visit done', createdAt: '2026-01-03T00:00:00.000Z' }]);
    expect(all.carePlan).toBeUndefined();
    expect(JSON.stringify(all)).not.toMatch(/Disclosure|secret/);
  });

  it('is a copy: later changes to the case do not reach it', () => {
    const snapshot = buildSnapshot(kase, notes, ['assessment']);
    kase.categories.push('neglect');
    expect(snapshot.assessment?.categories).toEqual(['gbv']);
  });
});
