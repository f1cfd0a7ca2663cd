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
 */
export interface IdentityProvider {
  /** Creates the account (or a membership for an existing person); a one-time password where we issue it. */
  createAccount(account: NewAccount): Promise<{ temporaryPassword?: string }>;
  setRoles(tenantId: string, username: string, roles: Role[], previous: Role[]): Promise<void>;
  setEnabled(tenantId: string, username: string, enabled: boolean): Promise<void>;
  resetPassword(tenantId: string, username: string): Promise<{ temporaryPassword?: string }>;
}

let provider: IdentityProvider | undefined;

export function identityProvider(): IdentityProvider {
  const userPoolId = process.env.SANAD_USER_POOL_ID;
  provider ??= userPoolId ? new CognitoIdentity(userPoolId) : new LocalIdentity(tableName());
  return provider;
}
