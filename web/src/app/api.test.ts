import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from './api.ts';
import { session } from './session.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const respond = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })));

describe('api', () => {
  it('unwraps data, meta and the ETag, sending the bearer token', async () => {
    session.save('tok');
    respond(200, { data: { id: '1' }, meta: { nextCursor: null } }, { etag: '"3"' });
    const result = await api<{ id: string }>('/api/v1/cases/1');
    expect(result).toEqual({ data: { id: '1' }, meta: { nextCursor: null }, etag: '"3"' });
    const [, init] = (fetch as unknown as { mock: { calls: [string, RequestInit][] } }).mock.calls[0]!;
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it('turns the error shape into an ApiError with its details', async () => {
    respond(400, { error: { code: 'VALIDATION_FAILED', message: 'bad', details: [{ path: 'child.fullName', message: 'Required' }] } });
    const error = await api('/api/v1/cases', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', details: [{ path: 'child.fullName' }] });
  });

  it('reports a body that is not JSON as an internal error with its status', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>', { status: 502 })));
    await expect(api('/x')).rejects.toMatchObject({ status: 502, code: 'INTERNAL' });
  });
});
