import { CaseInput } from '../../shared/schemas/case.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { CaseRules } from './case-rules.ts';
import { CaseStore } from './case-store.ts';
import { findPossibleDuplicates, readableBy } from './duplicates.ts';
import { idempotencyKeyOf } from './idempotency.ts';

export const handler = route(async (req, ctx) => {
  ctx.authorize('case.create');
  const input = parseOrThrow(CaseInput, req.body);
  const rules = await CaseRules.load(ctx.repository);
  const { fields } = rules.check({ categories: input.categories, fields: input.fields ?? {} });
  const idempotencyKey = idempotencyKeyOf(req.headers);
  const { kase, replayed } = await new CaseStore(ctx.repository).create({ ...input, fields }, ctx, { idempotencyKey, formVersion: rules.form.version });
  ctx.log.info(replayed ? 'case create replayed' : 'case created', { caseId: kase.id });
  // Tenant-wide, but a case the caller may not read is named by its number and score only, never its id.
  const possibleDuplicates = await findPossibleDuplicates(ctx.repository, kase.child, { excludeCaseId: kase.id, mayRead: readableBy(ctx) });
  return ok(kase, { status: 201, etag: kase.version, meta: { possibleDuplicates } });
});
