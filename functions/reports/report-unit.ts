import type { Scope } from '../../shared/auth/permissions.ts';
import { notFound } from '../../shared/errors.ts';
import type { UnitTree } from '../../shared/units/tree.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';
import type { UnitScope } from '../units/unit-scope.ts';
import { unitTree } from '../units/unit-store.ts';

/** The unit a report is about, and the tree it sits in. */
export interface ReportUnit {
  tree: UnitTree;
  unitId: string;
  /** The root's counters are the tenant's own (`COUNTERS#<n>`); a unit below it has `UNIT#<id>#COUNTERS#<n>`. */
  isRoot: boolean;
  /** The unit's direct children: `byUnit`. */
  children: string[];
}

/**
 * `?unit=` of a report: a unit inside the caller's scope (404 for one outside it or one that does not exist,
 * the same body), by default the caller's home unit — a township's supervisor reads the township.
 */
export async function reportUnit(repository: TenantRepository, scope: Scope, units: UnitScope | undefined, requested: string | undefined): Promise<ReportUnit> {
  const tree = units?.tree ?? (await unitTree(repository));
  const unitId = requested ?? units?.homeUnitId ?? tree.root.id;
  const inScope = scope === 'tenant' || scope === 'platform' || (units?.contains(unitId) ?? false);
  if (!tree.get(unitId) || !inScope) throw notFound('Unit');
  return { tree, unitId, isRoot: unitId === tree.root.id, children: tree.childrenOf(unitId).map((unit) => unit.id) };
}
