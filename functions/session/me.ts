import { PLATFORM_TENANT_ID } from '../../shared/auth/roles.ts';
import { permittedActions } from '../../shared/auth/permissions.ts';
import type { Me } from '../../shared/schemas/user.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { getTenantProfile } from '../tenants/tenant-store.ts';
import { findUserProfile } from '../users/user-store.ts';

const PLATFORM_TENANT: Me['tenant'] = { id: PLATFORM_TENANT_ID, name: 'Sanad platform', kind: 'platform', locales: ['en'] };

export const handler = route(async (_req, ctx) => {
  ctx.authorize('session.read');
  const [profile, tenant] = await Promise.all([
    findUserProfile(ctx.repository, ctx.userId),
    ctx.tenantId === PLATFORM_TENANT_ID ? PLATFORM_TENANT : getTenantProfile(ctx.repository),
  ]);
  const me: Me = {
    userId: ctx.userId,
    username: ctx.username,
    displayName: profile?.displayName ?? ctx.username,
    roles: ctx.roles,
    permissions: permittedActions(ctx.roles),
    tenant: { id: tenant.id, name: tenant.name, kind: tenant.kind, parentId: tenant.parentId, locales: tenant.locales },
    ...(ctx.organizationId ? { organizationId: ctx.organizationId } : {}),
    ...(ctx.units ? { unitId: ctx.units.homeUnitId } : {}),
  };
  return ok(me);
});
