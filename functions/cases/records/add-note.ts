import { NoteInput } from '../../../shared/schemas/case-records.ts';
import { createRecordRoute } from './record-routes.ts';

export const handler = createRecordRoute(NoteInput, 'case.work', ({ records, caseId, input, scope, ctx, idempotencyKey }) =>
  records.addNote(caseId, input, scope, ctx, idempotencyKey),
);
