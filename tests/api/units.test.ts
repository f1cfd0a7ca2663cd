import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack } from '../support/local-stack.ts';
import { ApiClient, newCase } from '../support/api-client.ts';
import type { LocalStack } from '../../infra/local/stack.ts';

let stack: LocalStack;
let admin: ApiClient;

beforeAll(async () => {
  process.env.SANAD_RATE_LIMIT_PER_MINUTE = '100000';
  stack = await startTestStack();
  admin = await ApiClient.signIn(stack.url, 'admin.sy');
});
afterAll(() => stack?.stop());

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const unit = (id: string, parentId: string, kind = 'region', extra: Record<string, unknown> = {}) =>
  ({ id, parentId, kind, name: { en: id, my: `${id} (my)` }, ...extra });

async function create(body: Record<string, unknown>) {
  const res = await admin.post('/api/v1/units', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string; path: string[]; version: number };
}

/** A user of sy (a tenant without demo units) placed in `unitId`, signed in. */
async function placedUser(username: string, roles: string[], unitId: string) {
  const created = await admin.post('/api/v1/users', { username, displayName: username, roles, unitId });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return ApiClient.signIn(stack.url, username, created.body.data.temporaryPassword);
}

describe('the unit tree', () => {
  it('has one root per tenant, named after it, created with the tenant', async () => {
    const units = (await admin.get('/api/v1/units')).body.data;
    expect(units).toEqual([expect.objectContaining({ id: 'sy', parentId: null, path: ['sy'], active: true, name: { en: 'Syria (pilot governorate)' } })]);
    const partner = await ApiClient.signIn(stack.url, 'ngo.sy');
    expect((await partner.get('/api/v1/units')).status).toBe(403);
  });

  it('builds under active parents, keeps paths, refuses taken ids, bad ids, cycles and a tree deeper than six levels', async () => {
    const yangon = await create(unit('yangon', 'sy'));
    expect(yangon.path).toEqual(['sy', 'yangon']);
    const township = await create(unit('thingangyun', 'yangon', 'district'));
    expect(township.path).toEqual(['sy', 'yangon', 'thingangyun']);
    expect((await admin.post('/api/v1/units', unit('yangon', 'sy'))).status).toBe(409);
    const badId = await admin.post('/api/v1/units', unit('Bad Id', 'sy'));
    expect(badId.status).toBe(400);
    expect(badId.body.error.details[0].path).toBe('id');
    expect((await admin.post('/api/v1/units', unit('orphan', 'nowhere'))).body.error.details[0].path).toBe('parentId');
    expect((await admin.post('/api/v1/units', unit('home', 'yangon', 'office', { capacity: 3 }))).body.error.details[0].path).toBe('capacity');

    const cycle = await admin.request('PATCH', '/api/v1/units/yangon', { body: { parentId: 'thingangyun' }, headers: ifMatch(yangon.version) });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.details[0].path).toBe('parentId');
    expect((await admin.request('PATCH', '/api/v1/units/sy', { body: { parentId: 'yangon' }, headers: ifMatch(1) })).status).toBe(400);

    let parent = 'thingangyun';
    for (const level of ['l4', 'l5', 'l6']) parent = (await create(unit(level, parent, 'commune'))).id;
    const tooDeep = await admin.post('/api/v1/units', unit('l7', parent, 'commune'));
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.error.details[0].path).toBe('parentId');
  });

  it('moves a unit with its subtree under If-Match (412 when stale)', async () => {
    await create(unit('mandalay', 'sy'));
    const office = await create(unit('chanmyathazi', 'mandalay', 'district'));
    await create(unit('office-a', 'chanmyathazi', 'office'));
    expect((await admin.request('PATCH', '/api/v1/units/chanmyathazi', { body: { parentId: 'yangon' }, headers: ifMatch(office.version + 1) })).status).toBe(412);
    const moved = await admin.request('PATCH', '/api/v1/units/chanmyathazi', { body: { parentId: 'yangon' }, headers: ifMatch(office.version) });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.data.path).toEqual(['sy', 'yangon', 'chanmyathazi']);
    const below = (await admin.get('/api/v1/units')).body.data.find((u: { id: string }) => u.id === 'office-a');
    expect(below.path).toEqual(['sy', 'yangon', 'chanmyathazi', 'office-a']);
  });

  it('refuses to deactivate a unit with active users or open cases (409), and the root at all', async () => {
    const facility = await create(unit('care-home', 'sy', 'facility', { capacity: 40 }));
    const worker = await placedUser('worker.care-home', ['caseworker'], 'care-home');
    expect((await admin.request('PATCH', '/api/v1/units/care-home', { body: { active: false }, headers: ifMatch(facility.version) })).status).toBe(409);
    const me = (await worker.get('/api/v1/me')).body.data;
    expect(me.unitId).toBe('care-home');
    const kase = (await worker.post('/api/v1/cases', newCase())).body.data;
    expect(kase.unitId).toBe('care-home');
    await admin.request('PATCH', `/api/v1/users/${me.userId}`, { body: { status: 'disabled' }, headers: ifMatch(1) });
    expect((await admin.request('PATCH', '/api/v1/units/care-home', { body: { active: false }, headers: ifMatch(facility.version) })).status).toBe(409);
    expect((await admin.request('PATCH', '/api/v1/units/sy', { body: { active: false }, headers: ifMatch(1) })).status).toBe(400);
  });
});

describe('scope follows the tree', () => {
  it('a township supervisor sees its subtree only; the root supervisor sees everything; others 404', async () => {
    await create(unit('bago', 'sy'));
    await create(unit('bago-east', 'bago', 'district'));
    await create(unit('bago-west', 'bago', 'district'));
    const eastWorker = await placedUser('worker.bago-east', ['caseworker'], 'bago-east');
    const westWorker = await placedUser('worker.bago-west', ['caseworker'], 'bago-west');
    const eastSupervisor = await placedUser('supervisor.bago-east', ['supervisor'], 'bago-east');
    const regionManager = await placedUser('manager.bago', ['manager'], 'bago');
    const root = await ApiClient.signIn(stack.url, 'supervisor.sy');

    const east = (await eastWorker.post('/api/v1/cases', newCase({ child: { fullName: 'Aye Aye East', sex: 'female' } }))).body.data;
    const west = (await westWorker.post('/api/v1/cases', newCase({ child: { fullName: 'Aye Aye West', sex: 'female' } }))).body.data;
    expect([east.unitPath, west.unitPath]).toEqual([['sy', 'bago', 'bago-east'], ['sy', 'bago', 'bago-west']]);

    expect((await eastSupervisor.get(`/api/v1/cases/${east.id}`)).status).toBe(200);
    const hidden = await eastSupervisor.get(`/api/v1/cases/${west.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual((await eastSupervisor.get('/api/v1/cases/00000000-0000-4000-8000-000000000000')).body);
    const eastList = (await eastSupervisor.get('/api/v1/cases?limit=100')).body.data.map((c: { id: string }) => c.id);
    expect(eastList).toContain(east.id);
    expect(eastList).not.toContain(west.id);
    const search = (await eastSupervisor.get('/api/v1/cases?q=aye+aye')).body.data.map((c: { id: string }) => c.id);
    expect(search).toEqual([east.id]);

    const regionList = (await regionManager.get('/api/v1/cases?limit=100')).body.data.map((c: { id: string }) => c.id);
    expect(regionList).toEqual(expect.arrayContaining([east.id, west.id]));
    const narrowed = (await regionManager.get('/api/v1/cases?unit=bago-west&limit=100')).body.data.map((c: { id: string }) => c.id);
    expect(narrowed).toContain(west.id);
    expect(narrowed).not.toContain(east.id);
    expect((await eastSupervisor.get('/api/v1/cases?unit=bago-west')).status).toBe(404);
    expect((await eastSupervisor.get('/api/v1/cases?unit=bago')).status).toBe(404);

    const rootList = (await root.get('/api/v1/cases?limit=100')).body.data.map((c: { id: string }) => c.id);
    expect(rootList).toEqual(expect.arrayContaining([east.id, west.id]));

    // A case can be registered only in a unit inside the creator's scope.
    const outside = await eastWorker.post('/api/v1/cases', newCase({ unitId: 'bago-west' }));
    expect(outside.status).toBe(400);
    expect(outside.body.error.details[0].path).toBe('unitId');
    expect((await regionManager.get(`/api/v1/cases/${east.id}`)).status).toBe(200);
  });
});
