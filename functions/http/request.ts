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
  /** The parsed JSON body, or undefined when there is none (or when it is a file, see `rawBody`). */
  body: unknown;
  /** The bytes of a file upload (`text/csv`, XLSX): such bodies are not parsed as JSON. */
  rawBody?: Buffer;
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
    ...parseBody(event.body, event.isBase64Encoded, headers['content-type'] ?? ''),
    requestId: event.requestContext.requestId,
  };
}

function definedValues(record: Record<string, string | undefined> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(record ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Content types taken as files rather than JSON: the import's CSV and spreadsheets. */
export const FILE_CONTENT_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] as const;

function parseBody(raw: string | undefined, base64: boolean, contentType: string): { body: unknown; rawBody?: Buffer } {
  if (raw === undefined || raw === '') return { body: undefined };
  const bytes = Buffer.from(raw, base64 ? 'base64' : 'utf8');
  if (bytes.length > MAX_BODY_BYTES) {
    throw new DomainError('PAYLOAD_TOO_LARGE', 'The request body is larger than 6 MB');
  }
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if ((FILE_CONTENT_TYPES as readonly string[]).includes(mediaType)) return { body: undefined, rawBody: bytes };
  try {
    return { body: JSON.parse(bytes.toString('utf8')) };
  } catch {
    throw new DomainError('VALIDATION_FAILED', 'The request body is not valid JSON', [{ path: '(body)', message: 'Send a JSON object' }]);
  }
}
