import { DomainError } from '../../../shared/errors.ts';
import { AssignInput } from '../../../shared/schemas/lifecycle.ts';
import { findUserProfile } from '../../users/user-store.ts';
import { caseCommandRoute } from '../case-command-route.ts';

export const handler = caseCommandRoute(
  AssignInput,
  (input) => ({ type: 'assign', userId: input.userId }),
  async (input, ctx) => {
    const user = await findUserProfile(ctx.repository, input.userId);
    if (!user || user.status !== 'active' || !user.roles.some((role) => role === 'caseworker' || role === 'supervisor')) {
      throw new DomainError('VALIDATION_FAILED', 'Assign the case to an active caseworker or supervisor of this tenant', [
        { path: 'userId', message: 'No such caseworker in this tenant' },
      ]);
    }
  },
);
