import { describe, expect, it } from 'vitest';
import type { Case } from '../../shared/schemas/case.ts';
import type { UpdateOperation } from '../data/tenant-repository.ts';
import { combineCounterWrites, counterDeltas, counterProjection } from './counters.ts';

const base: Case = {
  id: '00000000-0000-4000-8000-000000000001', caseNumber: 'NA-2026-000001', status: 'open', stage: 'intake', riskLevel: 'high',
  categories: ['neglect', 'orphan'], child: { fullName: 'A', sex: 'female' }, fields: {}, ownerId: 'u1', assignedTo: [], unitId: 't', unitPath: ['t'],
  createdAt: '2026-03-04T10:00:00.000Z', updatedAt: '2026-03-04T10:00:00.000Z', version: 1,
};
const flat = (deltas: Map<string, Map<string, number>>) => Object.fromEntries([...deltas].map(([sk, a]) => [sk, Object.fromEntries(a)]));

describe('counter deltas', () => {
  it('adds a new case to the caseload and to its month', () => {
    expect(flat(counterDeltas(undefined, base))).toEqual({
      CURRENT: { total: 1, 'status:open': 1, 'stage:intake': 1, 'risk:high': 1, 'category:neglect': 1, 'category:orphan': 1, 'owner:u1': 1 },
      'MONTHLY#2026': { 'new:2026-03': 1, 'new:2026-03:category:neglect': 1, 'new:2026-03:category:orphan': 1, 'new:2026-03:sex:female': 1 },
    });
  });

  it('moves only what changed, and nothing for a change the counters do not see', () => {
    expect(flat(counterDeltas(base, { ...base, riskLevel: 'low', version: 2 }))).toEqual({ CURRENT: { 'risk:high': -1, 'risk:low': 1 } });
    expect(counterDeltas(base, { ...base, fields: { school: 'x' }, version: 2 }).size).toBe(0);
  });

  it('takes a closed case out of the open caseload and counts its closure in its month (another year\'s item)', () => {
    const closed: Case = { ...base, status: 'closed', stage: 'closed', closure: { reason: 'r', outcome: 'o', requestedAt: '2027-01-02T00:00:00.000Z', closedAt: '2027-01-02T00:00:00.000Z' } };
    const deltas = flat(counterDeltas(base, closed));
    expect(deltas.CURRENT).toEqual({ 'status:open': -1, 'status:closed': 1, 'stage:intake': -1, 'stage:closed': 1, 'risk:high': -1, 'category:neglect': -1, 'category:orphan': -1, 'owner:u1': -1 });
    expect(deltas['MONTHLY#2027']).toEqual({ 'closed:2027-01': 1, 'closed:2027-01:category:neglect': 1, 'closed:2027-01:category:orphan': 1, 'closed:2027-01:sex:female': 1 });
    expect(deltas['MONTHLY#2026']).toBeUndefined();
  });

  it('writes each counter item once per change, on one shard', () => {
    const writes = counterProjection(undefined, base) as UpdateOperation[];
    expect(new Set(writes.map((w) => `${w.update.pk}|${w.update.sk}`)).size).toBe(writes.length);
    expect(new Set(writes.map((w) => w.update.pk)).size).toBe(1);
  });

  it('combines the counter writes of many cases into one write per item on the shard asked for', () => {
    const other = { ...base, id: '00000000-0000-4000-8000-000000000002', categories: ['neglect'] };
    const combined = combineCounterWrites([...counterProjection(undefined, base), ...counterProjection(undefined, other), { put: { pk: 'X', sk: 'Y' } }], 11) as UpdateOperation[];
    const current = combined.find((w) => 'update' in w && w.update.sk === 'CURRENT')!;
    expect(current.update.pk).toBe('COUNTERS#3');
    expect(current.add).toMatchObject({ total: 2, 'category:neglect': 2, 'category:orphan': 1 });
    expect(combined).toHaveLength(3);
  });

  it('counts a case in every unit of its path, and a move takes it out of the old units into the new', () => {
    const deep: Case = { ...base, unitId: 'town', unitPath: ['t', 'region', 'town'] };
    const writes = counterProjection(undefined, deep) as UpdateOperation[];
    expect(new Set(writes.map((w) => w.update.pk.replace(/\d+$/, 'n')))).toEqual(new Set(['COUNTERS#n', 'UNIT#region#COUNTERS#n', 'UNIT#town#COUNTERS#n']));
    const moved: Case = { ...deep, unitId: 'other', unitPath: ['t', 'region', 'other'], version: 2 };
    const move = counterProjection(deep, moved) as UpdateOperation[];
    // The root and the common ancestor see no change; the old unit loses the case, the new one gains it.
    expect(move.filter((w) => w.update.sk === 'CURRENT').map((w) => [w.update.pk.replace(/\d+$/, 'n'), w.add!.total])).toEqual([
      ['UNIT#other#COUNTERS#n', 1], ['UNIT#town#COUNTERS#n', -1],
    ]);
  });

  it('combines unit counters per unit and item', () => {
    const a: Case = { ...base, unitId: 'r', unitPath: ['t', 'r'] };
    const b: Case = { ...base, id: '00000000-0000-4000-8000-000000000002', unitId: 'r2', unitPath: ['t', 'r2'] };
    const combined = combineCounterWrites([...counterProjection(undefined, a), ...counterProjection(undefined, a), ...counterProjection(undefined, b)], 2) as UpdateOperation[];
    const current = Object.fromEntries(combined.filter((w) => w.update.sk === 'CURRENT').map((w) => [w.update.pk, w.add!.total]));
    expect(current).toEqual({ 'COUNTERS#2': 3, 'UNIT#r#COUNTERS#2': 2, 'UNIT#r2#COUNTERS#2': 1 });
    expect(combined).toHaveLength(6);
  });
});
