import { OrganizationInput } from '../../shared/schemas/organization.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { OrganizationStore } from './organization-store.ts';

export const handler = route(async (req, ctx) => {
  ctx.authorize('organization.manage');
  const input = parseOrThrow(OrganizationInput, req.body);
  const organization = await new OrganizationStore(ctx.repository).create(input, ctx);
  return ok(organization, { status: 201, etag: organization.version });
});
