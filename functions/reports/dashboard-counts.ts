import type { ChildTenantDashboard, Dashboard, DashboardCounts, MaskedCount } from '../../shared/schemas/reports.ts';
import type { Tenant } from '../../shared/schemas/tenant.ts';
import type { UnitTree } from '../../shared/units/tree.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';
import { subtreeList, unitScopeOf } from '../units/unit-scope.ts';
import { counterKeys, CURRENT_COUNTERS, monthlyCounters, readCounters, sumCounters } from './counters.ts';
import { ACTIVE_RECOUNTS, recountRunning } from './recount-jobs.ts';
import type { ReportUnit } from './report-unit.ts';

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

/** The counts of one unit (the tenant's: the root's) from its summed counter items and its overdue follow-ups. */
function countsFrom(now: Map<string, number>, months: Map<string, number>, year: string, overdueFollowUps: number): DashboardCounts {
  const monthly: DashboardCounts['monthly'] = {};
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
  };
}

/** Open follow-ups due before today in a unit's subtree: one COUNT Query (byTenant for the root, byUnit<d> below). */
function overdueIn(repository: TenantRepository, tree: UnitTree, unitId: string): Promise<number> {
  const list = subtreeList('FOLLOWUPS', unitScopeOf(tree, unitId), unitId);
  return repository.count({ ...list, sortKeyBetween: ['0000', `${today()}#`] });
}

/**
 * A unit's dashboard (the root's is the tenant's), with `byUnit` the same counts for each direct child: ONE
 * BatchGetItem over the counter shards of the unit and its children (now, and this year's months) and the
 * recount marker, and one COUNT Query of overdue follow-ups per unit. Nothing here grows with the caseload.
 */
export async function unitDashboard(repository: TenantRepository, { tree, unitId, isRoot, children }: ReportUnit): Promise<Dashboard> {
  const year = today().slice(0, 4);
  const sks = [CURRENT_COUNTERS, monthlyCounters(year)];
  const self = isRoot ? undefined : unitId;
  const units = [self, ...children];
  const [items, overdue] = await Promise.all([
    repository.getMany([...units.flatMap((unit) => counterKeys(unit, sks)), ACTIVE_RECOUNTS]),
    Promise.all([unitId, ...children].map((unit) => overdueIn(repository, tree, unit))),
  ]);
  const sums = sumCounters(items, units, sks);
  const countsOf = (unit: string | undefined, overdueFollowUps: number) => {
    const counters = sums.get(unit);
    return countsFrom(counters?.get(CURRENT_COUNTERS) ?? new Map(), counters?.get(monthlyCounters(year)) ?? new Map(), year, overdueFollowUps);
  };
  const active = items.find((item) => item.sk === ACTIVE_RECOUNTS.sk && String(item.pk).endsWith(`#${ACTIVE_RECOUNTS.partition}`));
  return {
    ...countsOf(self, overdue[0] ?? 0),
    unit: unitId,
    byUnit: Object.fromEntries(children.map((child, i) => [child, countsOf(child, overdue[i + 1] ?? 0)])),
    recounting: recountRunning(active),
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
