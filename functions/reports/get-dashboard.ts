import { DashboardQuery } from '../../shared/schemas/reports.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { unitDashboard } from './dashboard-counts.ts';
import { childTenantDashboards } from './child-aggregates.ts';
import { reportUnit } from './report-unit.ts';
import { resumeStalledRecounts } from './recount-launch.ts';

/**
 * `GET /reports/dashboard[?unit=]` — the counters of a unit's subtree (default the caller's home unit; 404
 * outside the caller's scope) and `byUnit` of its direct children; `recounting` while a unit move is being
 * re-counted (a stalled recount is resumed here). `?scope=children` — the child tenants' aggregates (a parent
 * tenant's managers and supervisors), no personal data, small counts masked.
 */
export const handler = route(async (req, ctx) => {
  const scope = ctx.authorize('report.read');
  const query = parseOrThrow(DashboardQuery, req.query, 'Query');
  if (query.scope === 'children') {
    const children = await childTenantDashboards(ctx.tenantId);
    return ok({ children, generatedAt: new Date().toISOString() });
  }
  const dashboard = await unitDashboard(ctx.repository, await reportUnit(ctx.repository, scope, ctx.units, query.unit));
  if (dashboard.recounting) await resumeStalledRecounts(ctx.repository);
  return ok(dashboard);
});
