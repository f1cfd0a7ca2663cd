import type { Role } from '../../shared/auth/roles.ts';
import { tableName } from '../data/dynamo-client.ts';
import { CognitoIdentity } from './cognito-identity.ts';
import { LocalIdentity } from './local-identity.ts';

export interface NewAccount {
  tenantId: string;
  userId: string;
  username: string;
  displayName: string;
  email?: string;
  roles: Role[];
  organizationId?: string;
}

/**
 * Where sign-in accounts live: Cognito in AWS, the local credentials store on the local stack. One interface,
 * two implementations; the handlers never know which.
 *
 * Usernames are global (one user pool): `createAccount` answers 409 for a name taken in any tenant, without
 * saying where. Every operation on an existing account names the tenant acting, and the implementation checks
 * it against the identity store's own record of the account's tenant (Cognito's `custom:tenant`, the local
 * memberships) — never only against the tenant's profile item, which a tenant can write.
 */
export interface IdentityProvider {
  /** A new person whose home is `account.tenantId`; a one-time password where we issue it. */
  createAccount(account: NewAccount): Promise<{ temporaryPassword?: string }>;
  /** Undoes `createAccount` when the profile could not be written: no orphan identity is left. */
  deleteAccount(tenantId: string, username: string): Promise<void>;
  /** Another tenant for an existing person (platform operator only; Cognito accounts have one tenant each). */
  addMembership(account: NewAccount): Promise<void>;
  setRoles(tenantId: string, username: string, roles: Role[], previous: Role[]): Promise<void>;
  setEnabled(tenantId: string, username: string, enabled: boolean): Promise<void>;
  /** Only the person's home tenant may reset the password (it is the person's, not the membership's). */
  resetPassword(tenantId: string, username: string): Promise<{ temporaryPassword?: string }>;
  /** Ends the account's sessions where the identity store can (Cognito's global sign-out of refresh tokens). */
  signOutEverywhere(tenantId: string, username: string): Promise<void>;
}

let provider: IdentityProvider | undefined;

export function identityProvider(): IdentityProvider {
  const userPoolId = process.env.SANAD_USER_POOL_ID;
  provider ??= userPoolId ? new CognitoIdentity(userPoolId) : new LocalIdentity(tableName());
  return provider;
}
