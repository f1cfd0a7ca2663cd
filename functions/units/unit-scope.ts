import { notFound } from '../../shared/errors.ts';
import type { UnitTree } from '../../shared/units/tree.ts';
import type { IndexName } from '../data/table-design.ts';

/**
 * Where a request's `unit` scope reaches: the caller's home unit and everything below it (the root's: the
 * whole tenant). Built once per request from the cached tree; `visibleIn` and every per-unit list use it.
 */
export interface UnitScope {
  homeUnitId: string;
  tree: UnitTree;
  /** Whether `unitId` is the home unit or below it. */
  contains(unitId: string): boolean;
}

export function unitScopeOf(tree: UnitTree, homeUnitId: string | undefined): UnitScope {
  // No unit on the profile: the root (profiles from before units). A unit the tree does not hold: nothing —
  // never the root, which would be the whole tenant (the caller re-reads a stale tree before it gets here).
  const home = homeUnitId ?? tree.root.id;
  if (!tree.get(home)) return { homeUnitId: home, tree, contains: () => false };
  return { homeUnitId: home, tree, contains: (unitId) => tree.contains(home, unitId) };
}

/** Unit levels below the root that have an index (the tree has at most 6 levels). */
const INDEXED_DEPTHS = [1, 2, 3, 4, 5] as const;
const UNIT_INDEX = { 1: 'byUnit1', 2: 'byUnit2', 3: 'byUnit3', 4: 'byUnit4', 5: 'byUnit5' } as const satisfies Record<number, IndexName>;

/**
 * The per-unit index attributes of an item listed in byTenant `partition`: one per ancestor below the root,
 * so each of them lists the item in one Query of its own subtree.
 */
export function unitIndexKeys(partition: string, unitPath: readonly string[]): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const depth of INDEXED_DEPTHS) {
    const unitId = unitPath[depth];
    if (unitId) keys[`gsiu${depth}pk`] = `${partition}#U#${unitId}`;
  }
  return keys;
}

/**
 * Where to Query a byTenant list for a unit's subtree: byTenant itself for the root, else the index of the
 * unit's depth. `unitId` (a `?unit=` filter) must be inside `units`, else 404 as for a unit that does not exist.
 */
export function subtreeList(partition: string, units: UnitScope, unitId = units.homeUnitId): { index: IndexName; partition: string } {
  if (!units.tree.get(unitId) || !units.contains(unitId)) throw notFound('Unit');
  const depth = units.tree.pathOf(unitId).length - 1;
  if (depth === 0) return { index: 'byTenant', partition };
  return { index: UNIT_INDEX[depth as keyof typeof UNIT_INDEX], partition: `${partition}#U#${unitId}` };
}
