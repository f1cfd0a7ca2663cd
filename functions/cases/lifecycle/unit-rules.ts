import type { User } from '../../../shared/schemas/user.ts';
import type { UnitTree } from '../../../shared/units/tree.ts';

/** A user's home unit: their profile's `unitId`, or the root when it names none (or a unit no longer there). */
export function homeUnitOf(user: Pick<User, 'unitId'>, tree: UnitTree): string {
  return user.unitId && tree.get(user.unitId) ? user.unitId : tree.root.id;
}

/** Whether `user` may work a case of `caseUnitId`: an active caseworker or supervisor whose home unit is in its subtree. */
export function mayBeAssigned(user: Pick<User, 'unitId' | 'status' | 'roles'>, caseUnitId: string, tree: UnitTree): boolean {
  return user.status === 'active'
    && user.roles.some((role) => role === 'caseworker' || role === 'supervisor')
    && tree.contains(caseUnitId, homeUnitOf(user, tree));
}
