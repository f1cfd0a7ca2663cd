import type * as z from 'zod';
import { TRANSITIONS, type Command } from '../../shared/lifecycle/state-machine.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { route, type Handler } from '../http/route.ts';
import { ok } from '../http/responses.ts';
import { requireIfMatch } from '../http/preconditions.ts';
import { CaseStore } from './case-store.ts';
import { lifecycleChange } from './lifecycle-change.ts';
import type { TenantContext } from '../http/tenant-context.ts';

/**
 * The handler of one lifecycle action on `/cases/{id}/…`: parse the body, authorize with the permission the
 * state machine names for the command, require If-Match, apply, answer the updated case.
 */
export function caseCommandRoute<S extends z.ZodType>(
  schema: S,
  toCommand: (input: z.infer<S>) => Command,
  check?: (input: z.infer<S>, ctx: TenantContext) => Promise<void>,
): Handler {
  return route(async (req, ctx) => {
    const input = parseOrThrow(schema, req.body ?? {});
    const command = toCommand(input);
    const scope = ctx.authorize(TRANSITIONS[command.type].permission);
    const expectedVersion = requireIfMatch(req);
    await check?.(input, ctx);
    const kase = await new CaseStore(ctx.repository).change(req.params.id ?? '', expectedVersion, scope, ctx, (current) =>
      lifecycleChange(current, command, ctx),
    );
    ctx.log.info('case changed', { caseId: kase.id, action: command.type, version: kase.version });
    return ok(kase, { etag: kase.version });
  });
}
