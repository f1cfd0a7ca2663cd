import { EvaluationInput } from '../../../shared/schemas/lifecycle.ts';
import { caseCommandRoute } from '../case-command-route.ts';

export const handler = caseCommandRoute(EvaluationInput, (input) => ({ type: 'record_evaluation', input }));
