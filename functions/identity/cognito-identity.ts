import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminResetUserPasswordCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Role } from '../../shared/auth/roles.ts';
import type { IdentityProvider, NewAccount } from './identity-provider.ts';

/**
 * Accounts in the Cognito user pool: `custom:tenant` and one group per role. Cognito e-mails the invitation
 * and the one-time password, so none is returned. A Cognito user belongs to one tenant (`custom:tenant` is
 * immutable): a person working in two tenants has an account in each.
 */
export class CognitoIdentity implements IdentityProvider {
  private readonly cognito = new CognitoIdentityProviderClient({});

  constructor(private readonly userPoolId: string) {}

  async createAccount(account: NewAccount) {
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
    for (const role of account.roles) await this.group(account.username, role, true);
    return {};
  }

  async setRoles(_tenantId: string, username: string, roles: Role[], previous: Role[]) {
    for (const role of previous.filter((r) => !roles.includes(r))) await this.group(username, role, false);
    for (const role of roles.filter((r) => !previous.includes(r))) await this.group(username, role, true);
  }

  async setEnabled(_tenantId: string, username: string, enabled: boolean) {
    const input = { UserPoolId: this.userPoolId, Username: username };
    await this.cognito.send(enabled ? new AdminEnableUserCommand(input) : new AdminDisableUserCommand(input));
  }

  async resetPassword(_tenantId: string, username: string) {
    await this.cognito.send(new AdminResetUserPasswordCommand({ UserPoolId: this.userPoolId, Username: username }));
    return {};
  }

  private async group(username: string, role: Role, add: boolean) {
    const input = { UserPoolId: this.userPoolId, Username: username, GroupName: role };
    await this.cognito.send(add ? new AdminAddUserToGroupCommand(input) : new AdminRemoveUserFromGroupCommand(input));
  }
}
