import { CarePlanInput } from '../../../shared/schemas/lifecycle.ts';
import { caseCommandRoute } from '../case-command-route.ts';

export const handler = caseCommandRoute(CarePlanInput, (input) => ({ type: 'submit_care_plan', input }));
