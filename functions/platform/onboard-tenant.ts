import { TenantOnboardingInput } from '../../shared/schemas/tenant.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { identityProvider } from '../identity/identity-provider.ts';
import { TenantRegistry } from './tenant-registry.ts';

/** Onboards a ministry: tenant, defaults and first tenant admin (API.md's response shape). */
export const handler = route(async (req, ctx) => {
  ctx.authorize('tenant.manage');
  const input = parseOrThrow(TenantOnboardingInput, req.body);
  const { tenant, admin, temporaryPassword } = await new TenantRegistry(ctx.repository).onboard(input, identityProvider(), ctx);
  ctx.log.info('tenant onboarded', { onboardedTenant: tenant.id });
  return ok({ tenant, admin: { userId: admin.userId, username: admin.username, ...(temporaryPassword ? { temporaryPassword } : {}) } }, { status: 201 });
});
