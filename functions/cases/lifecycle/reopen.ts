import { ReopenInput } from '../../../shared/schemas/lifecycle.ts';
import { caseCommandRoute } from '../case-command-route.ts';

export const handler = caseCommandRoute(ReopenInput, (input) => ({ type: 'reopen', reason: input.reason }));
