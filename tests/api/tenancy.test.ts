import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient, newCase } from '../support/api-client.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import { demoUserId } from '../../infra/local/seed.ts';
import { DEMO_UNIT_USERS } from '../../infra/local/demo-data.ts';

let stack: LocalStack;
let operator: ApiClient;

beforeAll(async () => {
  stack = await startTestStack();
  operator = await ApiClient.signIn(stack.url, 'platform');
});
afterAll(() => stack?.stop());

const onboarding = (id: string, admin: string) => ({
  id, name: `Province ${id}`, kind: 'province', parentId: 'vn', region: 'ap-southeast-1', locales: ['vi', 'en'],
  admin: { username: admin, displayName: 'First admin', email: `${admin}@example.org` },
});
const OTHER_TENANT_USERS = ['caseworker.vn', 'supervisor.vn', 'admin.vn', 'ngo.vn', 'caseworker.vn-na', 'supervisor.vn-na', 'supervisor.mm', 'admin.sy', 'ngo.eg'];

describe('onboarding a province in minutes', () => {
  it('operator onboards → admin signs in with the one-time password → creates a caseworker → who registers a case nobody else can see', async () => {
    const created = await operator.post('/api/v1/platform/tenants', onboarding('vn-ht', 'admin.ht'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.data.tenant).toMatchObject({ id: 'vn-ht', parentId: 'vn', caseNumberPrefix: 'HT', status: 'active' });
    const adminPassword = created.body.data.admin.temporaryPassword;
    expect(adminPassword).toEqual(expect.any(String));
    expect((await operator.get('/api/v1/platform/tenants?limit=100')).body.data.map((t: any) => t.id)).toContain('vn-ht');

    const admin = await ApiClient.signIn(stack.url, 'admin.ht', adminPassword);
    expect((await admin.get('/api/v1/me')).body.data).toMatchObject({ roles: ['tenant_admin'], tenant: { id: 'vn-ht', parentId: 'vn' } });
    const worker = await admin.post('/api/v1/users', { username: 'worker.ht', displayName: 'Trần Thị Lan', roles: ['caseworker'] });
    expect(worker.status).toBe(201);
    const caseworker = await ApiClient.signIn(stack.url, 'worker.ht', worker.body.data.temporaryPassword);
    const kase = (await caseworker.post('/api/v1/cases', newCase({ child: { fullName: 'Võ Thị Hà Tĩnh', sex: 'female' } }))).body.data;
    expect(kase.caseNumber).toMatch(/^HT-/);

    for (const username of OTHER_TENANT_USERS) {
      const other = await ApiClient.signIn(stack.url, username);
      const readsCases = (await other.get('/api/v1/me')).body.data.permissions.includes('case.read');
      // Roles with case access get 404; roles without any get the 403 they get for every id — nothing leaks.
      expect((await other.get(`/api/v1/cases/${kase.id}`)).status, username).toBe(readsCases ? 404 : 403);
      expect((await other.get('/api/v1/cases/00000000-0000-4000-8000-000000000000')).status, username).toBe(readsCases ? 404 : 403);
      const list = await other.get('/api/v1/cases?limit=100');
      expect(JSON.stringify(list.body), username).not.toContain('Võ Thị Hà Tĩnh');
    }
    expect((await operator.get(`/api/v1/cases/${kase.id}`)).status).toBe(403);
    expect((await operator.get('/api/v1/cases')).status).toBe(403);
    expect((await admin.get('/api/v1/users')).body.data.map((u: any) => u.username).sort()).toEqual(['admin.ht', 'worker.ht']);
  });

  it('refuses duplicates, unknown parents, and non-operators', async () => {
    expect((await operator.post('/api/v1/platform/tenants', onboarding('vn-na', 'someone'))).status).toBe(409);
    const orphan = await operator.post('/api/v1/platform/tenants', { ...onboarding('xx-yy', 'x.admin'), parentId: 'nowhere' });
    expect(orphan.status).toBe(400);
    expect(orphan.body.error.details[0].path).toBe('parentId');
    const admin = await ApiClient.signIn(stack.url, 'admin.vn');
    expect((await admin.post('/api/v1/platform/tenants', onboarding('vn-x', 'a.x'))).status).toBe(403);
    expect((await admin.get('/api/v1/platform/tenants')).status).toBe(403);
  });
});

describe('users', () => {
  it('a tenant admin can never grant platform_operator, and manages only its own tenant', async () => {
    const admin = await ApiClient.signIn(stack.url, 'admin.mm');
    expect((await admin.post('/api/v1/users', { username: 'sneaky.mm', displayName: 'x', roles: ['platform_operator'] })).status).toBe(403);
    const users = (await admin.get('/api/v1/users?limit=100')).body.data.map((u: any) => u.username);
    expect(users).toContain('caseworker.mm');
    // mm's own users: the demo users of the tenant (`*.mm`) and those of its units (`supervisor.yangon`, …).
    expect(users.some((u: string) => !u.endsWith('.mm') && !DEMO_UNIT_USERS.mm!.some((d) => d.username === u))).toBe(false);
    expect((await admin.request('PATCH', `/api/v1/users/${demoUserId('caseworker.vn')}`, { body: { status: 'disabled' }, headers: { 'if-match': '"1"' } })).status).toBe(404);
    expect((await (await ApiClient.signIn(stack.url, 'caseworker.mm')).get('/api/v1/users')).status).toBe(403);
    const supervisor = await ApiClient.signIn(stack.url, 'supervisor.mm');
    expect((await supervisor.get('/api/v1/users')).status).toBe(200);
    expect((await supervisor.post('/api/v1/users', { username: 'x.mm', displayName: 'x', roles: ['caseworker'] })).status).toBe(403);
  });

  it('disabling a user stops their sign-in; roles change with If-Match; passwords reset', async () => {
    const admin = await ApiClient.signIn(stack.url, 'admin.eg');
    const created = (await admin.post('/api/v1/users', { username: 'temp.eg', displayName: 'Temporary', roles: ['caseworker'] })).body.data;
    const id = created.user.userId;
    const promoted = await admin.request('PATCH', `/api/v1/users/${id}`, { body: { roles: ['supervisor'] }, headers: { 'if-match': '"1"' } });
    expect(promoted.status).toBe(200);
    expect((await ApiClient.signIn(stack.url, 'temp.eg', created.temporaryPassword).then((c) => c.get('/api/v1/me'))).body.data.roles).toEqual(['supervisor']);
    expect((await admin.request('PATCH', `/api/v1/users/${id}`, { body: { status: 'disabled' }, headers: { 'if-match': '"1"' } })).status).toBe(412);
    expect((await admin.request('PATCH', `/api/v1/users/${id}`, { body: { status: 'disabled' }, headers: { 'if-match': '"2"' } })).status).toBe(200);
    await expect(ApiClient.signIn(stack.url, 'temp.eg', created.temporaryPassword)).rejects.toThrow(/401/);
    await admin.request('PATCH', `/api/v1/users/${id}`, { body: { status: 'active' }, headers: { 'if-match': '"3"' } });
    const reset = await admin.post(`/api/v1/users/${id}/reset-password`, {});
    expect(reset.status).toBe(200);
    await expect(ApiClient.signIn(stack.url, 'temp.eg', created.temporaryPassword)).rejects.toThrow(/401/);
    expect((await ApiClient.signIn(stack.url, 'temp.eg', reset.body.data.temporaryPassword)).token).toBeDefined();
  });
});

describe('suspension', () => {
  it('a suspended tenant\'s users get 403 TENANT_SUSPENDED until it is reactivated', async () => {
    await operator.post('/api/v1/platform/tenants', onboarding('vn-qb', 'admin.qb'));
    const registration = (await operator.get('/api/v1/platform/tenants?limit=100')).body.data.find((t: any) => t.id === 'vn-qb');
    const suspended = await operator.request('PATCH', '/api/v1/platform/tenants/vn-qb', { body: { status: 'suspended' }, headers: { 'if-match': `"${registration.version}"` } });
    expect(suspended.status).toBe(200);
    const sy = await ApiClient.signIn(stack.url, 'admin.sy');
    expect((await sy.get('/api/v1/me')).status).toBe(200);
    const syRegistration = (await operator.get('/api/v1/platform/tenants?limit=100')).body.data.find((t: any) => t.id === 'sy');
    await operator.request('PATCH', '/api/v1/platform/tenants/sy', { body: { status: 'suspended' }, headers: { 'if-match': `"${syRegistration.version}"` } });
    const refused = await sy.get('/api/v1/me');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('TENANT_SUSPENDED');
    await operator.request('PATCH', '/api/v1/platform/tenants/sy', { body: { status: 'active' }, headers: { 'if-match': `"${syRegistration.version + 1}"` } });
    expect((await sy.get('/api/v1/me')).status).toBe(200);
  });
});

describe('JWT verification', () => {
  const subject = { userId: demoUserId('supervisor.vn-na'), username: 'supervisor.vn-na', tenantId: 'vn-na', roles: ['supervisor'] };
  it.each([
    ['expired', { ttlSeconds: -60 }],
    ['from another issuer', { issuer: 'https://evil.example/issuer' }],
    ['for another audience', { audience: 'another-app' }],
    ['without a tenant claim', { withoutClaims: ['custom:tenant'] }],
  ])('a token %s answers 401', async (_what, options) => {
    const { token } = await stack.issuer.issue(subject, options);
    const res = await new ApiClient(stack.url, token).get('/api/v1/cases');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });
});
