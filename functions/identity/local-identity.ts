import type { Role } from '../../shared/auth/roles.ts';
import { notFound } from '../../shared/errors.ts';
import type { IdentityProvider, NewAccount } from './identity-provider.ts';
import { LocalCredentials, randomPassword } from './local-credentials.ts';

/** The user an operation names is not one this tenant manages: the same 404 as a user that does not exist. */
const notManaged = () => notFound('User');

/** Accounts in the local credentials store: one-time passwords are returned to the caller (API.md). */
export class LocalIdentity implements IdentityProvider {
  private readonly credentials: LocalCredentials;

  /** `initialPassword` replaces the one-time password (the demo seed's `sanad-demo`). */
  constructor(tableName: string, private readonly initialPassword?: string) {
    this.credentials = new LocalCredentials(tableName);
  }

  async createAccount(account: NewAccount) {
    const password = this.initialPassword ?? randomPassword();
    await this.credentials.createPerson(account.username, password, membershipOf(account));
    return this.initialPassword ? {} : { temporaryPassword: password };
  }

  async deleteAccount(tenantId: string, username: string) {
    if ((await this.credentials.homeTenantOf(username)) === tenantId) await this.credentials.removePerson(username);
  }

  async addMembership(account: NewAccount) {
    await this.credentials.addMembership(account.username, membershipOf(account));
  }

  async setRoles(tenantId: string, username: string, roles: Role[]) {
    await this.assertMember(tenantId, username);
    await this.credentials.update(username, (current) => ({
      ...current,
      memberships: current.memberships.map((m) => (m.tenantId === tenantId ? { ...m, roles } : m)),
    }));
  }

  async setEnabled(tenantId: string, username: string, enabled: boolean) {
    await this.assertMember(tenantId, username);
    await this.credentials.update(username, (current) => ({
      ...current,
      disabledIn: enabled ? current.disabledIn.filter((t) => t !== tenantId) : [...new Set([...current.disabledIn, tenantId])],
    }));
  }

  async resetPassword(tenantId: string, username: string) {
    if ((await this.credentials.homeTenantOf(username)) !== tenantId) throw notManaged();
    const temporaryPassword = randomPassword();
    await this.credentials.setPassword(username, temporaryPassword);
    return { temporaryPassword };
  }

  async signOutEverywhere() {
    // Local tokens carry no refresh token: the profile's `tokensValidAfter` ends their sessions.
  }

  /** Roles and status are per membership locally: the tenant must hold one (its own profile item is not enough). */
  private async assertMember(tenantId: string, username: string) {
    const person = await this.credentials.find(username);
    if (!person?.memberships.some((m) => m.tenantId === tenantId)) throw notManaged();
  }
}

const membershipOf = (account: NewAccount) => ({
  tenantId: account.tenantId,
  userId: account.userId,
  roles: account.roles,
  organizationId: account.organizationId,
});
