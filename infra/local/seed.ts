import { createHash } from 'node:crypto';
import { PLATFORM_TENANT_ID } from '../../shared/auth/roles.ts';
import { TenantRepository } from '../../functions/data/tenant-repository.ts';
import { documentClientFor } from '../../functions/data/dynamo-client.ts';
import { tenantProfileItem } from '../../functions/tenants/tenant-store.ts';
import { userProfileItem } from '../../functions/users/user-store.ts';
import { CaseStore } from '../../functions/cases/case-store.ts';
import { LocalCredentials } from './credentials.ts';
import { DEMO_PASSWORD, DEMO_TENANTS, PLATFORM_OPERATOR, demoCasesOf, demoUsersOf, type DemoUser } from './demo-data.ts';

/** Demo user ids are derived from the username, so they are the same on every machine. */
export const demoUserId = (username: string) => `usr-${createHash('sha256').update(username).digest('hex').slice(0, 20)}`;

const repositoryOf = (tenantId: string, tableName: string) => new TenantRepository(tenantId, documentClientFor(tenantId), tableName);

/** Seeds the demo tenants, users, partner organisations and cases — once: a marker item records it. */
export async function seedDemoData(tableName: string): Promise<boolean> {
  const platform = repositoryOf(PLATFORM_TENANT_ID, tableName);
  if (await platform.get('SEED', 'DEMO')) return false;
  const credentials = new LocalCredentials(tableName);

  await registerUser(credentials, platform, PLATFORM_TENANT_ID, PLATFORM_OPERATOR);
  for (const tenant of DEMO_TENANTS) {
    const repository = repositoryOf(tenant.id, tableName);
    await repository.transact([
      { put: tenantProfileItem(tenant) },
      { put: { pk: 'ORG#' + `ngo-${tenant.id}`, sk: 'PROFILE', entity: 'organization', id: `ngo-${tenant.id}`, name: 'Hope Partners', kind: 'ngo' } },
    ]);
    await platform.transact([{ put: { pk: 'TENANTS', sk: `TENANT#${tenant.id}`, entity: 'tenant-registration', ...tenant } }]);
    for (const user of demoUsersOf(tenant.id)) await registerUser(credentials, repository, tenant.id, user);

    const cases = new CaseStore(repository);
    const owners = [`caseworker.${tenant.id}`, `caseworker2.${tenant.id}`];
    for (const [index, input] of demoCasesOf(tenant.id).entries()) {
      const username = owners[index % owners.length] ?? owners[0]!;
      await cases.create(input, { userId: demoUserId(username), username });
    }
  }
  await platform.transact([{ put: { pk: 'SEED', sk: 'DEMO', entity: 'seed-marker', at: new Date().toISOString() } }]);
  return true;
}

async function registerUser(credentials: LocalCredentials, repository: TenantRepository, tenantId: string, user: DemoUser) {
  const userId = demoUserId(user.username);
  await repository.transact([{ put: userProfileItem({ userId, ...user, status: 'active' }) }]);
  await credentials.register(user.username, DEMO_PASSWORD, [{ tenantId, userId, roles: user.roles, organizationId: user.organizationId }]);
}
