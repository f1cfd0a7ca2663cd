import { Tenant } from '../../shared/schemas/tenant.ts';
import { DomainError, notFound } from '../../shared/errors.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';

/** Tenant profile item, in the tenant's own partition space: `T#<t>#TENANT` / `PROFILE`. */
const PROFILE_KEY = { pk: 'TENANT', sk: 'PROFILE' } as const;

export const tenantProfileItem = (tenant: Tenant) => ({ ...PROFILE_KEY, entity: 'tenant', ...tenant });

const cache = new Map<string, { tenant: Tenant; until: number }>();
const CACHE_MS = 60_000;

/** The caller's tenant profile; cached briefly per container because every create needs its prefix. */
export async function getTenantProfile(repository: TenantRepository): Promise<Tenant> {
  const hit = cache.get(repository.tenantId);
  if (hit && hit.until > Date.now()) return hit.tenant;
  const item = await repository.get(PROFILE_KEY.pk, PROFILE_KEY.sk);
  if (!item) throw notFound('Tenant');
  const tenant = Tenant.parse(item);
  cache.set(repository.tenantId, { tenant, until: Date.now() + CACHE_MS });
  return tenant;
}

/** Drops the cached profile (after a suspension, so this container applies it at once). */
export function forgetTenantProfile(tenantId: string): void {
  cache.delete(tenantId);
}

/** Requests of a suspended tenant's users answer 403 TENANT_SUSPENDED (within a minute in every container). */
export async function assertTenantActive(repository: TenantRepository): Promise<void> {
  const tenant = await getTenantProfile(repository);
  if (tenant.status === 'suspended') throw new DomainError('TENANT_SUSPENDED', 'This tenant is suspended; contact the platform operator');
}
