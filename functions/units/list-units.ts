import { route } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { UnitStore } from './unit-store.ts';

/** Every unit of the tenant, root first, each with its path (everyone who works in the tenant but partners). */
export const handler = route(async (_req, ctx) => {
  ctx.authorize('unit.list');
  return ok(await new UnitStore(ctx.repository).list());
});
