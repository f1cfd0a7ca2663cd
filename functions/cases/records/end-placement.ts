import { PlacementEndInput } from '../../../shared/schemas/case-records.ts';
import { changeRecordRoute } from './record-routes.ts';

export const handler = changeRecordRoute(PlacementEndInput, 'case.work', ({ records, caseId, params, input, expectedVersion, scope, ctx }) =>
  records.endPlacement(caseId, params.placementId ?? '', input, expectedVersion, scope, ctx),
);
