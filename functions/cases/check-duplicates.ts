import { DuplicateCheckInput } from '../../shared/schemas/case.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { unicodeChild } from './case-rules.ts';
import { findPossibleDuplicates, readableBy } from './duplicates.ts';

/**
 * `POST /cases/possible-duplicates`: what registration would report in `meta.possibleDuplicates`, before saving —
 * tenant-wide, with case ids only of the cases the caller may read.
 */
export const handler = route(async (req, ctx) => {
  ctx.authorize('case.create');
  const { child } = parseOrThrow(DuplicateCheckInput, req.body);
  return ok(await findPossibleDuplicates(ctx.repository, unicodeChild(child), { mayRead: readableBy(ctx) }));
});
