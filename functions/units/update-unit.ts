import { UnitPatch } from '../../shared/schemas/unit.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { requireIfMatch } from '../http/preconditions.ts';
import { UnitStore } from './unit-store.ts';
import { unitOccupancy } from './unit-occupancy.ts';

/** Rename, move (`parentId`: no cycles, the tree ≤ 6 levels) or (de)activate a unit (tenant admin, If-Match). */
export const handler = route(async (req, ctx) => {
  ctx.authorize('unit.manage');
  const patch = parseOrThrow(UnitPatch, req.body);
  const { unit } = await new UnitStore(ctx.repository).change(req.params.id ?? '', patch, requireIfMatch(req), unitOccupancy(ctx.repository));
  return ok(unit, { etag: unit.version });
});
