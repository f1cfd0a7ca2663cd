import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient } from '../support/api-client.ts';
import { tenantRepository } from '../../functions/platform/tenant-registry.ts';
import { demoUserId } from '../../infra/local/seed.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import { ACCOUNT_POLICY, allowance } from '../../functions/identity/sign-in-throttle.ts';

let stack: LocalStack;
let operator: ApiClient;

beforeAll(async () => {
  process.env.SANAD_RATE_LIMIT_PER_MINUTE = '100000';
  stack = await startTestStack();
  operator = await ApiClient.signIn(stack.url, 'platform');
});
afterAll(() => stack?.stop());

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function newUser(admin: ApiClient, username: string, roles: string[]) {
  const created = await admin.post('/api/v1/users', { username, displayName: `Person ${username}`, roles });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: created.body.data.user.userId as string, password: created.body.data.temporaryPassword as string };
}

describe('usernames are global', () => {
  it.each([
    ['admin.mm', 'supervisor.vn', 'vn'],
    ['admin.eg', 'platform', '_platform'],
    ['admin.sy', 'Caseworker.VN-NA', 'vn-na'],
  ])('%s naming %s gets 409 without learning where it is taken, and the person keeps their account', async (adminName, username, home) => {
    const admin = await ApiClient.signIn(stack.url, adminName);
    const attempt = await admin.post('/api/v1/users', { username, displayName: 'Takeover', roles: ['caseworker'] });
    expect(attempt.status).toBe(409);
    expect(attempt.body.error.code).toBe('CONFLICT');
    expect(JSON.stringify(attempt.body)).not.toContain(home);
    const users = (await admin.get('/api/v1/users?limit=100')).body.data.map((user: { username: string }) => user.username);
    expect(users).not.toContain(username.toLowerCase());
    const victim = await ApiClient.signIn(stack.url, username.toLowerCase());
    expect((await victim.get('/api/v1/me')).body.data.tenant.id).toBe(home === '_platform' ? '_platform' : home);
  });

  it('a profile that could not be written leaves no identity behind', async () => {
    // Another request claimed the name in this tenant a moment earlier (the profile write loses the race).
    await tenantRepository('mm').transact([{ put: { pk: 'USERNAME#racing.name', sk: 'CLAIM', entity: 'username-claim', userId: 'usr-other' } }]);
    const mm = await ApiClient.signIn(stack.url, 'admin.mm');
    expect((await mm.post('/api/v1/users', { username: 'racing.name', displayName: 'Racing', roles: ['caseworker'] })).status).toBe(409);
    // The account made before the profile was deleted again: the name is free elsewhere.
    const eg = await ApiClient.signIn(stack.url, 'admin.eg');
    expect((await eg.post('/api/v1/users', { username: 'racing.name', displayName: 'Racing', roles: ['caseworker'] })).status).toBe(201);
  });

  it("a profile naming another tenant's account acts on nothing: role change, disable and reset answer 404", async () => {
    // What the old hole left behind: a profile in mm pointing at vn's supervisor.
    const planted = { userId: 'usr-planted', username: 'supervisor.vn', displayName: 'Planted', roles: ['caseworker'], status: 'active', version: 1 };
    await tenantRepository('mm').transact([{ put: { pk: `USER#${planted.userId}`, sk: 'PROFILE', entity: 'user', gsi2pk: 'USERS', gsi2sk: planted.username, ...planted } }]);
    const mm = await ApiClient.signIn(stack.url, 'admin.mm');
    const reset = await mm.post(`/api/v1/users/${planted.userId}/reset-password`, {});
    expect(reset.status).toBe(404);
    expect(reset.body.data).toBeUndefined();
    expect((await mm.request('PATCH', `/api/v1/users/${planted.userId}`, { body: { roles: ['supervisor'] }, headers: ifMatch(1) })).status).toBe(404);
    expect((await mm.request('PATCH', `/api/v1/users/${planted.userId}`, { body: { status: 'disabled' }, headers: ifMatch(1) })).status).toBe(404);
    const victim = await ApiClient.signIn(stack.url, 'supervisor.vn');
    expect((await victim.get('/api/v1/me')).body.data).toMatchObject({ roles: ['supervisor'], tenant: { id: 'vn' } });
  });
});

describe('memberships in several tenants', () => {
  it('are granted by the platform operator only; the person signs in to either and can switch', async () => {
    const admin = await ApiClient.signIn(stack.url, 'admin.vn');
    expect((await admin.post('/api/v1/users', { username: 'caseworker2.vn-na', displayName: 'Also in Viet Nam', roles: ['manager'] })).status).toBe(409);
    const tenantAdmin = await admin.post('/api/v1/platform/tenants/vn/members', { username: 'caseworker2.vn-na', displayName: 'Also in Viet Nam', roles: ['manager'] });
    expect(tenantAdmin.status).toBe(403);
    const granted = await operator.post('/api/v1/platform/tenants/vn/members', { username: 'caseworker2.vn-na', displayName: 'Also in Viet Nam', roles: ['manager'] });
    expect(granted.status, JSON.stringify(granted.body)).toBe(201);
    const login = await new ApiClient(stack.url).post('/local/login', { username: 'caseworker2.vn-na', password: 'sanad-demo', tenant: 'vn' });
    expect(login.body.data.memberships.map((m: { tenantId: string }) => m.tenantId).sort()).toEqual(['vn', 'vn-na']);
    const inVn = new ApiClient(stack.url, login.body.data.token);
    expect((await inVn.get('/api/v1/me')).body.data).toMatchObject({ roles: ['manager'], tenant: { id: 'vn' } });
    const switched = await inVn.post('/local/switch-tenant', { tenant: 'vn-na' });
    expect((await new ApiClient(stack.url, switched.body.data.token).get('/api/v1/me')).body.data.tenant.id).toBe('vn-na');
    // The password is the person's: only the home tenant's admin may reset it.
    const memberId = granted.body.data.userId;
    expect((await admin.post(`/api/v1/users/${memberId}/reset-password`, {})).status).toBe(404);
    expect((await ApiClient.signIn(stack.url, 'caseworker2.vn-na')).token).toBeDefined();
  });
});

describe('sessions end when access does', () => {
  it("a disabled user's token is refused on the next request, and works again once re-enabled and signed in", async () => {
    const admin = await ApiClient.signIn(stack.url, 'admin.eg');
    const { id, password } = await newUser(admin, 'soon.disabled', ['caseworker']);
    const session = await ApiClient.signIn(stack.url, 'soon.disabled', password);
    expect((await session.get('/api/v1/cases')).status).toBe(200);
    expect((await admin.request('PATCH', `/api/v1/users/${id}`, { body: { status: 'disabled' }, headers: ifMatch(1) })).status).toBe(200);
    const refused = await session.get('/api/v1/cases');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('UNAUTHENTICATED');
    expect((await admin.request('PATCH', `/api/v1/users/${id}`, { body: { status: 'active' }, headers: ifMatch(2) })).status).toBe(200);
    expect((await session.get('/api/v1/cases')).status).toBe(401);
    await sleep(1_100);
    expect((await (await ApiClient.signIn(stack.url, 'soon.disabled', password)).get('/api/v1/cases')).status).toBe(200);
  });

  it("a password reset ends the user's sessions; the new password's session works", async () => {
    const admin = await ApiClient.signIn(stack.url, 'admin.eg');
    const { id, password } = await newUser(admin, 'soon.reset', ['caseworker']);
    const session = await ApiClient.signIn(stack.url, 'soon.reset', password);
    const reset = await admin.post(`/api/v1/users/${id}/reset-password`, {});
    expect(reset.status).toBe(200);
    expect((await session.get('/api/v1/cases')).status).toBe(401);
    await sleep(1_100);
    const fresh = await ApiClient.signIn(stack.url, 'soon.reset', reset.body.data.temporaryPassword);
    expect((await fresh.get('/api/v1/cases')).status).toBe(200);
  });

  it('a role change applies to the next request of a token issued before it', async () => {
    const admin = await ApiClient.signIn(stack.url, 'admin.eg');
    const { id, password } = await newUser(admin, 'soon.demoted', ['supervisor']);
    const session = await ApiClient.signIn(stack.url, 'soon.demoted', password);
    expect((await session.get('/api/v1/approvals?status=pending')).status).toBe(200);
    expect((await admin.request('PATCH', `/api/v1/users/${id}`, { body: { roles: ['caseworker'] }, headers: ifMatch(1) })).status).toBe(200);
    expect((await session.get('/api/v1/me')).body.data.roles).toEqual(['caseworker']);
    expect((await session.get('/api/v1/approvals?status=pending')).status).toBe(403);
  });

  it('a user whose profile is gone is refused', async () => {
    const admin = await ApiClient.signIn(stack.url, 'admin.eg');
    const { id, password } = await newUser(admin, 'soon.removed', ['caseworker']);
    const session = await ApiClient.signIn(stack.url, 'soon.removed', password);
    await tenantRepository('eg').transact([{ delete: { pk: `USER#${id}`, sk: 'PROFILE' } }]);
    await sleep(5_100);
    expect((await session.get('/api/v1/cases')).status).toBe(401);
  });
});

describe('user administration audit', () => {
  it('records who did what to whom, and flags a tenant admin granting themselves case roles', async () => {
    const admin = await ApiClient.signIn(stack.url, 'admin.sy');
    const { id } = await newUser(admin, 'audited.person', ['caseworker']);
    await admin.request('PATCH', `/api/v1/users/${id}`, { body: { roles: ['supervisor'] }, headers: ifMatch(1) });
    await admin.request('PATCH', `/api/v1/users/${id}`, { body: { status: 'disabled' }, headers: ifMatch(2) });
    await admin.post(`/api/v1/users/${id}/reset-password`, {});
    const adminId = demoUserId('admin.sy');
    const self = await admin.request('PATCH', `/api/v1/users/${adminId}`, { body: { roles: ['tenant_admin', 'supervisor'] }, headers: ifMatch(1) });
    expect(self.status, JSON.stringify(self.body)).toBe(200);

    const audit = await admin.get('/api/v1/users/audit?limit=10');
    expect(audit.status).toBe(200);
    const entries = audit.body.data as { action: string; actor: { username: string }; target: { username: string }; changes: { path: string; from: unknown; to: unknown }[]; selfGrant?: boolean }[];
    expect(entries.map((entry) => `${entry.action} ${entry.target.username}`).slice(0, 5)).toEqual([
      'user.updated admin.sy',
      'user.password_reset audited.person',
      'user.updated audited.person',
      'user.updated audited.person',
      'user.created audited.person',
    ]);
    expect(entries.every((entry) => entry.actor.username === 'admin.sy' || entry.actor.username === 'platform')).toBe(true);
    expect(entries[0]).toMatchObject({ selfGrant: true, changes: [{ path: 'roles', from: ['tenant_admin'], to: ['supervisor', 'tenant_admin'] }] });
    expect(entries[2]).toMatchObject({ changes: [{ path: 'status', from: 'active', to: 'disabled' }] });
    expect(entries[2]!.selfGrant).toBeUndefined();
    expect(entries[3]).toMatchObject({ changes: [{ path: 'roles', from: ['caseworker'], to: ['supervisor'] }] });

    const caseworker = await ApiClient.signIn(stack.url, 'caseworker.sy');
    expect((await caseworker.get('/api/v1/users/audit')).status).toBe(403);
    // Another tenant's admin sees none of it.
    const other = await ApiClient.signIn(stack.url, 'admin.mm');
    expect(JSON.stringify((await other.get('/api/v1/users/audit?limit=100')).body)).not.toContain('audited.person');
  });
});

describe('sign-in throttling', () => {
  it('answers unknown usernames exactly as known ones, and backs off after five failures instead of locking', async () => {
    const anonymous = new ApiClient(stack.url);
    // Eight at once: DynamoDB decides which of them may check a password (five, and one more per backoff step
    // that opens while the burst lasts); the rest wait.
    const burst = async (username: string) => {
      const started = Date.now();
      const answers = await Promise.all(Array.from({ length: 8 }, () => anonymous.post('/local/login', { username, password: 'wrong' })));
      const checked = answers.filter((res) => res.status === 401).length;
      expect(answers.every((res) => res.status === 401 || res.status === 429)).toBe(true);
      expect(checked).toBeGreaterThanOrEqual(1);
      expect(checked).toBeLessThanOrEqual(allowance(ACCOUNT_POLICY, (Date.now() - started) / 1000));
      return answers;
    };
    const bodies = (answers: { status: number; body: unknown }[], status: number) => new Set(answers.filter((res) => res.status === status).map((res) => JSON.stringify(res.body)));
    const known = await burst('caseworker2.eg');
    const unknown = await burst('nobody.at-all');
    expect(bodies(unknown, 401)).toEqual(bodies(known, 401));
    expect(bodies(unknown, 429)).toEqual(bodies(known, 429));
    expect(bodies(known, 429).size).toBe(1);
    // The next attempt waits: a backoff of seconds, not a 15-minute lock; after it the right password gets in.
    const waiting = await anonymous.post('/local/login', { username: 'caseworker2.eg', password: 'sanad-demo' });
    const retryAfter = waiting.status === 429 ? Number(waiting.headers.get('retry-after')) : 0;
    expect(retryAfter).toBeLessThanOrEqual(8);
    await sleep(retryAfter * 1000 + 100);
    const signedIn = waiting.status === 200 ? waiting : await anonymous.post('/local/login', { username: 'caseworker2.eg', password: 'sanad-demo' });
    expect(signedIn.status).toBe(200);
    // A success ends the streak: the free attempts are there again.
    expect((await burst('caseworker2.eg')).filter((res) => res.status === 401).length).toBeGreaterThanOrEqual(1);
  });

  it('every attempt is audited in the tenant of the account', async () => {
    const anonymous = new ApiClient(stack.url);
    await anonymous.post('/local/login', { username: 'supervisor.mm', password: 'wrong' });
    const month = new Date().toISOString().slice(0, 7);
    const audit = await tenantRepository('mm').query({ partition: `AUDIT#SIGNIN#${month}`, limit: 100 });
    expect(audit.items.some((item) => item.username === 'supervisor.mm' && item.outcome === 'wrong')).toBe(true);
  });
});
