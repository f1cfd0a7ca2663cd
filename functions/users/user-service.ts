import { DomainError } from '../../shared/errors.ts';
import type { NewMembershipInput, NewUserInput, User, UserPatch } from '../../shared/schemas/user.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';
import type { IdentityProvider } from '../identity/identity-provider.ts';
import { forgetSession } from '../http/session-state.ts';
import { userAuditEntry, type Actor } from './user-audit.ts';
import { unitTree } from '../units/unit-store.ts';
import { getUserProfile, insertUser, newUserId, replaceUser } from './user-store.ts';

/** Nobody is made a platform operator from inside a tenant. */
export function assertGrantable(roles: readonly string[]): void {
  if (roles.includes('platform_operator')) throw new DomainError('FORBIDDEN', 'The platform operator role cannot be granted by a tenant');
}

/**
 * Tokens carry their issue time in whole seconds: sessions end for every token issued up to the end of the
 * current second (a new sign-in a second later is fine).
 */
const endOfThisSecond = () => Math.floor(Date.now() / 1000) + 1;

function newProfile(input: NewUserInput | NewMembershipInput, userId: string): User {
  return { userId, username: input.username, displayName: input.displayName, roles: input.roles, status: 'active', version: 1,
    ...('email' in input && input.email ? { email: input.email } : {}), ...(input.organizationId ? { organizationId: input.organizationId } : {}),
    ...('unitId' in input && input.unitId ? { unitId: input.unitId } : {}) };
}

/** A user's home unit must be an active unit of the tenant (400 at `unitId`). */
async function assertUnit(repository: TenantRepository, unitId: string | undefined): Promise<void> {
  if (unitId === undefined) return;
  const unit = (await unitTree(repository)).get(unitId);
  if (!unit?.active) throw new DomainError('VALIDATION_FAILED', 'No such active unit', [{ path: 'unitId', message: 'Choose an active unit of this tenant' }]);
}

/**
 * Adds a new person to the tenant: the sign-in account first (409 if the username exists in any tenant), then
 * the profile with its audit entry; if the profile cannot be written the account is deleted again, so no
 * identity is ever left without its profile, nor a profile pointing at someone else's identity.
 */
export async function createUser(
  repository: TenantRepository,
  identity: IdentityProvider,
  input: NewUserInput,
  actor: Actor,
  userId = newUserId(),
): Promise<{ user: User; temporaryPassword?: string }> {
  const user = newProfile(input, userId);
  await assertUnit(repository, input.unitId);
  const { temporaryPassword } = await identity.createAccount({ tenantId: repository.tenantId, ...user });
  try {
    await insertUser(repository, user, [userAuditEntry(actor, 'user.created', undefined, user)]);
  } catch (error) {
    await identity.deleteAccount(repository.tenantId, user.username);
    throw error;
  }
  return { user, ...(temporaryPassword ? { temporaryPassword } : {}) };
}

/** The platform operator gives an existing person (their own password, their home elsewhere) a membership. */
export async function addMember(repository: TenantRepository, identity: IdentityProvider, input: NewMembershipInput, actor: Actor): Promise<User> {
  const user = newProfile(input, newUserId());
  await insertUser(repository, user, [userAuditEntry(actor, 'user.membership_added', undefined, user)]);
  try {
    await identity.addMembership({ tenantId: repository.tenantId, ...user });
  } catch (error) {
    await repository.transact([{ delete: { pk: `USER#${user.userId}`, sk: 'PROFILE' } }, { delete: { pk: `USERNAME#${user.username}`, sk: 'CLAIM' } }]);
    throw error;
  }
  return user;
}

/**
 * Roles, status or name of a user of the tenant. The identity store is asked first (it refuses an account whose
 * own tenant is not this one — the same 404 as a missing user), then the profile, audited, under If-Match.
 * Disabling ends the user's sessions; roles apply from the next request (they are read from the profile).
 */
export async function changeUser(
  repository: TenantRepository,
  identity: IdentityProvider,
  userId: string,
  patch: UserPatch,
  expectedVersion: number,
  actor: Actor,
): Promise<User> {
  if (patch.roles) assertGrantable(patch.roles);
  await assertUnit(repository, patch.unitId);
  const current = await getUserProfile(repository, userId);
  if (current.version !== expectedVersion) throw new DomainError('PRECONDITION_FAILED', 'The user has changed; reload it');
  if (current.userId === actor.userId && (patch.status === 'disabled' || (patch.roles && !patch.roles.includes('tenant_admin')))) {
    throw new DomainError('CONFLICT', 'You cannot disable yourself or remove your own tenant admin role');
  }
  const disabling = patch.status === 'disabled' && current.status !== 'disabled';
  const next: User = { ...current, ...patch, ...(disabling ? { sessionsValidAfter: endOfThisSecond() } : {}), version: current.version + 1 };
  if (patch.roles) await identity.setRoles(repository.tenantId, current.username, patch.roles, current.roles);
  if (patch.status && patch.status !== current.status) await identity.setEnabled(repository.tenantId, current.username, patch.status === 'active');
  await replaceUser(repository, next, expectedVersion, [userAuditEntry(actor, 'user.updated', current, next)]);
  forgetSession(repository.tenantId, userId);
  if (disabling) await identity.signOutEverywhere(repository.tenantId, current.username);
  return next;
}

/** A new one-time password (home tenant only); every session the user had ends. */
export async function resetUserPassword(repository: TenantRepository, identity: IdentityProvider, userId: string, actor: Actor): Promise<{ user: User; temporaryPassword?: string }> {
  const current = await getUserProfile(repository, userId);
  const { temporaryPassword } = await identity.resetPassword(repository.tenantId, current.username);
  const next: User = { ...current, sessionsValidAfter: endOfThisSecond(), version: current.version + 1 };
  await replaceUser(repository, next, current.version, [userAuditEntry(actor, 'user.password_reset', current, next)]);
  forgetSession(repository.tenantId, userId);
  await identity.signOutEverywhere(repository.tenantId, current.username);
  return { user: next, ...(temporaryPassword ? { temporaryPassword } : {}) };
}
