import type { ErrorDetail } from '../../../shared/errors.ts';
import { session } from './session.ts';

/** An API error in the one shape of API.md. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export interface ApiResult<T> {
  data: T;
  meta?: Record<string, unknown>;
  etag?: string;
}

interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Calls the API with the session's token and unwraps `{data}` — or throws ApiError for `{error}`. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const token = session.token();
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method: options.method ?? 'GET', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  } catch {
    throw new ApiError(0, 'UNAVAILABLE', 'No connection');
  }
  const payload = await parseJson(response);
  if (!response.ok) throw toApiError(response.status, payload);
  const body = payload as { data: T; meta?: Record<string, unknown> };
  return { data: body.data, meta: body.meta, etag: response.headers.get('etag') ?? undefined };
}

async function parseJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

export function toApiError(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | undefined)?.error;
  return new ApiError(status, error?.code ?? 'INTERNAL', error?.message ?? `HTTP ${status}`, error?.details ?? []);
}
