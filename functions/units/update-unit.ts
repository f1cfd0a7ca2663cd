import { UnitPatch } from '../../shared/schemas/unit.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { requireIfMatch } from '../http/preconditions.ts';
import { RecountJobs } from '../reports/recount-jobs.ts';
import { launchRecount } from '../reports/recount-launch.ts';
import { UnitStore } from './unit-store.ts';
import { unitOccupancy } from './unit-occupancy.ts';

/**
 * Rename, move (`parentId`: no cycles, the tree ≤ 6 levels) or (de)activate a unit (tenant admin, If-Match).
 * A move starts a recount job in the background (`functions/reports/run-recount.ts`): the cases of the moved
 * subtree get their new unit path and their counts move with them; reports say `recounting` meanwhile.
 */
export const handler = route(async (req, ctx) => {
  ctx.authorize('unit.manage');
  const patch = parseOrThrow(UnitPatch, req.body);
  const store = new UnitStore(ctx.repository);
  const unitId = req.params.id ?? '';
  // The depth the unit had before the move: its cases are listed on that depth's index until re-counted.
  const before = patch.parentId === undefined ? undefined : (await store.list()).find((unit) => unit.id === unitId);
  const { unit, moved } = await store.change(unitId, patch, requireIfMatch(req), unitOccupancy(ctx.repository));
  if (moved.length > 0 && before) {
    const job = await new RecountJobs(ctx.repository).create(unit.id, before.path.length - 1, { userId: ctx.userId, username: ctx.username });
    ctx.log.info('unit moved, recount started', { unitId: unit.id, recountId: job.id, units: moved.length });
    await launchRecount(ctx.repository, job.id);
  }
  return ok(unit, { etag: unit.version });
});
