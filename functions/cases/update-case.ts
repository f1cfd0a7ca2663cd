import { DomainError } from '../../shared/errors.ts';
import { CasePatch, Child } from '../../shared/schemas/case.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { requireIfMatch } from '../http/preconditions.ts';
import { CaseRules, unicodeChild } from './case-rules.ts';
import { CaseStore } from './case-store.ts';

export const handler = route(async (req, ctx) => {
  const scope = ctx.authorize('case.update');
  const patch = parseOrThrow(CasePatch, req.body);
  const expectedVersion = requireIfMatch(req);
  const rules = await CaseRules.load(ctx.repository);
  if (patch.categories) rules.check({ categories: patch.categories });
  const kase = await new CaseStore(ctx.repository).change(req.params.id ?? '', expectedVersion, scope, ctx, (current) => {
    if (current.status === 'closed') throw new DomainError('CONFLICT', 'A closed case cannot be edited; reopen it first');
    const child = patch.child ? unicodeChild(parseOrThrow(Child, { ...current.child, ...patch.child })) : current.child;
    return {
      action: 'update',
      kase: {
        ...current,
        child,
        categories: patch.categories ?? current.categories,
        riskLevel: patch.riskLevel ?? current.riskLevel,
        ...(patch.fields ? { fields: rules.mergeFields(current.fields, patch.fields), formVersion: rules.form.version } : {}),
      },
    };
  });
  return ok(kase, { etag: kase.version });
});
