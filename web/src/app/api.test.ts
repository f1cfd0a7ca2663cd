import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, download } from './api.ts';
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

describe('download', () => {
  it('fetches with the Accept header and the bearer token, and saves under the server\'s file name', async () => {
    session.save('tok');
    const fetchMock = vi.fn(async () => new Response('PK…', { status: 200, headers: { 'content-disposition': 'attachment; filename="circular-02-vn-na-2026.xlsx"' } }));
    vi.stubGlobal('fetch', fetchMock);
    const saved: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    await download('/api/v1/reports/circular-02?period=2026', 'text/csv', 'fallback.csv');
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.headers).toEqual({ accept: 'text/csv', authorization: 'Bearer tok' });
    expect(saved).toEqual(['circular-02-vn-na-2026.xlsx']);
    click.mockRestore();
  });

  it('throws the API error instead of saving an error body as a file', async () => {
    respond(403, { error: { code: 'FORBIDDEN', message: 'no' } });
    await expect(download('/api/v1/exports/cases?format=csv', '*/*', 'cases.csv')).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });
});
