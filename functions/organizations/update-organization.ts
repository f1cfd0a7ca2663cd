import { OrganizationPatch } from '../../shared/schemas/organization.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { requireIfMatch } from '../http/preconditions.ts';
import { OrganizationStore } from './organization-store.ts';

export const handler = route(async (req, ctx) => {
  ctx.authorize('organization.manage');
  const patch = parseOrThrow(OrganizationPatch, req.body);
  const expectedVersion = requireIfMatch(req);
  const organization = await new OrganizationStore(ctx.repository).change(req.params.id ?? '', patch, expectedVersion, ctx);
  return ok(organization, { etag: organization.version });
});
