import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient, newCase } from '../support/api-client.ts';
import { useTestForm } from '../support/test-form.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

let stack: LocalStack;
let caseworker: ApiClient;
let caseworker2: ApiClient;
let supervisor: ApiClient;
let otherTenant: ApiClient;

beforeAll(async () => {
  stack = await startTestStack();
  caseworker = await ApiClient.signIn(stack.url, 'caseworker.vn-na');
  caseworker2 = await ApiClient.signIn(stack.url, 'caseworker2.vn-na');
  supervisor = await ApiClient.signIn(stack.url, 'supervisor.vn-na');
  otherTenant = await ApiClient.signIn(stack.url, 'caseworker.mm');
  await useTestForm(await ApiClient.signIn(stack.url, 'admin.vn-na'));
});
afterAll(() => stack?.stop());

const expectValidationError = (res: { status: number; body: any }, path: string) => {
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('VALIDATION_FAILED');
  expect(res.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path, message: expect.any(String) })]));
};

describe('POST /api/v1/cases', () => {
  it('registers a case with a readable per-tenant number, in intake, owned by the caller', async () => {
    const res = await caseworker.post('/api/v1/cases', newCase({ fields: { school: 'Vinh primary' } }));
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body.meta).toEqual({ possibleDuplicates: [] });
    const me = (await caseworker.get('/api/v1/me')).body.data;
    expect(res.body.data).toMatchObject({
      caseNumber: expect.stringMatching(/^NA-\d{4}-\d{6}$/),
      status: 'open',
      stage: 'intake',
      riskLevel: 'medium',
      categories: ['neglect'],
      child: { fullName: 'Nguyễn Thị Hồng', sex: 'female', dateOfBirth: '2014-05-01' },
      fields: { school: 'Vinh primary' },
      ownerId: me.userId,
      version: 1,
    });
    expect(res.body.data.createdAt).toBe(res.body.data.updatedAt);
  });

  it('gives 20 concurrent registrations 20 different case numbers', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => caseworker.post('/api/v1/cases', newCase())));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(results.map((r) => r.body.data.caseNumber)).size).toBe(20);
  });

  it('answers 400 with field paths for invalid input', async () => {
    expectValidationError(await caseworker.post('/api/v1/cases', newCase({ child: { sex: 'female' } })), 'child.fullName');
    expectValidationError(
      await caseworker.post('/api/v1/cases', newCase({ child: { fullName: 'A', sex: 'female', dateOfBirth: '2014-02-30' } })),
      'child.dateOfBirth',
    );
    expectValidationError(await caseworker.post('/api/v1/cases', newCase({ riskLevel: 'extreme' })), 'riskLevel');
    expectValidationError(await caseworker.post('/api/v1/cases', newCase({ categories: [] })), 'categories');
  });

  it('answers 400 for malformed JSON and for no body', async () => {
    const malformed = await caseworker.request('POST', '/api/v1/cases', { rawBody: '{"child": ', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('VALIDATION_FAILED');
    expect((await caseworker.request('POST', '/api/v1/cases')).status).toBe(400);
  });

  it('answers 413 for a body over 6 MB', async () => {
    const huge = newCase({ fields: { notes: 'x'.repeat(7 * 1024 * 1024) } });
    const res = await caseworker.post('/api/v1/cases', huge);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('replays an Idempotency-Key: the same case, nothing new created', async () => {
    const headers = { 'idempotency-key': 'register-hong-1' };
    const body = newCase({ child: { fullName: 'Phan Văn Tí', sex: 'male' } });
    const first = await caseworker.post('/api/v1/cases', body, headers);
    const second = await caseworker.post('/api/v1/cases', body, headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.data.id).toBe(first.body.data.id);
    const all = await supervisor.get('/api/v1/cases?limit=100');
    expect(all.body.data.filter((c: any) => c.child.fullName === 'Phan Văn Tí')).toHaveLength(1);
    const conflicting = await caseworker.post('/api/v1/cases', newCase(), headers);
    expect(conflicting.status).toBe(409);
  });

  it('is refused to roles that may not register cases', async () => {
    for (const username of ['ngo.vn-na', 'platform', 'admin.vn-na']) {
      const client = await ApiClient.signIn(stack.url, username);
      const res = await client.post('/api/v1/cases', newCase());
      expect(res.status, username).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
  });
});

describe('GET /api/v1/cases/{id}', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = (await caseworker.post('/api/v1/cases', newCase())).body.data.id;
  });

  it('returns the case with its ETag to its owner and to the supervisor', async () => {
    for (const client of [caseworker, supervisor]) {
      const res = await client.get(`/api/v1/cases/${caseId}`);
      expect(res.status).toBe(200);
      expect(res.body.data.id).toBe(caseId);
      expect(res.headers.get('etag')).toBe('"1"');
    }
  });

  it('answers 404 — never 403 — to another tenant and to a caseworker who neither owns nor is assigned it', async () => {
    for (const client of [otherTenant, caseworker2]) {
      const res = await client.get(`/api/v1/cases/${caseId}`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
    }
  });

  it('answers 404 for ids that do not exist or are not ids', async () => {
    expect((await supervisor.get('/api/v1/cases/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await supervisor.get(`/api/v1/cases/${encodeURIComponent('x#META')}`)).status).toBe(404);
  });

  it('answers 403 to a partner on every case route', async () => {
    const partner = await ApiClient.signIn(stack.url, 'ngo.vn-na');
    expect((await partner.get(`/api/v1/cases/${caseId}`)).status).toBe(403);
    expect((await partner.get('/api/v1/cases')).status).toBe(403);
  });
});

describe('GET /api/v1/cases', () => {
  it('shows a caseworker only their own cases, newest update first', async () => {
    const mine = await caseworker.post('/api/v1/cases', newCase({ child: { fullName: 'Newest of mine', sex: 'male' } }));
    await caseworker2.post('/api/v1/cases', newCase({ child: { fullName: 'Not mine', sex: 'male' } }));
    const res = await caseworker.get('/api/v1/cases');
    expect(res.status).toBe(200);
    expect(res.body.data[0].id).toBe(mine.body.data.id);
    expect(res.body.data.every((c: any) => c.ownerId === mine.body.data.ownerId)).toBe(true);
    const stamps = res.body.data.map((c: any) => c.updatedAt);
    expect([...stamps].sort().reverse()).toEqual(stamps);
    expect((await caseworker.get('/api/v1/cases?owner=someone-else')).status).toBe(403);
  });

  it('shows the supervisor every case of the tenant, and filters by owner and risk', async () => {
    const all = await supervisor.get('/api/v1/cases?limit=100');
    const owners = new Set(all.body.data.map((c: any) => c.ownerId));
    expect(owners.size).toBeGreaterThanOrEqual(2);
    expect(all.body.data.every((c: any) => /^NA-/.test(c.caseNumber))).toBe(true);
    const ownerId = all.body.data[0].ownerId;
    const byOwner = await supervisor.get(`/api/v1/cases?owner=${ownerId}&limit=100`);
    expect(byOwner.body.data.length).toBeGreaterThan(0);
    expect(byOwner.body.data.every((c: any) => c.ownerId === ownerId)).toBe(true);
    const high = await supervisor.get('/api/v1/cases?riskLevel=high&limit=100');
    expect(high.body.data.every((c: any) => c.riskLevel === 'high')).toBe(true);
  });

  it('pages with an opaque cursor through every case exactly once', async () => {
    const all = (await supervisor.get('/api/v1/cases?limit=100')).body.data.map((c: any) => c.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await supervisor.get(`/api/v1/cases?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((c: any) => c.id));
      cursor = page.body.meta.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('never lists another tenant\'s cases and refuses a cursor pointing into another tenant', async () => {
    const mm = await otherTenant.get('/api/v1/cases?limit=100');
    expect(mm.body.data.length).toBeGreaterThan(0);
    expect(mm.body.data.every((c: any) => c.caseNumber.startsWith('MM-'))).toBe(true);
    const page = await supervisor.get('/api/v1/cases?limit=1');
    const res = await otherTenant.get(`/api/v1/cases?cursor=${encodeURIComponent(page.body.meta.nextCursor)}`);
    expect(res.status).toBe(400);
  });

  it('validates paging parameters', async () => {
    expect((await supervisor.get('/api/v1/cases?limit=0')).status).toBe(400);
    expect((await supervisor.get('/api/v1/cases?limit=101')).status).toBe(400);
    expect((await supervisor.get('/api/v1/cases?stage=nowhere')).status).toBe(400);
    expect((await supervisor.get('/api/v1/cases?cursor=not-a-cursor')).status).toBe(400);
  });
});
