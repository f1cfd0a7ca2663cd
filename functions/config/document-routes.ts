import type * as z from 'zod';
import type { Action } from '../../shared/auth/permissions.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';
import { requireIfMatch } from '../http/preconditions.ts';
import { ok } from '../http/responses.ts';
import { route } from '../http/route.ts';
import type { VersionedDocument } from './versioned-document.ts';

type Documents<T extends { version: number }> = (repository: TenantRepository) => VersionedDocument<T>;

/** `GET` of a versioned configuration document: the version in force, its version as the ETag. */
export const readDocumentRoute = <T extends { version: number }>(action: Action, documents: Documents<T>) =>
  route(async (_req, ctx) => {
    ctx.authorize(action);
    const document = await documents(ctx.repository).current();
    return ok(document, { etag: document.version });
  });

/** `PUT` of a versioned configuration document: If-Match required (428) and current (412); a new version. */
export const replaceDocumentRoute = <T extends { version: number }>(action: Action, documents: Documents<T>, input: z.ZodType<Omit<T, 'version'>>) =>
  route(async (req, ctx) => {
    ctx.authorize(action);
    const content = parseOrThrow(input, req.body);
    const expectedVersion = requireIfMatch(req);
    const document = await documents(ctx.repository).replace(content, expectedVersion, ctx);
    ctx.log.info('configuration replaced', { version: document.version });
    return ok(document, { etag: document.version });
  });
