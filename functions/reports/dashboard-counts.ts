import type { ChildTenantDashboard, Dashboard, MaskedCount } from '../../shared/schemas/reports.ts';
import type { Tenant } from '../../shared/schemas/tenant.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';
import { CURRENT_COUNTERS, monthlyCounters, readCounters } from './counters.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** `prefix:<key>` attributes as `{ key: n }`, zeros left out. */
function group(counters: Map<string, number>, prefix: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [attribute, n] of counters) {
    if (n !== 0 && attribute.startsWith(`${prefix}:`)) out[attribute.slice(prefix.length + 1)] = n;
  }
  return out;
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * The tenant's dashboard: one BatchGetItem over the counter shards (now, and this year's months) and one
 * COUNT Query of the open follow-ups due before today. Nothing here grows with the caseload.
 */
export async function tenantDashboard(repository: TenantRepository): Promise<Dashboard> {
  const year = today().slice(0, 4);
  const [counters, overdueFollowUps] = await Promise.all([
    readCounters(repository, [CURRENT_COUNTERS, monthlyCounters(year)]),
    repository.count({ index: 'byTenant', partition: 'FOLLOWUPS', sortKeyBetween: ['0000', `${today()}#`] }),
  ]);
  const now = counters.get(CURRENT_COUNTERS) ?? new Map<string, number>();
  const months = counters.get(monthlyCounters(year)) ?? new Map<string, number>();
  const monthly: Dashboard['monthly'] = {};
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    monthly[month] = { new: months.get(`new:${month}`) ?? 0, closed: months.get(`closed:${month}`) ?? 0 };
  }
  const pendingByKind = group(now, 'pending');
  return {
    openCases: now.get('status:open') ?? 0,
    closedCases: now.get('status:closed') ?? 0,
    byStage: group(now, 'stage'),
    byRisk: group(now, 'risk'),
    byCategory: group(now, 'category'),
    byWorker: group(now, 'owner'),
    pendingApprovals: sum(pendingByKind),
    pendingByKind,
    overdueFollowUps,
    monthly,
    generatedAt: new Date().toISOString(),
  };
}

/** Outside the tenant that owns them, counts below 5 are shown as "<5" (0 stays 0: nobody to single out). */
export const mask = (n: number): MaskedCount => (n > 0 && n < 5 ? '<5' : n);
const maskAll = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, mask(n)]));

/** A child tenant's aggregates for its parent: counters only, no caseloads (byWorker), small counts masked. */
export async function childDashboard(child: Tenant, repository: TenantRepository): Promise<ChildTenantDashboard> {
  const counters = (await readCounters(repository, [CURRENT_COUNTERS])).get(CURRENT_COUNTERS) ?? new Map<string, number>();
  return {
    tenant: { id: child.id, name: child.name, kind: child.kind },
    openCases: mask(counters.get('status:open') ?? 0),
    closedCases: mask(counters.get('status:closed') ?? 0),
    byStage: maskAll(group(counters, 'stage')),
    byRisk: maskAll(group(counters, 'risk')),
    byCategory: maskAll(group(counters, 'category')),
    pendingApprovals: mask(sum(group(counters, 'pending'))),
  };
}
