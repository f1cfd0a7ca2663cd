import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { DomainError } from '../../shared/errors.ts';

/** API.md: bodies over 6 MB answer 413 (API Gateway's own limit is 10 MB, Lambda's 6 MB). */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;

export interface ApiRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The parsed JSON body, or undefined when there is none. */
  body: unknown;
  requestId: string;
}

export function parseRequest(event: APIGatewayProxyEventV2WithJWTAuthorizer): ApiRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  return {
    method: event.requestContext.http.method,
    path: event.rawPath,
    params: definedValues(event.pathParameters),
    query: definedValues(event.queryStringParameters),
    headers,
    body: parseBody(event.body, event.isBase64Encoded),
    requestId: event.requestContext.requestId,
  };
}

function definedValues(record: Record<string, string | undefined> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(record ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function parseBody(raw: string | undefined, base64: boolean): unknown {
  if (raw === undefined || raw === '') return undefined;
  const text = base64 ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) {
    throw new DomainError('PAYLOAD_TOO_LARGE', 'The request body is larger than 6 MB');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError('VALIDATION_FAILED', 'The request body is not valid JSON', [{ path: '(body)', message: 'Send a JSON object' }]);
  }
}
