import { describe, expect, it } from 'vitest';
import { UnitTree } from '../../shared/units/tree.ts';
import type { Unit } from '../../shared/schemas/unit.ts';
import { subtreeList, unitIndexKeys, unitScopeOf } from './unit-scope.ts';

const unit = (id: string, path: string[]): Unit => ({ id, parentId: path.at(-2) ?? null, name: { en: id }, kind: 'region', active: true, path, version: 1 });
const tree = new UnitTree([unit('mm', ['mm']), unit('yangon', ['mm', 'yangon']), unit('hlaing', ['mm', 'yangon', 'hlaing']), unit('mandalay', ['mm', 'mandalay'])]);

describe('unit scope', () => {
  it('reaches the home unit and below; no unit on the profile is the root', () => {
    const yangon = unitScopeOf(tree, 'yangon');
    expect(['mm', 'yangon', 'hlaing', 'mandalay'].map((id) => yangon.contains(id))).toEqual([false, true, true, false]);
    expect(unitScopeOf(tree, undefined).contains('mandalay')).toBe(true);
  });

  it('a home unit the tree does not hold reaches nothing, never the whole tenant', () => {
    const unknown = unitScopeOf(tree, 'created-elsewhere');
    expect(['mm', 'yangon', 'hlaing', 'mandalay'].some((id) => unknown.contains(id))).toBe(false);
    expect(() => subtreeList('CASES', unknown)).toThrow();
  });

  it('indexes an item under each ancestor below the root, and lists a subtree on its depth\'s index', () => {
    expect(unitIndexKeys('CASES', ['mm', 'yangon', 'hlaing'])).toEqual({ gsiu1pk: 'CASES#U#yangon', gsiu2pk: 'CASES#U#hlaing' });
    expect(subtreeList('CASES', unitScopeOf(tree, 'mm'))).toEqual({ index: 'byTenant', partition: 'CASES' });
    expect(subtreeList('CASES', unitScopeOf(tree, 'mm'), 'hlaing')).toEqual({ index: 'byUnit2', partition: 'CASES#U#hlaing' });
    expect(() => subtreeList('CASES', unitScopeOf(tree, 'yangon'), 'mandalay')).toThrow();
  });
});
