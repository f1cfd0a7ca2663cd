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
  /** A file or text sent as it is (with its own Content-Type header), instead of JSON. */
  rawBody?: Blob | string;
  headers?: Record<string, string>;
}

/** Calls the API with the session's token and unwraps `{data}` — or throws ApiError for `{error}`. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers, ...authorization() };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const sent = options.body === undefined ? options.rawBody : JSON.stringify(options.body);
  const response = await send(path, { method: options.method ?? 'GET', headers, body: sent });
  const payload = await parseJson(response);
  if (!response.ok) throw toApiError(response.status, payload);
  const body = payload as { data: T; meta?: Record<string, unknown> };
  return { data: body.data, meta: body.meta, etag: response.headers.get('etag') ?? undefined };
}

/** The authorization header of the session, if signed in. */
function authorization(): Record<string, string> {
  const token = session.token();
  return token ? { authorization: `Bearer ${token}` } : {};
}

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, init);
  } catch {
    throw new ApiError(0, 'UNAVAILABLE', 'No connection');
  }
}

/**
 * Downloads a file the API makes (a report as XLSX or CSV, an export, failed rows) with the session's token —
 * a plain link cannot carry it — and hands it to the browser as a blob URL, under the server's file name.
 */
export async function download(path: string, accept: string, fallbackName: string): Promise<void> {
  const response = await send(path, { headers: { accept, ...authorization() } });
  if (!response.ok) throw toApiError(response.status, await parseJson(response));
  const name = /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob only after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
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
