import { DashboardQuery } from '../../shared/schemas/reports.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { tenantDashboard } from './dashboard-counts.ts';
import { childTenantDashboards } from './child-aggregates.ts';

/**
 * `GET /reports/dashboard` — the tenant's counters; `?scope=children` — its child tenants' aggregates
 * (a parent tenant's managers and supervisors), no personal data, small counts masked.
 */
export const handler = route(async (req, ctx) => {
  ctx.authorize('report.read');
  const { scope } = parseOrThrow(DashboardQuery, req.query, 'Query');
  if (scope === 'children') {
    const children = await childTenantDashboards(ctx.tenantId);
    return ok({ children, generatedAt: new Date().toISOString() });
  }
  return ok(await tenantDashboard(ctx.repository));
});
