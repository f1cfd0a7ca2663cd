import { AssessmentInput } from '../../../shared/schemas/lifecycle.ts';
import { caseCommandRoute } from '../case-command-route.ts';

export const handler = caseCommandRoute(AssessmentInput, (input) => ({ type: 'submit_assessment', input }));
