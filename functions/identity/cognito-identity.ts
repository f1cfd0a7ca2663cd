import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminResetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Role } from '../../shared/auth/roles.ts';
import { DomainError, notFound } from '../../shared/errors.ts';
import type { IdentityProvider, NewAccount } from './identity-provider.ts';
import { usernameTaken } from './local-credentials.ts';

/**
 * Accounts in the Cognito user pool: `custom:tenant` and one group per role. Cognito e-mails the invitation
 * and the one-time password, so none is returned. A Cognito user belongs to one tenant (`custom:tenant` is
 * immutable): a person working in two tenants has an account in each. Every change to an existing account
 * first reads it and checks `custom:tenant`, so a profile that names a foreign account acts on nothing.
 */
export class CognitoIdentity implements IdentityProvider {
  private readonly cognito = new CognitoIdentityProviderClient({});

  constructor(private readonly userPoolId: string) {}

  async createAccount(account: NewAccount) {
    try {
      await this.cognito.send(new AdminCreateUserCommand({
        UserPoolId: this.userPoolId,
        Username: account.username,
        UserAttributes: [
          { Name: 'custom:tenant', Value: account.tenantId },
          { Name: 'name', Value: account.displayName },
          ...(account.email ? [{ Name: 'email', Value: account.email }, { Name: 'email_verified', Value: 'true' }] : []),
          ...(account.organizationId ? [{ Name: 'custom:organization', Value: account.organizationId }] : []),
        ],
        DesiredDeliveryMediums: account.email ? ['EMAIL'] : undefined,
      }));
    } catch (error) {
      if (error instanceof UsernameExistsException) throw usernameTaken();
      throw error;
    }
    try {
      for (const role of account.roles) await this.group(account.username, role, true);
    } catch (error) {
      await this.deleteAccount(account.tenantId, account.username);
      throw error;
    }
    return {};
  }

  async deleteAccount(tenantId: string, username: string) {
    await this.assertHome(tenantId, username);
    await this.cognito.send(new AdminDeleteUserCommand({ UserPoolId: this.userPoolId, Username: username }));
  }

  addMembership(): Promise<void> {
    return Promise.reject(new DomainError('CONFLICT', 'In this deployment an account belongs to one tenant: create an account for the person in this tenant'));
  }

  async setRoles(tenantId: string, username: string, roles: Role[], previous: Role[]) {
    await this.assertHome(tenantId, username);
    for (const role of previous.filter((r) => !roles.includes(r))) await this.group(username, role, false);
    for (const role of roles.filter((r) => !previous.includes(r))) await this.group(username, role, true);
  }

  async setEnabled(tenantId: string, username: string, enabled: boolean) {
    await this.assertHome(tenantId, username);
    const input = { UserPoolId: this.userPoolId, Username: username };
    await this.cognito.send(enabled ? new AdminEnableUserCommand(input) : new AdminDisableUserCommand(input));
  }

  async resetPassword(tenantId: string, username: string) {
    await this.assertHome(tenantId, username);
    await this.cognito.send(new AdminResetUserPasswordCommand({ UserPoolId: this.userPoolId, Username: username }));
    return {};
  }

  async signOutEverywhere(tenantId: string, username: string) {
    await this.assertHome(tenantId, username);
    await this.cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: this.userPoolId, Username: username }));
  }

  /** The account's own `custom:tenant` must be the tenant acting; anything else is answered as not found. */
  private async assertHome(tenantId: string, username: string) {
    try {
      const user = await this.cognito.send(new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: username }));
      const tenant = user.UserAttributes?.find((attribute) => attribute.Name === 'custom:tenant')?.Value;
      if (tenant === tenantId) return;
    } catch (error) {
      if (!(error instanceof UserNotFoundException)) throw error;
    }
    throw notFound('User');
  }

  private async group(username: string, role: Role, add: boolean) {
    const input = { UserPoolId: this.userPoolId, Username: username, GroupName: role };
    await this.cognito.send(add ? new AdminAddUserToGroupCommand(input) : new AdminRemoveUserFromGroupCommand(input));
  }
}
