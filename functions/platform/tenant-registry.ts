import { DomainError, notFound } from '../../shared/errors.ts';
import { Tenant, type TenantOnboardingInput } from '../../shared/schemas/tenant.ts';
import type { User } from '../../shared/schemas/user.ts';
import { TenantRepository } from '../data/tenant-repository.ts';
import { documentClientFor, tableName } from '../data/dynamo-client.ts';
import type { IdentityProvider } from '../identity/identity-provider.ts';
import { forgetTenantProfile, tenantProfileItem } from '../tenants/tenant-store.ts';
import { createUser } from '../users/user-service.ts';
import type { Actor } from '../users/user-audit.ts';
import { rootUnitWrites } from '../units/unit-store.ts';
import { atVersion } from '../data/conditions.ts';
import { initialFormItem } from '../config/form-store.ts';
import { initialLookupsItem } from '../config/lookup-store.ts';

/** A registry entry: the tenant and the version of its registration. */
export type Registration = Tenant & { version: number; createdAt: string };

export const tenantRepository = (tenantId: string) => new TenantRepository(tenantId, documentClientFor(tenantId), tableName());

const registrationItem = (registration: Registration) => ({ pk: 'TENANTS', sk: `TENANT#${registration.id}`, entity: 'tenant-registration', ...registration });

/** Derives a readable case-number prefix: `vn-na` → `NA`, `mm` → `MM`. */
export function defaultCaseNumberPrefix(tenantId: string): string {
  const last = (tenantId.split('-').pop() ?? tenantId).replace(/[^a-z]/g, '');
  const letters = last.length >= 2 ? last : tenantId.replace(/[^a-z]/g, '');
  return letters.slice(0, 6).toUpperCase().padEnd(2, 'X');
}

/**
 * The control plane's tenant registry (`T#_platform#TENANTS`). Onboarding gives a tenant its profile, the
 * default lookups and case form, and its first tenant admin — in minutes, by one request.
 */
export class TenantRegistry {
  constructor(private readonly registry: TenantRepository) {}

  async list(limit: number, cursor?: string) {
    const page = await this.registry.query({ partition: 'TENANTS', sortKeyPrefix: 'TENANT#', limit, cursor });
    return { items: page.items.map(toRegistration), nextCursor: page.nextCursor };
  }

  async get(tenantId: string): Promise<Registration> {
    const item = await this.registry.get('TENANTS', `TENANT#${tenantId}`);
    if (!item) throw notFound('Tenant');
    return toRegistration(item);
  }

  async onboard(input: TenantOnboardingInput, identity: IdentityProvider, actor: Actor, adminUserId?: string): Promise<{ tenant: Tenant; admin: User; temporaryPassword?: string }> {
    if (input.parentId) {
      const parent = await this.get(input.parentId).catch(() => undefined);
      if (!parent) throw new DomainError('VALIDATION_FAILED', 'The parent tenant does not exist', [{ path: 'parentId', message: 'Unknown tenant' }]);
    }
    if (await this.registry.get('TENANTS', `TENANT#${input.id}`)) throw new DomainError('CONFLICT', `Tenant ${input.id} already exists`);
    const tenant: Tenant = {
      id: input.id, name: input.name, kind: input.kind, region: input.region, locales: input.locales,
      caseNumberPrefix: input.caseNumberPrefix ?? defaultCaseNumberPrefix(input.id), status: 'active',
      ...(input.parentId ? { parentId: input.parentId } : {}),
    };
    const space = tenantRepository(tenant.id);
    // The admin's account first: a username taken anywhere stops the onboarding before the tenant exists.
    const { user: admin, temporaryPassword } = await createUser(space, identity, { ...input.admin, roles: ['tenant_admin'] }, actor, adminUserId);
    await space.transact([
      { put: tenantProfileItem(tenant), condition: 'attribute_not_exists(pk)', onConditionFailed: () => new DomainError('CONFLICT', `Tenant ${input.id} already exists`) },
      { put: initialLookupsItem(tenant) },
      { put: initialFormItem() },
      ...rootUnitWrites(tenant),
    ]);
    await this.registry.transact([{ put: registrationItem({ ...tenant, version: 1, createdAt: new Date().toISOString() }), condition: 'attribute_not_exists(pk)' }]);
    return { tenant, admin, ...(temporaryPassword ? { temporaryPassword } : {}) };
  }

  /** Suspends or reactivates: the tenant's own profile (what requests check) first, then the registry. */
  async setStatus(tenantId: string, status: Tenant['status'], expectedVersion: number): Promise<Registration> {
    const current = await this.get(tenantId);
    if (current.version !== expectedVersion) throw new DomainError('PRECONDITION_FAILED', 'The tenant has changed; reload it');
    const { version: _v, createdAt: _c, ...tenant } = current;
    await tenantRepository(tenantId).transact([{ put: tenantProfileItem({ ...tenant, status }) }]);
    forgetTenantProfile(tenantId);
    const next = { ...current, status, version: current.version + 1 };
    await this.registry.transact([{
      put: registrationItem(next),
      ...atVersion(expectedVersion, 'tenant'),
    }]);
    return next;
  }
}

function toRegistration(item: Record<string, unknown>): Registration {
  return { ...Tenant.parse(item), version: Number(item.version ?? 1), createdAt: String(item.createdAt ?? '') };
}
