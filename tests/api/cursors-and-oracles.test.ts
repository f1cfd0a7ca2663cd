import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient, newCase, type ApiResult } from '../support/api-client.ts';
import { importCsv } from '../support/reports-client.ts';

/**
 * Scope and existence through the public API: forged page cursors are a 400 at `cursor` (never a 500, never
 * a read of another partition); a 404 for a record the caller may not see is byte for byte the 404 of one that
 * does not exist; duplicate checks name cases by number and score, and by id only to whoever may read them;
 * the users of a deactivated partner organisation no longer reach its referrals.
 */

let stack: LocalStack;
let caseworker: ApiClient;
let caseworker2: ApiClient;
let supervisor: ApiClient;
let admin: ApiClient;
let partner: ApiClient;
let platform: ApiClient;
let burmeseSupervisor: ApiClient;
let syrianPartner: ApiClient;

beforeAll(async () => {
  stack = await startTestStack();
  const signIn = (username: string) => ApiClient.signIn(stack.url, username);
  [caseworker, caseworker2, supervisor, admin, partner, platform, burmeseSupervisor, syrianPartner] = await Promise.all([
    signIn('caseworker.vn-na'), signIn('caseworker2.vn-na'), signIn('supervisor.vn-na'), signIn('admin.vn-na'), signIn('ngo.vn-na'),
    signIn('platform'), signIn('supervisor.mm'), signIn('ngo.sy'),
  ]);
});
afterAll(() => stack?.stop());

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const consent = { givenBy: 'caregiver', givenAt: day(0), expiresAt: day(180) };
const referralBody = { organizationId: 'ngo-vn-na', service: 'psychosocial-support', reason: 'Counselling', consent, share: ['child.basic'] };

async function register(client: ApiClient, fullName = 'Phạm Thị Lan', dateOfBirth = '2013-02-01') {
  const res = await client.post('/api/v1/cases', newCase({ child: { fullName, sex: 'female', dateOfBirth } }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { data: { id: string; caseNumber: string; version: number }; meta: { possibleDuplicates: Record<string, unknown>[] } };
}

async function refer(client = caseworker) {
  const kase = (await register(client)).data;
  const res = await client.post(`/api/v1/cases/${kase.id}/referrals`, referralBody);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { kase, referral: res.body.data as { id: string; version: number } };
}

// ---------------------------------------------------------------------------------------------------------
// Page cursors
// ---------------------------------------------------------------------------------------------------------

type Key = Record<string, unknown>;
const decode = (cursor: string): Key => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Key;
const encode = (key: unknown) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
const withCursor = (path: string, cursor: string) => `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;

/** The key attribute of the queried table or index that holds its partition (gsi1pk, gsi2pk or pk). */
const partitionAttribute = (key: Key) => (['gsi1pk', 'gsi2pk'].find((name) => name in key) ?? 'pk');
const sortAttribute = (key: Key) => partitionAttribute(key).replace(/pk$/, 'sk');

/** Cursors that were never a nextCursor of this list, each with what it tries. */
function forgeries(genuine: string, options: { outsideRange?: string } = {}): [string, string][] {
  const key = decode(genuine);
  const partition = partitionAttribute(key);
  const sort = sortAttribute(key);
  const tenantPrefix = String(key.pk).slice(0, String(key.pk).indexOf('#', 2) + 1);
  const otherIndex = partition === 'pk'
    ? { ...key, gsi2pk: `${tenantPrefix}CASES`, gsi2sk: '2026-01-01T00:00:00.000Z#x' }
    : Object.fromEntries(Object.entries(key).map(([name, value]) => [name.replace(/^gsi(\d)/, (_, n: string) => `gsi${n === '1' ? 2 : 1}`), value]));
  const tableOnly = { pk: key.pk, sk: key.sk };
  const forged: [string, unknown][] = [
    ['the key of another index', otherIndex],
    ['only the table\'s key', partition === 'pk' ? { pk: key.pk } : tableOnly],
    ['another partition of the same tenant', { ...key, [partition]: `${tenantPrefix}${key[partition] === `${tenantPrefix}USERS` ? 'CASES' : 'USERS'}` }],
    ['another partition of the same tenant (a case)', { ...key, [partition]: `${tenantPrefix}CASE#${randomUUID()}` }],
    ['another tenant\'s partition', Object.fromEntries(Object.entries(key).map(([name, value]) => [name, String(value).replace(tenantPrefix, 'T#mm#')]))],
    ['a tenant whose id merely starts the same', { ...key, [partition]: String(key[partition]).replace(tenantPrefix, tenantPrefix.replace(/#$/, 'x#')) }],
    ['an extra attribute', { ...key, gsi9pk: `${tenantPrefix}X` }],
    ['a number for the sort key', { ...key, [sort]: 5 }],
    ['a DynamoDB-JSON value', { ...key, [sort]: { S: String(key[sort]) } }],
    ['an empty sort key', { ...key, [sort]: '' }],
    ['an empty object', {}],
    ['a JSON array', [key]],
    ['null', null],
    ['a __proto__ key', JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(key).slice(1)}`)],
  ];
  if (options.outsideRange !== undefined) forged.push(['a sort key outside the query\'s range', { ...key, [sort]: options.outsideRange }]);
  return [
    ...forged.map(([what, value]): [string, string] => [what, encode(value)]),
    ['not JSON', Buffer.from('{"pk": "T#vn-na#', 'utf8').toString('base64url')],
    ['not base64url', 'not a cursor!'],
    ['huge', 'A'.repeat(5_000)],
    ['a huge key', encode({ ...key, [sort]: 'x'.repeat(1_500) })],
  ];
}

function expectCursorRefused(res: ApiResult<any>, what: string) {
  expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(400);
  expect(res.body.error.code, what).toBe('VALIDATION_FAILED');
  expect(res.body.error.details.map((d: { path: string }) => d.path), what).toEqual(['cursor']);
}

/** Pages through a list with limit=1: the genuine cursor works, every forgery is a 400 at `cursor`. */
async function checkList(client: ApiClient, path: string, options: { outsideRange?: string } = {}) {
  const first = await client.get(`${path}${path.includes('?') ? '&' : '?'}limit=1`);
  expect(first.status, `${path}: ${JSON.stringify(first.body)}`).toBe(200);
  const cursor = first.body.meta.nextCursor as string | null;
  expect(cursor, `${path} has a second page`).toEqual(expect.any(String));
  const second = await client.get(withCursor(`${path}${path.includes('?') ? '&' : '?'}limit=1`, cursor!));
  expect(second.status, `${path} page 2: ${JSON.stringify(second.body)}`).toBe(200);
  expect(second.body.data).not.toEqual(first.body.data);
  for (const [what, forged] of forgeries(cursor!, options)) {
    expectCursorRefused(await client.get(withCursor(path, forged)), `${path}, ${what}`);
  }
}

describe('page cursors', () => {
  beforeAll(async () => {
    // Two of everything the lists below page through.
    const cases = [(await register(caseworker, 'Võ Thị Na')).data, (await register(caseworker, 'Võ Văn Hải')).data];
    for (const kase of cases) {
      expect((await caseworker.post(`/api/v1/cases/${kase.id}/follow-ups`, { dueDate: day(2), note: 'Home visit' })).status).toBe(201);
      expect((await caseworker.post(`/api/v1/cases/${kase.id}/referrals`, referralBody)).status).toBe(201);
      expect((await caseworker.post(`/api/v1/cases/${kase.id}/assessment`, { needs: ['school'], summary: 'Needs support' }, ifMatch(kase.version))).status).toBe(200);
      expect((await caseworker.post(`/api/v1/cases/${kase.id}/transfers`, { toTenantId: 'vn', reason: 'The family moved', consent: { givenBy: 'guardian', givenAt: day(0) } })).status).toBe(201);
    }
    expect((await caseworker.post(`/api/v1/cases/${cases[0]!.id}/referrals`, { ...referralBody, reason: 'Second referral' })).status).toBe(201);
    (globalThis as { cursorCase?: string }).cursorCase = cases[0]!.id;
  });

  it('are refused with 400 at `cursor` when forged, on the caseload (owner and tenant index)', async () => {
    await checkList(caseworker, '/api/v1/cases');
    await checkList(supervisor, '/api/v1/cases');
  });

  it('... on follow-ups (a sort-key range: a key outside it is refused too)', async () => {
    await checkList(caseworker, '/api/v1/follow-ups?due=week', { outsideRange: `${day(30)}#x` });
    await checkList(supervisor, '/api/v1/follow-ups?due=week', { outsideRange: '0000' });
  });

  it('... on approvals, referrals (outbox, inbox, one case\'s), users, organisations, transfers and tenants', async () => {
    await checkList(supervisor, '/api/v1/approvals?status=pending');
    await checkList(caseworker, '/api/v1/referrals?box=outbox');
    await checkList(partner, '/api/v1/referrals?box=inbox');
    const caseId = (globalThis as { cursorCase?: string }).cursorCase!;
    await checkList(caseworker, `/api/v1/referrals?caseId=${caseId}`, { outsideRange: 'META' });
    await checkList(admin, '/api/v1/users');
    await checkList(caseworker, '/api/v1/organizations');
    await checkList(caseworker, '/api/v1/transfers?box=outbox');
    await checkList(platform, '/api/v1/platform/tenants', { outsideRange: 'PROFILE' });
  });

  it('... on search, whose cursors are its own', async () => {
    await register(caseworker, 'Võ Thị Na');
    const first = await caseworker.get('/api/v1/cases?q=vo%20thi%20na&limit=1');
    expect(first.status).toBe(200);
    const genuine = first.body.meta.nextCursor as string;
    expect(genuine).toEqual(expect.any(String));
    expect((await caseworker.get(withCursor('/api/v1/cases?q=vo%20thi%20na&limit=1', genuine))).status).toBe(200);
    const listCursor = (await caseworker.get('/api/v1/cases?limit=1')).body.meta.nextCursor as string;
    for (const [what, forged] of [...forgeries(listCursor), ['a list cursor', listCursor] as [string, string]]) {
      expectCursorRefused(await caseworker.get(withCursor('/api/v1/cases?q=vo%20thi%20na', forged)), `search, ${what}`);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// 404s
// ---------------------------------------------------------------------------------------------------------

/** Everything of a response a client could tell apart, but the Date header. */
function observable(res: ApiResult) {
  const headers = Object.fromEntries([...res.headers.entries()].filter(([name]) => !['date', 'keep-alive', 'connection'].includes(name)));
  return { status: res.status, headers, body: typeof res.body === 'string' ? res.body : JSON.stringify(res.body) };
}

/** The 404 for an existing record the caller may not see equals, byte for byte, the 404 for a random id. */
async function expectSameNotFound(hidden: Promise<ApiResult>, missing: Promise<ApiResult>, what: string) {
  const [a, b] = [observable(await hidden), observable(await missing)];
  expect(a.status, `${what}: ${a.body}`).toBe(404);
  expect(a, what).toEqual(b);
}

describe('404 for "not yours" is 404 for "does not exist"', () => {
  it('for referrals: on a case out of the caller\'s scope, another organisation\'s, another tenant\'s, revoked', async () => {
    const { kase, referral } = await refer();
    const random = randomUUID();
    for (const client of [caseworker2, syrianPartner]) {
      await expectSameNotFound(client.get(`/api/v1/referrals/${referral.id}`), client.get(`/api/v1/referrals/${random}`), 'read');
    }
    await expectSameNotFound(
      caseworker2.post(`/api/v1/referrals/${referral.id}/revoke`, { reason: 'x' }, ifMatch(referral.version)),
      caseworker2.post(`/api/v1/referrals/${random}/revoke`, { reason: 'x' }, ifMatch(referral.version)),
      'revoke',
    );
    await expectSameNotFound(
      caseworker2.get(`/api/v1/referrals?caseId=${kase.id}`), caseworker2.get(`/api/v1/referrals?caseId=${randomUUID()}`), 'a case\'s referrals',
    );
    await expectSameNotFound(
      caseworker2.post(`/api/v1/cases/${kase.id}/referrals`, referralBody), caseworker2.post(`/api/v1/cases/${randomUUID()}/referrals`, referralBody), 'refer',
    );
    const revoked = await caseworker.post(`/api/v1/referrals/${referral.id}/revoke`, { reason: 'Consent withdrawn' }, ifMatch(referral.version));
    expect(revoked.status).toBe(200);
    await expectSameNotFound(partner.get(`/api/v1/referrals/${referral.id}`), partner.get(`/api/v1/referrals/${random}`), 'revoked, to the partner');
    await expectSameNotFound(
      partner.post(`/api/v1/referrals/${referral.id}/accept`, {}, ifMatch(2)), partner.post(`/api/v1/referrals/${random}/accept`, {}, ifMatch(2)), 'accept revoked',
    );
  });

  it('for cases and their sub-records, to a caseworker who neither owns nor is assigned the case, and to another tenant', async () => {
    const kase = (await register(caseworker)).data;
    const followUp = (await caseworker.post(`/api/v1/cases/${kase.id}/follow-ups`, { dueDate: day(3), note: 'Call' })).body.data as { id: string };
    const placement = await caseworker.post(`/api/v1/cases/${kase.id}/placements`, { type: 'kinship', startDate: day(0), carer: 'Aunt' });
    expect(placement.status, JSON.stringify(placement.body)).toBe(201);
    const random = randomUUID();
    const burmeseCaseworker = await ApiClient.signIn(stack.url, 'caseworker.mm');
    for (const client of [caseworker2, burmeseCaseworker]) {
      for (const suffix of ['', '/history', '/history/verify', '/overview']) {
        await expectSameNotFound(client.get(`/api/v1/cases/${kase.id}${suffix}`), client.get(`/api/v1/cases/${random}${suffix}`), `GET case${suffix}`);
      }
      await expectSameNotFound(
        client.request('PATCH', `/api/v1/cases/${kase.id}`, { body: { riskLevel: 'high' }, headers: ifMatch(kase.version) }),
        client.request('PATCH', `/api/v1/cases/${random}`, { body: { riskLevel: 'high' }, headers: ifMatch(kase.version) }),
        'PATCH case',
      );
      await expectSameNotFound(
        client.post(`/api/v1/cases/${kase.id}/follow-ups`, { dueDate: day(3), note: 'x' }), client.post(`/api/v1/cases/${random}/follow-ups`, { dueDate: day(3), note: 'x' }), 'add follow-up',
      );
      await expectSameNotFound(
        client.post(`/api/v1/cases/${kase.id}/follow-ups/${followUp.id}/complete`, {}, ifMatch(1)),
        client.post(`/api/v1/cases/${random}/follow-ups/${randomUUID()}/complete`, {}, ifMatch(1)),
        'complete follow-up',
      );
      const end = { endDate: day(0), endReason: 'planned' };
      await expectSameNotFound(
        client.post(`/api/v1/cases/${kase.id}/placements/${String(placement.body.data.id)}/end`, end, ifMatch(1)),
        client.post(`/api/v1/cases/${random}/placements/${randomUUID()}/end`, end, ifMatch(1)),
        'end placement',
      );
    }
    // The owner asking for a sub-record that does not exist gets the very same 404.
    await expectSameNotFound(
      caseworker.post(`/api/v1/cases/${kase.id}/follow-ups/${randomUUID()}/complete`, {}, ifMatch(1)), caseworker2.post(`/api/v1/cases/${kase.id}/follow-ups/${followUp.id}/complete`, {}, ifMatch(1)), 'own case, missing follow-up',
    );
  });

  it('for approvals, transfers and imports of another tenant', async () => {
    const kase = (await register(caseworker)).data;
    const submitted = await caseworker.post(`/api/v1/cases/${kase.id}/assessment`, { needs: ['school'], summary: 'Needs support' }, ifMatch(kase.version));
    const approvalId = String(submitted.body.data.pendingApproval.id);
    await expectSameNotFound(
      burmeseSupervisor.post(`/api/v1/approvals/${approvalId}/approve`, {}, ifMatch(1)), burmeseSupervisor.post(`/api/v1/approvals/${randomUUID()}/approve`, {}, ifMatch(1)), 'approve',
    );
    const transfer = await caseworker.post(`/api/v1/cases/${kase.id}/transfers`, { toTenantId: 'vn', reason: 'Moved', consent: { givenBy: 'guardian', givenAt: day(0) } });
    expect(transfer.status, JSON.stringify(transfer.body)).toBe(201);
    const transferId = String(transfer.body.data.id);
    const forgedId = transferId.replace(/[0-9a-f-]{36}$/, randomUUID());
    await expectSameNotFound(burmeseSupervisor.get(`/api/v1/transfers/${transferId}`), burmeseSupervisor.get(`/api/v1/transfers/${forgedId}`), 'transfer');
    await expectSameNotFound(burmeseSupervisor.get(`/api/v1/transfers/${transferId}`), burmeseSupervisor.get(`/api/v1/transfers/mm.vn.${randomUUID()}`), 'transfer of the caller\'s tenant');
    const job = await importCsv(supervisor, 'externalId,fullName,sex,dateOfBirth,location,categories,riskLevel,status,openedAt,closedAt\noracle-1,Đỗ Thị Hà,female,2012-01-01,,neglect,low,,2024-01-01,');
    for (const suffix of ['', '/failed.csv', '/duplicates.csv']) {
      await expectSameNotFound(burmeseSupervisor.get(`/api/v1/imports/${job.id}${suffix}`), burmeseSupervisor.get(`/api/v1/imports/${randomUUID()}${suffix}`), `import${suffix}`);
    }
  });

  it('for organisations a partner does not belong to', async () => {
    await expectSameNotFound(partner.get('/api/v1/organizations/health-vn-na'), partner.get('/api/v1/organizations/no-such-org'), 'organisation');
    await expectSameNotFound(partner.get('/api/v1/organizations/health-vn-na'), admin.get('/api/v1/organizations/no-such-org'), 'organisation, to its admin');
  });
});

// ---------------------------------------------------------------------------------------------------------
// Duplicate checks
// ---------------------------------------------------------------------------------------------------------

describe('possible duplicates', () => {
  it('name a case the caller may not read by its number and score only, and give its id to those who may', async () => {
    const theirs = (await register(caseworker2, 'Trịnh Thị Duyên', '2012-03-01')).data;
    const mine = (await register(caseworker, 'Trinh Thi Duyen', '2012-04-01'));
    expect(mine.meta.possibleDuplicates).toEqual([{ caseNumber: theirs.caseNumber, score: 1 }]);

    const child = { fullName: 'trịnh thị duyên', sex: 'female', dateOfBirth: '2012-05-01' };
    const asCaseworker = await caseworker.post('/api/v1/cases/possible-duplicates', { child });
    expect(asCaseworker.status).toBe(200);
    // The caseworker's own case comes with its id; the colleague's without.
    expect(asCaseworker.body.data).toHaveLength(2);
    expect(asCaseworker.body.data).toEqual(expect.arrayContaining([
      { id: mine.data.id, caseNumber: mine.data.caseNumber, score: 1 },
      { caseNumber: theirs.caseNumber, score: 1 },
    ]));
    const asSupervisor = await supervisor.post('/api/v1/cases/possible-duplicates', { child });
    expect(asSupervisor.body.data).toEqual(expect.arrayContaining([
      { id: mine.data.id, caseNumber: mine.data.caseNumber, score: 1 },
      { id: theirs.id, caseNumber: theirs.caseNumber, score: 1 },
    ]));
    const bySupervisor = await register(supervisor, 'Trịnh Thị Duyên', '2012-03-02');
    expect(bySupervisor.meta.possibleDuplicates.map((d) => d.id).sort()).toEqual([mine.data.id, theirs.id].sort());

    // Nothing of the response carries the colleague's case id.
    expect(JSON.stringify(mine)).not.toContain(theirs.id);
    expect(JSON.stringify(asCaseworker.body)).not.toContain(theirs.id);
  });

  it('in an import\'s duplicates.csv name case numbers and scores, never case ids', async () => {
    const existing = (await register(caseworker2, 'Lương Thị Bích', '2011-07-07')).data;
    const job = await importCsv(supervisor, 'externalId,fullName,sex,dateOfBirth,location,categories,riskLevel,status,openedAt,closedAt\ndupe-1,Luong Thi Bich,female,2011-08-08,,neglect,low,,2024-01-01,');
    const csv = String((await supervisor.get(`/api/v1/imports/${job.id}/duplicates.csv`)).body);
    expect(csv).toContain(`${existing.caseNumber} (1)`);
    expect(csv).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Deactivated partner organisations
// ---------------------------------------------------------------------------------------------------------

async function setActive(active: boolean) {
  const current = await admin.get('/api/v1/organizations/ngo-vn-na');
  expect(current.status).toBe(200);
  const res = await admin.request('PATCH', '/api/v1/organizations/ngo-vn-na', { body: { active }, headers: ifMatch(current.body.data.version) });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.data.active).toBe(active);
}

describe('a deactivated partner organisation', () => {
  it('loses its referrals: an empty inbox, 404 on each (as for one that does not exist), until reactivated', async () => {
    const { referral } = await refer();
    const inbox = async () => (await partner.get('/api/v1/referrals?box=inbox&limit=100')).body as { data: { id: string }[] };
    expect((await inbox()).data.map((r) => r.id)).toContain(referral.id);
    expect((await partner.get(`/api/v1/referrals/${referral.id}`)).status).toBe(200);

    expect((await partner.get('/api/v1/notifications')).body.data.referrals.unread).toBeGreaterThan(0);
    await setActive(false);
    try {
      expect((await partner.get('/api/v1/notifications')).body.data.referrals).toEqual({ unread: 0, more: false });
      const list = await partner.get('/api/v1/referrals?box=inbox');
      expect(list.status).toBe(200);
      expect(list.body).toEqual({ data: [], meta: { nextCursor: null } });
      const random = randomUUID();
      await expectSameNotFound(partner.get(`/api/v1/referrals/${referral.id}`), partner.get(`/api/v1/referrals/${random}`), 'read');
      for (const [action, body] of [['accept', {}], ['decline', { reason: 'Full' }], ['complete', { outcome: 'Done' }]] as const) {
        await expectSameNotFound(
          partner.post(`/api/v1/referrals/${referral.id}/${action}`, body, ifMatch(referral.version)),
          partner.post(`/api/v1/referrals/${random}/${action}`, body, ifMatch(referral.version)),
          action,
        );
      }
      // The referring side still sees its referral, untouched.
      const seen = await caseworker.get(`/api/v1/referrals/${referral.id}`);
      expect(seen.body.data).toMatchObject({ status: 'pending', version: referral.version });
    } finally {
      await setActive(true);
    }

    expect((await inbox()).data.map((r) => r.id)).toContain(referral.id);
    const accepted = await partner.post(`/api/v1/referrals/${referral.id}/accept`, {}, ifMatch(referral.version));
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  });
});
