import { DomainError } from '../../shared/errors.ts';
import { PLATFORM_TENANT_ID } from '../../shared/auth/roles.ts';
import { TenantRegistry, tenantRepository } from '../platform/tenant-registry.ts';
import { getTenantProfile } from '../tenants/tenant-store.ts';
import { rootUnitWrites } from './unit-store.ts';

/**
 * The units migration: every tenant onboarded before units gets its root unit (id = the tenant id, named
 * after it). Its users and cases need no rewrite: a profile or case without `unitId` is in the root. Safe to
 * run again (the root is written only where it is missing). Locally it runs on every start; in AWS once, with
 * `npx tsx functions/units/migrate-units.ts` and the registry role's credentials.
 */
export async function migrateUnits(): Promise<string[]> {
  const registry = new TenantRegistry(tenantRepository(PLATFORM_TENANT_ID));
  const migrated: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await registry.list(100, cursor);
    for (const registration of page.items) {
      const space = tenantRepository(registration.id);
      const tenant = await getTenantProfile(space);
      try {
        await space.transact(rootUnitWrites(tenant));
        migrated.push(tenant.id);
      } catch (error) {
        // The root exists: nothing to do for this tenant.
        if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return migrated;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void migrateUnits().then((tenants) => process.stdout.write(`root units created for: ${tenants.join(', ') || 'none'}\n`));
}
