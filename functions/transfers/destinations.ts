import type { Registration, TenantRegistry } from '../platform/tenant-registry.ts';

/** Where a case of `tenantId` may move: the other active tenants of the same country (the same root tenant). */
export async function transferDestinations(registry: TenantRegistry, tenantId: string): Promise<Registration[]> {
  const all: Registration[] = [];
  let cursor: string | undefined;
  do {
    const page = await registry.list(100, cursor);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const byId = new Map(all.map((tenant) => [tenant.id, tenant]));
  const rootOf = (id: string): string => {
    // Trees are shallow (country → province); the bound guards against a malformed cycle.
    let current = byId.get(id);
    for (let depth = 0; current?.parentId && depth < 10; depth++) current = byId.get(current.parentId);
    return current?.id ?? id;
  };
  const root = rootOf(tenantId);
  return all.filter((tenant) => tenant.id !== tenantId && tenant.status === 'active' && rootOf(tenant.id) === root);
}
