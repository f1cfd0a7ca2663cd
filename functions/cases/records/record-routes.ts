import type * as z from 'zod';
import type { Action, Scope } from '../../../shared/auth/permissions.ts';
import { parseOrThrow } from '../../../shared/validation.ts';
import { route, type Handler } from '../../http/route.ts';
import { ok } from '../../http/responses.ts';
import { requireIfMatch } from '../../http/preconditions.ts';
import type { TenantContext } from '../../http/tenant-context.ts';
import { CaseRecords } from './case-records.ts';
import { idempotencyKeyOf } from '../idempotency.ts';

interface RecordCall<I> {
  records: CaseRecords;
  caseId: string;
  input: I;
  scope: Scope;
  ctx: TenantContext;
  params: Record<string, string>;
  idempotencyKey?: string;
}

/** `POST /cases/{id}/<records>`: a new sub-record; no If-Match (API.md), 201 with the record. */
export function createRecordRoute<S extends z.ZodType, R>(schema: S, permission: Action, create: (call: RecordCall<z.infer<S>>) => Promise<R>): Handler {
  return route(async (req, ctx) => {
    const scope = ctx.authorize(permission);
    const input = parseOrThrow(schema, req.body ?? {});
    const idempotencyKey = idempotencyKeyOf(req.headers);
    const record = await create({ records: new CaseRecords(ctx.repository), caseId: req.params.id ?? '', input, scope, ctx, params: req.params, idempotencyKey });
    return ok(record, { status: 201 });
  });
}

/** `POST /cases/{id}/<records>/{recordId}/<action>`: a change to a sub-record, If-Match on its version. */
export function changeRecordRoute<S extends z.ZodType, R extends { version: number }>(
  schema: S,
  permission: Action,
  change: (call: RecordCall<z.infer<S>> & { expectedVersion: number }) => Promise<R>,
): Handler {
  return route(async (req, ctx) => {
    const scope = ctx.authorize(permission);
    const input = parseOrThrow(schema, req.body ?? {});
    const expectedVersion = requireIfMatch(req);
    const record = await change({ records: new CaseRecords(ctx.repository), caseId: req.params.id ?? '', input, scope, ctx, params: req.params, expectedVersion });
    return ok(record, { etag: record.version });
  });
}
