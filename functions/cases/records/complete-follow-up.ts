import * as z from 'zod';
import { changeRecordRoute } from './record-routes.ts';

export const handler = changeRecordRoute(z.object({}), 'followup.create', ({ records, caseId, params, expectedVersion, scope, ctx }) =>
  records.completeFollowUp(caseId, params.followUpId ?? '', expectedVersion, scope, ctx),
);
