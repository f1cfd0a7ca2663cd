import { Tenant } from '../../shared/schemas/tenant.ts';
import { notFound } from '../../shared/errors.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';

/** Tenant profile item, in the tenant's own partition space: `T#<t>#TENANT` / `PROFILE`. */
export const TENANT_PROFILE_KEY = { pk: 'TENANT', sk: 'PROFILE' } as const;
const PROFILE_KEY = TENANT_PROFILE_KEY;

export const tenantProfileItem = (tenant: Tenant) => ({ ...PROFILE_KEY, entity: 'tenant', ...tenant });

const cache = new Map<string, { tenant: Tenant; until: number }>();
const CACHE_MS = 60_000;

/** The caller's tenant profile; cached briefly per container because every create needs its prefix. */
export async function getTenantProfile(repository: TenantRepository): Promise<Tenant> {
  return cachedTenantProfile(repository.tenantId) ?? rememberTenantProfile(repository.tenantId, await repository.get(PROFILE_KEY.pk, PROFILE_KEY.sk));
}

/** The profile if this container read it in the last minute. */
export function cachedTenantProfile(tenantId: string): Tenant | undefined {
  const hit = cache.get(tenantId);
  return hit && hit.until > Date.now() ? hit.tenant : undefined;
}

/** Parses and caches a profile item read elsewhere (with the user's profile, in one request). */
export function rememberTenantProfile(tenantId: string, item: Record<string, unknown> | undefined): Tenant {
  if (!item) throw notFound('Tenant');
  const tenant = Tenant.parse(item);
  cache.set(tenantId, { tenant, until: Date.now() + CACHE_MS });
  return tenant;
}

/** Drops the cached profile (after a suspension, so this container applies it at once). */
export function forgetTenantProfile(tenantId: string): void {
  cache.delete(tenantId);
}
