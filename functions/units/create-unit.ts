import { UnitInput } from '../../shared/schemas/unit.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { UnitStore } from './unit-store.ts';

export const handler = route(async (req, ctx) => {
  ctx.authorize('unit.manage');
  const unit = await new UnitStore(ctx.repository).create(parseOrThrow(UnitInput, req.body));
  return ok(unit, { status: 201, etag: unit.version });
});
