import { PLATFORM_TENANT_ID } from '../../shared/auth/roles.ts';
import type { ChildTenantDashboard } from '../../shared/schemas/reports.ts';
import { TenantRegistry, tenantRepository } from '../platform/tenant-registry.ts';
import { childDashboard } from './dashboard-counts.ts';

/**
 * The one narrow path by which a tenant reads data outside its own keys: a parent tenant reads the dashboard
 * COUNTERS of the tenants whose registry entry names it as parent — nothing else of theirs.
 *
 *  - Who the children are comes from the control plane's registry (`_platform` `TENANTS`), never from the
 *    request: the caller's tenant is from its verified token.
 *  - Each child is read through its own tenant repository, and only `COUNTERS#<n>` / `CURRENT` items.
 *  - In AWS, the route (marked `controlPlane` in routes.ts for the registry read) should get a dedicated
 *    "aggregate reader" role for the child reads, assumed with the child tenant as session tag and allowing
 *    only `dynamodb:GetItem`/`BatchGetItem` with `dynamodb:LeadingKeys` = `T#${aws:PrincipalTag/tenant}#COUNTERS#*`.
 *    That role is NOT in the CDK stack yet: today the function would reuse the tenant data role (which allows
 *    the child's whole key space) — see the report of issue 8.
 */
export async function childTenantDashboards(parentTenantId: string): Promise<ChildTenantDashboard[]> {
  const registry = new TenantRegistry(tenantRepository(PLATFORM_TENANT_ID));
  const children = [];
  let cursor: string | undefined;
  do {
    const page = await registry.list(100, cursor);
    children.push(...page.items.filter((tenant) => tenant.parentId === parentTenantId && tenant.status === 'active'));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return Promise.all(children.map((child) => childDashboard(child, tenantRepository(child.id))));
}
