import { defaultLookups, Lookups } from '../../shared/schemas/lookups.ts';
import type { Tenant } from '../../shared/schemas/tenant.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';
import { getTenantProfile } from '../tenants/tenant-store.ts';
import { VersionedDocument } from './versioned-document.ts';

export const LOOKUPS_PARTITION = 'LOOKUPS';

/**
 * The tenant's lookups, versioned (`T#<t>#LOOKUPS`). Tenants onboarded before lookups were editable have only
 * the `CATEGORIES` item of the default codes: they start from the defaults of their kind and country.
 */
export const tenantLookups = (repository: TenantRepository) =>
  new VersionedDocument<Lookups>(repository, LOOKUPS_PARTITION, 'lookups', (item) => Lookups.parse(item), async () => defaultLookups(await getTenantProfile(repository)));

/** The item onboarding writes: the defaults as version 1. */
export const initialLookupsItem = (tenant: Pick<Tenant, 'id' | 'kind' | 'parentId'>) => ({ pk: LOOKUPS_PARTITION, sk: 'CURRENT', entity: 'lookups', ...defaultLookups(tenant), version: 1 });
