import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, type ErrorCode, type ErrorDetail } from '../../shared/errors.ts';
import { API_RESPONSE_HEADERS } from '../../shared/security-headers.ts';

export type ApiResponse = APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string> };

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  TENANT_SUSPENDED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  CONSENT_REQUIRED: 422,
  PRECONDITION_REQUIRED: 428,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  // nosniff and no-store last: API Gateway sends these headers as they are, also without CloudFront in front.
  return { statusCode, headers: { ...JSON_HEADERS, ...headers, ...API_RESPONSE_HEADERS }, body: JSON.stringify(body) };
}

export interface OkOptions {
  status?: number;
  /** The record's version, sent as a strong ETag. */
  etag?: number;
  meta?: Record<string, unknown>;
}

export function ok(data: unknown, options: OkOptions = {}): ApiResponse {
  const headers: Record<string, string> = options.etag === undefined ? {} : { etag: `"${options.etag}"` };
  const body = options.meta ? { data, meta: options.meta } : { data };
  return json(options.status ?? 200, body, headers);
}

export function errorResponse(code: ErrorCode, message: string, details?: ErrorDetail[]): ApiResponse {
  const headers: Record<string, string> = code === 'UNAVAILABLE' ? { 'retry-after': '5' } : {};
  return json(STATUS_BY_CODE[code], { error: { code, message, ...(details ? { details } : {}) } }, headers);
}

/** The one place a thrown error becomes HTTP: domain errors keep their code, anything else is a bare 500. */
export function toErrorResponse(error: unknown): ApiResponse {
  if (error instanceof DomainError && error.code !== 'INTERNAL') {
    return errorResponse(error.code, error.message, error.details);
  }
  return errorResponse('INTERNAL', 'Something went wrong on our side; it has been logged');
}

/**
 * A file download (CSV, XLSX). Binary bodies leave Lambda base64-encoded with `isBase64Encoded`, as API Gateway
 * v2 expects; the local server decodes them the same way.
 */
export function file(content: Buffer | string, contentType: string, filename: string): ApiResponse {
  const binary = Buffer.isBuffer(content);
  return {
    statusCode: 200,
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
      ...API_RESPONSE_HEADERS,
    },
    body: binary ? content.toString('base64') : content,
    isBase64Encoded: binary,
  };
}
