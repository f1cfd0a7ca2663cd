import { NewUserInput } from '../../shared/schemas/user.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { identityProvider } from '../identity/identity-provider.ts';
import { assertGrantable, createUser } from './user-service.ts';
import { OrganizationStore } from '../organizations/organization-store.ts';
import { DomainError } from '../../shared/errors.ts';

export const handler = route(async (req, ctx) => {
  ctx.authorize('user.manage');
  const input = parseOrThrow(NewUserInput, req.body);
  assertGrantable(input.roles);
  if (input.organizationId && !(await new OrganizationStore(ctx.repository).find(input.organizationId))) {
    throw new DomainError('VALIDATION_FAILED', 'No such partner organisation', [{ path: 'organizationId', message: 'Add the organisation first' }]);
  }
  const { user, temporaryPassword } = await createUser(ctx.repository, identityProvider(), input, ctx);
  ctx.log.info('user created', { createdUserId: user.userId });
  return ok({ user, ...(temporaryPassword ? { temporaryPassword } : {}) }, { status: 201, etag: user.version });
});
