import { PLATFORM_TENANT_ID } from '../../shared/auth/roles.ts';
import type { ChildTenantDashboard } from '../../shared/schemas/reports.ts';
import { TenantRegistry } from '../platform/tenant-registry.ts';
import { TenantRepository } from '../data/tenant-repository.ts';
import { aggregateClientFor, tableName } from '../data/dynamo-client.ts';

/** A tenant's space as the aggregate role sees it, tagged with `tag`: counters and the registry, read-only. */
const aggregateSpace = (space: string, tag: string) => new TenantRepository(space, aggregateClientFor(tag), tableName());
import { childDashboard } from './dashboard-counts.ts';

/**
 * The one narrow path by which a tenant reads data outside its own keys: a parent tenant reads the dashboard
 * COUNTERS of the tenants whose registry entry names it as parent — nothing else of theirs.
 *
 *  - Who the children are comes from the control plane's registry (`_platform` `TENANTS`), never from the
 *    request: the caller's tenant is from its verified token.
 *  - Each child is read through its own tenant repository, and only `COUNTERS#<n>` / `CURRENT` items.
 *  - In AWS both reads use the read-only aggregate role (`childAggregates` in routes.ts), assumed with the
 *    child tenant as session tag: IAM allows only reads of `T#<child>#COUNTERS#*` and of the registry.
 */
export async function childTenantDashboards(parentTenantId: string): Promise<ChildTenantDashboard[]> {
  const registry = new TenantRegistry(aggregateSpace(PLATFORM_TENANT_ID, parentTenantId));
  const children = [];
  let cursor: string | undefined;
  do {
    const page = await registry.list(100, cursor);
    children.push(...page.items.filter((tenant) => tenant.parentId === parentTenantId && tenant.status === 'active'));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return Promise.all(children.map((child) => childDashboard(child, aggregateSpace(child.id, child.id))));
}
