import { DomainError, notFound } from '../../shared/errors.ts';
import { Tenant, type TenantOnboardingInput, type TenantPatch } from '../../shared/schemas/tenant.ts';
import type { Organization, OrganizationInput } from '../../shared/schemas/organization.ts';
import type { User } from '../../shared/schemas/user.ts';
import { TenantRepository } from '../data/tenant-repository.ts';
import { documentClientFor, tableName } from '../data/dynamo-client.ts';
import type { IdentityProvider } from '../identity/identity-provider.ts';
import { forgetTenantProfile, tenantProfileItem } from '../tenants/tenant-store.ts';
import { createUser } from '../users/user-service.ts';
import type { Actor } from '../users/user-audit.ts';
import { rootUnitWrites, UnitStore, unitItem } from '../units/unit-store.ts';
import { OrganizationStore } from '../organizations/organization-store.ts';
import { readTemplate, templateWrites } from './tenant-template.ts';
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
    const invalid = (path: string, message: string, text: string) => new DomainError('VALIDATION_FAILED', message, [{ path, message: text }]);
    if (input.parentId) {
      const parent = await this.get(input.parentId).catch(() => undefined);
      if (!parent) throw invalid('parentId', 'The parent tenant does not exist', 'Unknown tenant');
    }
    if (input.templateTenantId) {
      const template = await this.get(input.templateTenantId).catch(() => undefined);
      if (!template) throw invalid('templateTenantId', 'The template tenant does not exist', 'Unknown tenant');
    }
    if (await this.registry.get('TENANTS', `TENANT#${input.id}`)) throw new DomainError('CONFLICT', `Tenant ${input.id} already exists`);
    const tenant: Tenant = {
      id: input.id, name: input.name, kind: input.kind, region: input.region, locales: input.locales,
      caseNumberPrefix: input.caseNumberPrefix ?? defaultCaseNumberPrefix(input.id), status: 'active',
      ...(input.parentId ? { parentId: input.parentId } : {}),
    };
    const space = tenantRepository(tenant.id);
    // The template is read with the tenant data role tagged with the template tenant (reads only).
    const template = input.templateTenantId ? templateWrites(tenant, await readTemplate(tenantRepository(input.templateTenantId), tenant.id)) : undefined;
    // The admin's account first: a username taken anywhere stops the onboarding before the tenant exists.
    const { user: admin, temporaryPassword } = await createUser(space, identity, { ...input.admin, roles: ['tenant_admin'] }, actor, adminUserId);
    // The template's units below the root and its partner directory next; the profile (what every request of
    // the tenant reads) comes after them, so a tenant whose copy did not finish is never in use.
    if (template) {
      for (const chunk of template.unitChunks) await space.transact(chunk);
      const organizations = new OrganizationStore(space);
      for (const organization of template.organizations) await organizations.create(organizationInput(organization), actor);
    }
    const [rootPut, ...treeWrites] = rootUnitWrites(tenant);
    await space.transact([
      { put: tenantProfileItem(tenant), condition: 'attribute_not_exists(pk)', onConditionFailed: () => new DomainError('CONFLICT', `Tenant ${input.id} already exists`) },
      { put: template?.lookups ?? initialLookupsItem(tenant) },
      { put: template?.form ?? initialFormItem() },
      ...(template && rootPut && 'put' in rootPut ? [{ ...rootPut, put: unitItem(template.root) }, ...treeWrites] : rootUnitWrites(tenant)),
    ]);
    await this.registry.transact([{ put: registrationItem({ ...tenant, version: 1, createdAt: new Date().toISOString() }), condition: 'attribute_not_exists(pk)' }]);
    return { tenant, admin, ...(temporaryPassword ? { temporaryPassword } : {}) };
  }

  /** Suspends or reactivates (`PATCH` with `status` alone). */
  async setStatus(tenantId: string, status: Tenant['status'], expectedVersion: number): Promise<Registration> {
    return this.change(tenantId, { status }, expectedVersion);
  }

  /**
   * `PATCH /platform/tenants/{id}`: status, parent, name, languages, under If-Match on the registry entry.
   *
   * A new parent must be registered and active, and neither the tenant itself nor below it (400 at
   * `parentId`). The registry entry is what decides who reads whose aggregates (`?scope=children`); the
   * tenant's own profile is what its requests read. The two live under different IAM roles, so they cannot
   * share a transaction: the profile is written first, then the registry entry under its version and under
   * the versions of the new parent's chain up to the top (a concurrent re-parent of any of them, which could
   * close a cycle, makes this one fail). A registry write that fails puts the profile back as the registry
   * then has it; a failure in between (e.g. 503) leaves the registry at the version the caller holds, so the
   * same request again completes both.
   */
  async change(tenantId: string, patch: TenantPatch, expectedVersion: number): Promise<Registration> {
    const current = await this.get(tenantId);
    if (current.version !== expectedVersion) throw new DomainError('PRECONDITION_FAILED', 'The tenant has changed; reload it');
    const chain = patch.parentId ? await this.parentChain(tenantId, patch.parentId) : [];
    const { version: _v, createdAt: _c, parentId: oldParent, ...rest } = current;
    const parentId = patch.parentId === undefined ? oldParent : patch.parentId ?? undefined;
    const tenant: Tenant = {
      ...rest,
      ...(parentId ? { parentId } : {}),
      ...(patch.status ? { status: patch.status } : {}),
      ...(patch.name ? { name: patch.name } : {}),
      ...(patch.locales ? { locales: patch.locales } : {}),
    };
    const space = tenantRepository(tenantId);
    await space.transact([{ put: tenantProfileItem(tenant) }]);
    forgetTenantProfile(tenantId);
    const next: Registration = { ...tenant, version: current.version + 1, createdAt: current.createdAt };
    try {
      await this.registry.transact([
        { put: registrationItem(next), ...atVersion(expectedVersion, 'tenant') },
        // The new parent's chain as it was checked: unchanged (same item, same version) or the write fails.
        ...chain.map((ancestor) => ({
          put: registrationItem(ancestor),
          ...atVersion(ancestor.version, 'tenant'),
          onConditionFailed: () => new DomainError('CONFLICT', 'The tenant tree changed meanwhile; reload and try again'),
        })),
      ]);
    } catch (error) {
      const now = await this.get(tenantId).catch(() => undefined);
      if (now) {
        const { version: _nv, createdAt: _nc, ...registered } = now;
        await space.transact([{ put: tenantProfileItem(registered) }]).catch(() => undefined);
        forgetTenantProfile(tenantId);
      }
      throw error;
    }
    return next;
  }

  /**
   * The registry entries from `parentId` up to its top-level tenant, checked as a new parent of `tenantId`:
   * registered, active, and no cycle (the tenant itself nowhere on the chain).
   */
  private async parentChain(tenantId: string, parentId: string): Promise<Registration[]> {
    const invalid = (message: string) => new DomainError('VALIDATION_FAILED', message, [{ path: 'parentId', message }]);
    if (parentId === tenantId) throw invalid('A tenant cannot be its own parent');
    const chain: Registration[] = [];
    for (let id: string | undefined = parentId; id; id = chain[chain.length - 1]!.parentId) {
      if (id === tenantId) throw invalid('The new parent is below this tenant: that would make a cycle');
      if (chain.length >= MAX_TENANT_DEPTH) throw invalid(`Tenants nest at most ${MAX_TENANT_DEPTH} levels deep`);
      const entry = await this.get(id).catch(() => undefined);
      if (!entry) throw invalid(chain.length === 0 ? 'Unknown tenant' : `The tenant ${id} above the new parent is not registered`);
      if (chain.length === 0 && entry.status !== 'active') throw invalid('The new parent is suspended');
      chain.push(entry);
    }
    return chain;
  }

  /**
   * After a rename: the root unit is named after its tenant, so its English name follows — unless the tenant
   * admin has named the root otherwise (then it is theirs and stays). Other languages are the admin's.
   */
  async renameRootUnit(tenantId: string, oldName: string, newName: string): Promise<boolean> {
    const units = new UnitStore(tenantRepository(tenantId));
    const root = (await units.list()).find((unit) => unit.parentId === null);
    if (!root || root.id !== tenantId || root.name.en !== oldName || oldName === newName) return false;
    await units.change(root.id, { name: { ...root.name, en: newName } }, root.version, { occupied: async () => false });
    return true;
  }
}

/** Registry depth bound: country → province → district-level tenants, with room; guards against a malformed loop. */
const MAX_TENANT_DEPTH = 8;

/** A template's organisation as the input of its copy: a new record (version 1, new times) in the new tenant. */
function organizationInput(organization: Organization): OrganizationInput {
  const { active: _a, createdAt: _c, updatedAt: _u, version: _v, ...input } = organization;
  return input as OrganizationInput;
}

function toRegistration(item: Record<string, unknown>): Registration {
  return { ...Tenant.parse(item), version: Number(item.version ?? 1), createdAt: String(item.createdAt ?? '') };
}
