import { notFound } from '../../shared/errors.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { OrganizationStore } from './organization-store.ts';

export const handler = route(async (req, ctx) => {
  const scope = ctx.authorize('organization.list');
  const id = req.params.id ?? '';
  if (scope === 'organization' && id !== ctx.organizationId) throw notFound('Organisation');
  const organization = await new OrganizationStore(ctx.repository).get(id);
  return ok(organization, { etag: organization.version });
});
