import { CloseRequestInput } from '../../../shared/schemas/lifecycle.ts';
import { caseCommandRoute } from '../case-command-route.ts';

export const handler = caseCommandRoute(CloseRequestInput, (input) => ({ type: 'request_closure', input }));
