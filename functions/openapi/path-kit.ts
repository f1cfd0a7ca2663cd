import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { ErrorBody } from '../../shared/schemas/api.ts';

/** What every path description shares: the bearer scheme, the error responses, If-Match and ETag. */
export function pathKit(registry: OpenAPIRegistry) {
  const bearer = registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  const error = ErrorBody.meta({ id: 'Error' });
  const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
  const errors = {
    400: json(error, 'Invalid input (VALIDATION_FAILED, with details[].path)'),
    401: json(error, 'Missing, expired or tampered token'),
    403: json(error, 'Your role may not do this'),
    404: json(error, 'No such record in your tenant and scope'),
    503: json(error, 'The database is unreachable; retry after Retry-After seconds'),
  };
  const changeErrors = {
    400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404],
    409: json(error, 'Not possible in the current stage'),
    412: json(error, 'If-Match is stale'),
    428: json(error, 'If-Match is missing'),
  };
  return {
    error,
    json,
    errors,
    changeErrors,
    secured: { security: [{ [bearer.name]: [] as string[] }] },
    etag: { ETag: { description: 'The record version, for If-Match', schema: { type: 'string' as const } } },
    ifMatch: z.object({ 'if-match': z.string() }),
  };
}

export type PathKit = ReturnType<typeof pathKit>;
