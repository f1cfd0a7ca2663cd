import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient, newCase, type ApiResult } from '../support/api-client.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

/**
 * Approvals, follow-ups, the referrals outbox, assignment and moving a case follow the unit tree:
 *   mm ─┬─ yangon ── thingangyun ── thingangyun-office
 *       └─ mandalay ── chanmyathazi
 * (ids carry a random suffix, so demo data with the same units does not collide).
 */
let stack: LocalStack;
let admin: ApiClient;
let root: ApiClient;
const s = randomUUID().slice(0, 6);
const U = { yangon: `yangon-${s}`, thingangyun: `thingangyun-${s}`, office: `thingangyun-office-${s}`, mandalay: `mandalay-${s}`, chanmyathazi: `chanmyathazi-${s}` };
let workerT: ApiClient;
let workerC: ApiClient;
let supervisorT: ApiClient;
let supervisorY: ApiClient;
let supervisorM: ApiClient;
let supervisorC: ApiClient;
const ids: Record<string, string> = {};

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const assessment = { needs: ['school fees'], summary: 'Lives with grandmother; out of school.' };
const referralBody = {
  organizationId: 'ngo-mm', service: 'psychosocial-support', reason: 'Counselling',
  consent: { givenBy: 'caregiver', givenAt: day(0), expiresAt: day(180) }, share: ['child.basic'],
};
const RANDOM_ID = '00000000-0000-4000-8000-000000000000';

async function createUnit(id: string, parentId: string, kind = 'region') {
  const res = await admin.post('/api/v1/units', { id, parentId, kind, name: { en: id } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

async function placedUser(name: string, roles: string[], unitId: string): Promise<ApiClient> {
  const username = `${name}.${unitId}`;
  const created = await admin.post('/api/v1/users', { username, displayName: username, roles, unitId });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const client = await ApiClient.signIn(stack.url, username, created.body.data.temporaryPassword);
  ids[username] = (await client.get('/api/v1/me')).body.data.userId;
  return client;
}

function ok<T = any>(res: ApiResult<T>, status = 200): T {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

const idsOf = async (client: ApiClient, path: string): Promise<string[]> => ok<any>(await client.get(path)).data.map((item: { id: string }) => item.id);

async function register(client: ApiClient, overrides: Record<string, unknown> = {}) {
  return ok<any>(await client.post('/api/v1/cases', newCase(overrides)), 201).data as { id: string; version: number; unitId: string };
}

async function withPendingApproval(client = workerT) {
  const kase = await register(client);
  const assessed = ok<any>(await client.post(`/api/v1/cases/${kase.id}/assessment`, assessment, ifMatch(kase.version))).data;
  return assessed as { id: string; version: number; pendingApproval: { id: string } };
}

const notFoundBody = async (client: ApiClient, path: string, body: unknown, version = 1) => {
  const res = await client.post(path, body, ifMatch(version));
  expect(res.status).toBe(404);
  return JSON.stringify(res.body);
};

beforeAll(async () => {
  process.env.SANAD_RATE_LIMIT_PER_MINUTE = '100000';
  stack = await startTestStack();
  admin = await ApiClient.signIn(stack.url, 'admin.mm');
  root = await ApiClient.signIn(stack.url, 'supervisor.mm');
  ids.root = (await root.get('/api/v1/me')).body.data.userId;
  await createUnit(U.yangon, 'mm');
  await createUnit(U.mandalay, 'mm');
  await createUnit(U.thingangyun, U.yangon, 'district');
  await createUnit(U.chanmyathazi, U.mandalay, 'district');
  await createUnit(U.office, U.thingangyun, 'office');
  [workerT, workerC, supervisorT, supervisorY, supervisorM, supervisorC] = await Promise.all([
    placedUser('caseworker', ['caseworker'], U.thingangyun),
    placedUser('caseworker', ['caseworker'], U.chanmyathazi),
    placedUser('supervisor', ['supervisor'], U.thingangyun),
    placedUser('supervisor', ['supervisor'], U.yangon),
    placedUser('supervisor', ['supervisor'], U.mandalay),
    placedUser('supervisor', ['supervisor'], U.chanmyathazi),
  ]);
});
afterAll(() => stack?.stop());

describe('approvals follow the tree', () => {
  it('go to every supervisor whose subtree holds the case, and to nobody else (404 like a random id)', async () => {
    const kase = await withPendingApproval();
    const approvalId = kase.pendingApproval.id;
    for (const client of [supervisorT, supervisorY, root]) expect(await idsOf(client, '/api/v1/approvals?limit=100')).toContain(approvalId);
    for (const client of [supervisorM, supervisorC]) expect(await idsOf(client, '/api/v1/approvals?limit=100')).not.toContain(approvalId);

    // ?unit= narrows inside the scope; a unit outside it is 404.
    expect(await idsOf(supervisorY, `/api/v1/approvals?unit=${U.thingangyun}&limit=100`)).toContain(approvalId);
    expect(await idsOf(root, `/api/v1/approvals?unit=${U.mandalay}&limit=100`)).not.toContain(approvalId);
    expect((await supervisorY.get(`/api/v1/approvals?unit=${U.mandalay}`)).status).toBe(404);

    // Mandalay cannot decide it, whatever If-Match says: the body is byte for byte a random id's.
    const random = await notFoundBody(supervisorM, `/api/v1/approvals/${RANDOM_ID}/approve`, {});
    expect(await notFoundBody(supervisorM, `/api/v1/approvals/${approvalId}/approve`, {})).toBe(random);
    expect(await notFoundBody(supervisorM, `/api/v1/approvals/${approvalId}/approve`, {}, 7)).toBe(random);
    expect(await notFoundBody(supervisorM, `/api/v1/approvals/${approvalId}/reject`, { comment: 'No' })).toBe(random);
    expect(await notFoundBody(supervisorM, `/api/v1/approvals/${RANDOM_ID}/reject`, { comment: 'No' })).toBe(random);

    // The nearest supervisor decides; the decided approval moves to the approved queues of the same subtree.
    ok(await supervisorT.post(`/api/v1/approvals/${approvalId}/approve`, {}, ifMatch(1)));
    expect(await idsOf(supervisorY, '/api/v1/approvals?status=approved&limit=100')).toContain(approvalId);
    expect(await idsOf(supervisorY, '/api/v1/approvals?limit=100')).not.toContain(approvalId);
    expect(await idsOf(supervisorM, '/api/v1/approvals?status=approved&limit=100')).not.toContain(approvalId);
  });
});

describe('follow-ups and the referrals outbox follow the tree', () => {
  it('list a township case for its township, region and root supervisors only', async () => {
    const kase = await register(workerT);
    const followUp = ok<any>(await workerT.post(`/api/v1/cases/${kase.id}/follow-ups`, { dueDate: day(2), note: 'Home visit' }), 201).data;
    const referral = ok<any>(await workerT.post(`/api/v1/cases/${kase.id}/referrals`, referralBody), 201).data;

    for (const client of [supervisorT, supervisorY, root]) {
      expect(await idsOf(client, '/api/v1/follow-ups?due=week&limit=100')).toContain(followUp.id);
      expect(await idsOf(client, '/api/v1/referrals?box=outbox&limit=100')).toContain(referral.id);
    }
    for (const client of [supervisorM, supervisorC, workerC]) {
      expect(await idsOf(client, '/api/v1/follow-ups?due=week&limit=100')).not.toContain(followUp.id);
      expect(await idsOf(client, '/api/v1/referrals?box=outbox&limit=100')).not.toContain(referral.id);
    }
    // The caseworker still sees their own; status and caseId work as before.
    expect(await idsOf(workerT, '/api/v1/follow-ups?due=week&limit=100')).toContain(followUp.id);
    expect(await idsOf(supervisorT, '/api/v1/referrals?box=outbox&status=pending&limit=100')).toContain(referral.id);
    expect(await idsOf(supervisorT, '/api/v1/referrals?box=outbox&status=completed&limit=100')).not.toContain(referral.id);
    expect(await idsOf(supervisorY, `/api/v1/referrals?caseId=${kase.id}`)).toEqual([referral.id]);
    expect((await supervisorM.get(`/api/v1/referrals?caseId=${kase.id}`)).status).toBe(404);
    // ?unit= narrows the follow-ups too.
    expect(await idsOf(root, `/api/v1/follow-ups?due=week&unit=${U.yangon}&limit=100`)).toContain(followUp.id);
    expect(await idsOf(root, `/api/v1/follow-ups?due=week&unit=${U.mandalay}&limit=100`)).not.toContain(followUp.id);
    expect((await supervisorT.get(`/api/v1/follow-ups?unit=${U.yangon}`)).status).toBe(404);

    // Completing the follow-up drops it from every unit's list.
    ok(await workerT.post(`/api/v1/cases/${kase.id}/follow-ups/${followUp.id}/complete`, {}, ifMatch(followUp.version)));
    expect(await idsOf(supervisorY, '/api/v1/follow-ups?due=week&limit=100')).not.toContain(followUp.id);
  });
});

describe('assign follows the tree', () => {
  it('only to a caseworker or supervisor whose home unit is in the case\'s unit subtree (400 at userId)', async () => {
    const kase = await register(workerT);
    const across = await supervisorT.post(`/api/v1/cases/${kase.id}/assign`, { userId: ids[`caseworker.${U.chanmyathazi}`] }, ifMatch(kase.version));
    expect(across.status).toBe(400);
    expect(across.body.error.details[0].path).toBe('userId');
    // A supervisor above the case's unit is not in its subtree either.
    const above = await root.post(`/api/v1/cases/${kase.id}/assign`, { userId: ids[`supervisor.${U.yangon}`] }, ifMatch(kase.version));
    expect(above.body.error.details[0].path).toBe('userId');
    const inside = ok<any>(await supervisorY.post(`/api/v1/cases/${kase.id}/assign`, { userId: ids[`supervisor.${U.thingangyun}`] }, ifMatch(kase.version))).data;
    expect(inside.assignedTo).toEqual([ids[`supervisor.${U.thingangyun}`]]);

    // A regional case may go to a township worker below it; Mandalay's supervisor cannot even see it.
    const regional = await register(supervisorY, { unitId: U.yangon });
    expect(ok<any>(await supervisorY.post(`/api/v1/cases/${regional.id}/assign`, { userId: ids[`caseworker.${U.thingangyun}`] }, ifMatch(regional.version))).data.assignedTo)
      .toEqual([ids[`caseworker.${U.thingangyun}`]]);
    expect((await supervisorM.post(`/api/v1/cases/${regional.id}/assign`, { userId: ids[`caseworker.${U.chanmyathazi}`] }, ifMatch(2))).status).toBe(404);
  });
});

describe('moving a case', () => {
  it('checks If-Match, the target and the case\'s scope; the case, its follow-ups, referrals and pending approval move together', async () => {
    const registered = await register(workerT);
    const followUp = ok<any>(await workerT.post(`/api/v1/cases/${registered.id}/follow-ups`, { dueDate: day(3), note: 'School visit' }), 201).data;
    const referral = ok<any>(await workerT.post(`/api/v1/cases/${registered.id}/referrals`, referralBody), 201).data;
    const assessed = ok<any>(await workerT.post(`/api/v1/cases/${registered.id}/assessment`, assessment, ifMatch(registered.version))).data;
    const approvalId = assessed.pendingApproval.id;
    const path = `/api/v1/cases/${assessed.id}/move`;
    const body = { unitId: U.chanmyathazi, reason: 'The family moved to Mandalay' };

    expect((await root.post(path, body, ifMatch(assessed.version - 1))).status).toBe(412);
    expect((await root.post(path, body)).status).toBe(428);
    const outside = await supervisorY.post(path, body, ifMatch(assessed.version));
    expect(outside.status).toBe(400);
    expect(outside.body.error.details[0].path).toBe('unitId');
    const unknown = await root.post(path, { ...body, unitId: 'nowhere' }, ifMatch(assessed.version));
    expect(unknown.body.error.details[0].path).toBe('unitId');
    expect((await root.post(path, { unitId: U.chanmyathazi }, ifMatch(assessed.version))).body.error.details[0].path).toBe('reason');
    const hidden = await supervisorM.post(path, body, ifMatch(assessed.version));
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(hidden.body)).toBe(await notFoundBody(supervisorM, `/api/v1/cases/${RANDOM_ID}/move`, body, assessed.version));
    expect((await workerT.post(path, body, ifMatch(assessed.version))).status).toBe(403);

    const moved = ok<any>(await root.post(path, body, ifMatch(assessed.version)));
    expect(moved.data).toMatchObject({ unitId: U.chanmyathazi, unitPath: ['mm', U.mandalay, U.chanmyathazi], version: assessed.version + 1, ownerId: ids.root, assignedTo: [] });

    // The case is Mandalay's now, and no longer Thingangyun's (its former owner's included).
    expect((await supervisorC.get(`/api/v1/cases/${assessed.id}`)).status).toBe(200);
    expect(await idsOf(supervisorC, '/api/v1/cases?limit=100')).toContain(assessed.id);
    expect((await supervisorT.get(`/api/v1/cases/${assessed.id}`)).status).toBe(404);
    expect((await workerT.get(`/api/v1/cases/${assessed.id}`)).status).toBe(404);
    expect(await idsOf(supervisorT, '/api/v1/cases?limit=100')).not.toContain(assessed.id);

    // Its open follow-up, referral and pending approval moved with it.
    for (const client of [supervisorC, supervisorM, root]) {
      expect(await idsOf(client, '/api/v1/approvals?limit=100')).toContain(approvalId);
      expect(await idsOf(client, '/api/v1/follow-ups?due=week&limit=100')).toContain(followUp.id);
      expect(await idsOf(client, '/api/v1/referrals?box=outbox&limit=100')).toContain(referral.id);
    }
    for (const client of [supervisorT, supervisorY]) {
      expect(await idsOf(client, '/api/v1/approvals?limit=100')).not.toContain(approvalId);
      expect(await idsOf(client, '/api/v1/follow-ups?due=week&limit=100')).not.toContain(followUp.id);
      expect(await idsOf(client, '/api/v1/referrals?box=outbox&limit=100')).not.toContain(referral.id);
    }
    expect(await idsOf(workerT, '/api/v1/follow-ups?due=week&limit=100')).not.toContain(followUp.id);
    expect((await supervisorT.post(`/api/v1/approvals/${approvalId}/approve`, {}, ifMatch(1))).status).toBe(404);
    ok(await supervisorC.post(`/api/v1/approvals/${approvalId}/approve`, {}, ifMatch(1)));

    // The history shows the move and its reason.
    const history = ok<any>(await supervisorC.get(`/api/v1/cases/${assessed.id}/history`)).data;
    const move = history.find((entry: { action: string }) => entry.action === 'move');
    expect(move.changes).toEqual(expect.arrayContaining([
      { path: 'unitId', from: U.thingangyun, to: U.chanmyathazi },
      { path: 'move.reason', from: null, to: body.reason },
      { path: 'ownerId', from: ids[`caseworker.${U.thingangyun}`], to: ids.root },
    ]));
    expect(ok<any>(await supervisorC.get(`/api/v1/cases/${assessed.id}/history/verify`)).data.valid).toBe(true);
  });

  it('keeps the owner when their home unit holds the target and the assignees inside its subtree; refuses the unit the case is in', async () => {
    const officeWorker = await placedUser('caseworker', ['caseworker'], U.office);
    const kase = await register(workerT);
    let assigned = ok<any>(await supervisorT.post(`/api/v1/cases/${kase.id}/assign`, { userId: ids[`caseworker.${U.thingangyun}`] }, ifMatch(kase.version))).data;
    assigned = ok<any>(await supervisorT.post(`/api/v1/cases/${kase.id}/assign`, { userId: ids[`caseworker.${U.office}`] }, ifMatch(assigned.version))).data;
    const same = await supervisorT.post(`/api/v1/cases/${kase.id}/move`, { unitId: U.thingangyun, reason: 'Nothing' }, ifMatch(assigned.version));
    expect(same.body.error.details[0].path).toBe('unitId');
    const moved = ok<any>(await supervisorT.post(`/api/v1/cases/${kase.id}/move`, { unitId: U.office, reason: 'The office takes it' }, ifMatch(assigned.version))).data;
    expect(moved).toMatchObject({ unitId: U.office, ownerId: ids[`caseworker.${U.thingangyun}`] });
    // The township caseworker's home unit is not inside the office's subtree: as an assignee they are dropped.
    expect(moved.assignedTo).toEqual([ids[`caseworker.${U.office}`]]);
    expect((await workerT.get(`/api/v1/cases/${kase.id}`)).status).toBe(200);
    expect((await officeWorker.get(`/api/v1/cases/${kase.id}`)).status).toBe(200);
    expect(await idsOf(officeWorker, '/api/v1/cases?assigned=me&limit=100')).toContain(kase.id);
    expect(await idsOf(workerT, '/api/v1/cases?assigned=me&limit=100')).not.toContain(kase.id);

    // A deactivated unit takes no cases.
    const closedUnit = `closed-${s}`;
    await createUnit(closedUnit, U.thingangyun, 'office');
    ok(await admin.request('PATCH', `/api/v1/units/${closedUnit}`, { body: { active: false }, headers: ifMatch(1) }));
    const inactive = await supervisorT.post(`/api/v1/cases/${kase.id}/move`, { unitId: closedUnit, reason: 'Closed office' }, ifMatch(moved.version));
    expect(inactive.status).toBe(400);
    expect(inactive.body.error.details[0].path).toBe('unitId');
  });

  it('refuses (409) a case whose open follow-ups do not fit in one transaction, and moves nothing', async () => {
    const kase = await register(workerT);
    for (let i = 0; i < 99; i++) ok(await workerT.post(`/api/v1/cases/${kase.id}/follow-ups`, { dueDate: day(1), note: `Visit ${i}` }), 201);
    const refused = await root.post(`/api/v1/cases/${kase.id}/move`, { unitId: U.chanmyathazi, reason: 'Moved' }, ifMatch(kase.version));
    expect(refused.status).toBe(409);
    expect(ok<any>(await supervisorT.get(`/api/v1/cases/${kase.id}`)).data).toMatchObject({ unitId: U.thingangyun, version: kase.version });
  });
});
