import type { UnitTree } from '../../shared/units/tree.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';
import type { UnitOccupancy } from './unit-store.ts';
import { subtreeList, unitScopeOf } from './unit-scope.ts';

/**
 * Whether a unit's subtree still holds open cases or active users (a tenant admin's deactivation, so a rare
 * request): open cases from the subtree's case index, stopping at the first; users from the tenant's user list.
 */
export function unitOccupancy(repository: TenantRepository): UnitOccupancy {
  return {
    async occupied(tree: UnitTree, unitId: string) {
      const subtree = new Set(tree.subtree(unitId));
      const users = await repository.queryAll({ index: 'byTenant', partition: 'USERS' });
      if (users.some((user) => user.status === 'active' && subtree.has(String(user.unitId ?? tree.root.id)))) return true;
      const list = subtreeList('CASES', unitScopeOf(tree, unitId));
      let cursor: string | undefined;
      do {
        const page = await repository.query({
          ...list, limit: 200, cursor,
          filter: { expression: '#status = :open', names: { '#status': 'status' }, values: { ':open': 'open' } },
        });
        if (page.items.length > 0) return true;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return false;
    },
  };
}
