import { createHash } from 'node:crypto';
import { PLATFORM_TENANT_ID } from '../../shared/auth/roles.ts';
import { CaseStore } from '../../functions/cases/case-store.ts';
import { LocalIdentity } from '../../functions/identity/local-identity.ts';
import { TenantRegistry, tenantRepository } from '../../functions/platform/tenant-registry.ts';
import { createUser } from '../../functions/users/user-service.ts';
import { OrganizationStore } from '../../functions/organizations/organization-store.ts';
import { UnitStore, unitTree } from '../../functions/units/unit-store.ts';
import { unitScopeOf } from '../../functions/units/unit-scope.ts';
import {
  DEMO_LOCATIONS, DEMO_PASSWORD, DEMO_TENANTS, DEMO_UNIT_USERS, DEMO_UNITS, PLATFORM_OPERATOR, demoCasesOf, demoOrganizationsOf, demoUnitCasesOf, demoUsersOf,
} from './demo-data.ts';
import { initialLookupsItem } from '../../functions/config/lookup-store.ts';
import { LookupsInput } from '../../shared/schemas/lookups.ts';

/** Demo user ids are derived from the username, so they are the same on every machine. */
export const demoUserId = (username: string) => `usr-${createHash('sha256').update(username).digest('hex').slice(0, 20)}`;

/**
 * Seeds the demo data through the same code the API runs — onboarding, units, user creation, case
 * registration by users in their units — once: a marker item records it. The seed's identity gives every demo account the password `sanad-demo`
 * instead of a one-time password.
 */
export async function seedDemoData(tableName: string): Promise<boolean> {
  const platform = tenantRepository(PLATFORM_TENANT_ID);
  if (await platform.get('SEED', 'DEMO')) return false;
  const identity = new LocalIdentity(tableName, DEMO_PASSWORD);
  const registry = new TenantRegistry(platform);

  const operator = PLATFORM_OPERATOR;
  const operatorActor = { userId: demoUserId(operator.username), username: operator.username };
  await createUser(platform, identity, operator, operatorActor, operatorActor.userId);

  for (const tenant of DEMO_TENANTS) {
    const users = demoUsersOf(tenant.id);
    const admin = users.find((user) => user.roles.includes('tenant_admin'))!;
    const others = users.filter((user) => user !== admin);
    await registry.onboard({ ...tenant, admin: { username: admin.username, displayName: admin.displayName } }, identity, operatorActor, demoUserId(admin.username));
    const space = tenantRepository(tenant.id);
    // The demo tenants start with a small location tree (still version 1 of their lookups).
    const lookups = initialLookupsItem(tenant);
    await space.transact([{ put: { ...lookups, ...LookupsInput.parse({ ...lookups, locations: DEMO_LOCATIONS[tenant.id] ?? [] }) } }]);
    const organizations = new OrganizationStore(space);
    const adminActor = { userId: demoUserId(admin.username), username: admin.username };
    for (const organization of demoOrganizationsOf(tenant.id)) await organizations.create(organization, adminActor);
    for (const user of others) await createUser(space, identity, user, adminActor, demoUserId(user.username));
    // The ministry's structure below the root, then the users placed in it.
    const units = new UnitStore(space);
    for (const unit of DEMO_UNITS[tenant.id] ?? []) await units.create(unit);
    const unitUsers = DEMO_UNIT_USERS[tenant.id] ?? [];
    for (const user of unitUsers) await createUser(space, identity, user, adminActor, demoUserId(user.username));
    // Cases are registered by caseworkers, each in their own home unit (as POST /cases does for them).
    const tree = await unitTree(space);
    const registrar = (username: string, unitId?: string) => ({ userId: demoUserId(username), username, units: unitScopeOf(tree, unitId) });
    const cases = new CaseStore(space);
    const owners = [`caseworker.${tenant.id}`, `caseworker2.${tenant.id}`];
    for (const [index, input] of demoCasesOf(tenant.id).entries()) {
      const username = owners[index % owners.length] ?? owners[0]!;
      await cases.create(input, registrar(username));
    }
    for (const user of unitUsers) {
      for (const input of demoUnitCasesOf(user.username)) await cases.create(input, registrar(user.username, user.unitId));
    }
  }
  await platform.transact([{ put: { pk: 'SEED', sk: 'DEMO', entity: 'seed-marker', at: new Date().toISOString() } }]);
  return true;
}
