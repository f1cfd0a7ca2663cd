import { DomainError } from '../../shared/errors.ts';
import type { NewUserInput, User } from '../../shared/schemas/user.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';
import type { IdentityProvider } from '../identity/identity-provider.ts';
import { insertUser, newUserId } from './user-store.ts';

/** Nobody is made a platform operator from inside a tenant. */
export function assertGrantable(roles: readonly string[]): void {
  if (roles.includes('platform_operator')) throw new DomainError('FORBIDDEN', 'The platform operator role cannot be granted by a tenant');
}

/** Adds a person to the tenant: the profile, then the sign-in account (Cognito or local). */
export async function createUser(
  repository: TenantRepository,
  identity: IdentityProvider,
  input: NewUserInput,
  userId = newUserId(),
): Promise<{ user: User; temporaryPassword?: string }> {
  const user: User = { userId, username: input.username, displayName: input.displayName, roles: input.roles, status: 'active', version: 1,
    ...(input.email ? { email: input.email } : {}), ...(input.organizationId ? { organizationId: input.organizationId } : {}) };
  await insertUser(repository, user);
  const { temporaryPassword } = await identity.createAccount({ tenantId: repository.tenantId, ...user });
  return { user, ...(temporaryPassword ? { temporaryPassword } : {}) };
}
