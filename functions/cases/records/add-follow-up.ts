import { FollowUpInput } from '../../../shared/schemas/case-records.ts';
import { createRecordRoute } from './record-routes.ts';

export const handler = createRecordRoute(FollowUpInput, 'followup.create', ({ records, caseId, input, scope, ctx, idempotencyKey }) =>
  records.addFollowUp(caseId, input, scope, ctx, idempotencyKey),
);
