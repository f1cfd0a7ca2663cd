import { PlacementInput } from '../../../shared/schemas/case-records.ts';
import { createRecordRoute } from './record-routes.ts';

export const handler = createRecordRoute(PlacementInput, 'case.work', ({ records, caseId, input, scope, ctx, idempotencyKey }) =>
  records.addPlacement(caseId, input, scope, ctx, idempotencyKey),
);
