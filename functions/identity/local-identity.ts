import type { Role } from '../../shared/auth/roles.ts';
import type { IdentityProvider, NewAccount } from './identity-provider.ts';
import { LocalCredentials, randomPassword } from './local-credentials.ts';

/** Accounts in the local credentials store: one-time passwords are returned to the caller (API.md). */
export class LocalIdentity implements IdentityProvider {
  private readonly credentials: LocalCredentials;

  constructor(tableName: string) {
    this.credentials = new LocalCredentials(tableName);
  }

  async createAccount(account: NewAccount) {
    const temporaryPassword = randomPassword();
    const { existingPerson } = await this.credentials.register(account.username, temporaryPassword, {
      tenantId: account.tenantId,
      userId: account.userId,
      roles: account.roles,
      organizationId: account.organizationId,
    });
    // A person who already works in another tenant keeps their password.
    return existingPerson ? {} : { temporaryPassword };
  }

  async setRoles(tenantId: string, username: string, roles: Role[]) {
    await this.credentials.update(username, (current) => ({
      ...current,
      memberships: current.memberships.map((m) => (m.tenantId === tenantId ? { ...m, roles } : m)),
    }));
  }

  async setEnabled(tenantId: string, username: string, enabled: boolean) {
    await this.credentials.update(username, (current) => ({
      ...current,
      disabledIn: enabled ? current.disabledIn.filter((t) => t !== tenantId) : [...new Set([...current.disabledIn, tenantId])],
    }));
  }

  async resetPassword(_tenantId: string, username: string) {
    const temporaryPassword = randomPassword();
    await this.credentials.setPassword(username, temporaryPassword);
    return { temporaryPassword };
  }
}
